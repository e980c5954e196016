import type { FollowUpWords, SmallTalkKind } from './english.ts';

/**
 * The Russian the bot reads questions and documents with, mirroring english.ts: stop words, question words and
 * the patterns that tell what kind of answer a question wants and whether a sentence holds it. Lower-case,
 * with ё written е (as `words` folds it). JavaScript's `\b` knows only ASCII letters, so patterns over Cyrillic
 * use {@link CYRILLIC_START} and {@link CYRILLIC_END}.
 */

/** Where a word starts and ends in Cyrillic text: `\b` treats every Cyrillic letter as a non-word character. */
export const CYRILLIC_START = '(?<![\\p{L}\\p{N}])';
export const CYRILLIC_END = '(?![\\p{L}\\p{N}])';

/** Question words, every form: they say what kind of answer is wanted, not what the question is about. */
export const RUSSIAN_QUESTION_WORDS: ReadonlySet<string> = new Set(
	`кто кого кому кем ком чей чья чье чьи чьего чьей чьих когда где куда откуда сколько скока скольким скольких скольки почему зачем
	что чего чему чем какой какая какое какие какого какую каком каким какими каких какому как который которая которое
	которые которого которой котором ли разве неужели`
		.split(/\s+/)
		.filter(Boolean),
);

/**
 * Russian function words (Snowball's stop list, less the question words) and the chat around a question: as in
 * English, adverbs of time and frequency ("раньше", "сейчас", "чаще") and the words of asking ("подскажите",
 * "интересует") say how something is asked, not what about.
 */
export const RUSSIAN_STOPWORDS: ReadonlySet<string> = new Set(
	`и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет
	о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя
	ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж
	тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех
	никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три
	эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между это эта
	эти это этот также либо ещё весь вся всё все всем всеми свой своя свои своих своей своим своего тех тому теми та те то
	бывает будут будем буду будешь бы было быть являться является являются является стал стала стало стали
	привет здравствуйте добрый день спасибо благодарю пожалуйста подскажите скажите расскажите скажи подскажи
	вообще вообщем вобще кстати типа короче просто реально конкретно чё че блин вот интересно хочу хотел хотела знать узнать
	раньше ранее прежде сначала потом снова часто чаще обычно именно например действительно вроде примерно
	сейчас щас теперь сегодняшний нынешний текущий вкратце кратко подробно подробнее поподробнее
	плиз пж пжлст спс ок окей ребят ребята народ кто-нибудь кто-то что-то что-нибудь вопрос вопросик
	интересует интересно хотелось подскажет знает знаете инфа информация информацию подробности называется зовут
	нужно нужна нужен нужны должен должна должно должны`
		.split(/\s+/)
		.filter(Boolean),
);

/** "В каком году …", "в какой день …": after these, a noun names the kind of answer, not its subject. */
export const RUSSIAN_KIND_ASKING_WORDS: ReadonlySet<string> = new Set(
	'какой какая какое какие какого какую каком каким какими каких какому который которая которое которые котором которого'.split(' '),
);

/** "Кто был омбудсменом до Оскольской?": someone other than the person named after these words is asked for. */
export const RUSSIAN_OTHER_PERSON = /(?<![\p{L}])(?:до|после|вместо|кроме|сменил|сменила|сменит)\s+(\p{L}+)/u;

/** Nouns that, after a kind-asking word, ask for a date, a place or a number ("в каком году", "в какой стране"). */
export const RUSSIAN_KIND_NOUNS: ReadonlySet<string> = new Set(
	'год году года годы день дня дату дата число числа месяц месяце время город городе городом страна стране страны страной страну место месте количество'.split(' '),
);

/** Compound adjectives of a duration ("семилетний", "трехмесячный", "десятидневный"): a numeral's stem, then a unit of time. */
const COMPOUND_DURATION = /^(?:одно|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти|двенадцати|пятнадцати|двадцати|тридцати|сорока|пятидесяти|много)(лет|месяч|днев|недель|годич|часов)\p{L}+$/u;
const UNIT_OF_COMPOUND: Readonly<Record<string, string>> = { лет: 'лет', месяч: 'месяцев', днев: 'дней', недель: 'недель', годич: 'года', часов: 'часов' };

/**
 * The unit of time a compound adjective holds, as a question names it: "семилетний срок" answers "на сколько
 * лет", but the stemmer keeps "семилетн" apart from "лет". Undefined for any other word.
 * @example compoundDurationUnit('семилетний') // → 'лет'
 */
export function compoundDurationUnit(word: string): string | undefined {
	const unit = COMPOUND_DURATION.exec(word.toLowerCase())?.[1];
	return unit === undefined ? undefined : UNIT_OF_COMPOUND[unit];
}

const W = (pattern: string) => `${CYRILLIC_START}(?:${pattern})${CYRILLIC_END}`;

/** Question patterns per kind of answer, tried in order (duration before number, as in English). */
export const RUSSIAN_EXPECTATION_RULES: readonly [RegExp, 'date' | 'duration' | 'number' | 'place' | 'agent' | 'reason'][] = [
	[new RegExp(`${W('как долго|сколько времени')}|${W('на сколько|сколько|скока|какой')}\\s+(?:лет|месяцев|недель|срок)${CYRILLIC_END}`, 'u'), 'duration'],
	// "какой бюджет", "какая зарплата": a sum of money is asked for as a number is.
	[
		new RegExp(
			`${W('сколько|скока|скольким|скольких|скольки')}|${W('как(?:ое|ой|ая|ую|ова|ов)')}\\s+(?:количество|число|процент|доля|долю|размер|сумма|сумму|бюджет|зарплата|зарплату|оклад|штраф|стоимость|цена|цену|пошлина|пошлину)${CYRILLIC_END}`,
			'u',
		),
		'number',
	],
	[new RegExp(`${W('когда|с каких пор')}|${W('как(?:ом|ой|ого|ую)')}\\s+(?:году|года|день|дня|числа|месяце|дату)${CYRILLIC_END}`, 'u'), 'date'],
	[new RegExp(`${W('где|куда|откуда')}|${W('как(?:ом|ой|ую)')}\\s+(?:городе|стране|месте|отеле|области|регионе)${CYRILLIC_END}|${W('как(?:ой|ую|ая)')}\\s+(?:страной|страну|страна|городом)${CYRILLIC_END}`, 'u'), 'place'],
	[new RegExp(`${W('кто|кого|кому|кем|чей|чья|чье|чьи|как зовут|имя|фамилия')}`, 'u'), 'agent'],
	[new RegExp(`${W('почему|зачем|по какой причине')}`, 'u'), 'reason'],
];

/** Month names in every case a date is written with ("12 марта", "в сентябре"), as stems. */
const MONTH_STEMS = 'январ|феврал|март|апрел|ма[йея]|июн|июл|август|сентябр|октябр|ноябр|декабр';
/** A sentence that dates something: a year, a month, a weekday or a relative day. */
export const RUSSIAN_DATE = new RegExp(
	`${CYRILLIC_START}(?:1[89]\\d\\d|20\\d\\d)${CYRILLIC_END}|${CYRILLIC_START}(?:${MONTH_STEMS}|понедельник|вторник|сред[ау]|четверг|пятниц|суббот|воскресень|вчера|сегодня|завтра|летом|зимой|весной|осенью)\\p{L}*`,
	'iu',
);
/** A duration: a number before a unit of time, or a compound adjective ("семилетний срок", "на пять лет"). */
export const RUSSIAN_DURATION = new RegExp(
	`(?:\\d+|${CYRILLIC_START}(?:один|одн|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять))\\s+(?:лет|год|года|месяц|месяца|месяцев|недел|дн|дней|час)\\p{L}*|\\p{L}*(?:летн|месячн|дневн)(?:ий|его|ем|ий|ого|ому|ым|ом|ая|ей|юю|ую|ие|их)${CYRILLIC_END}`,
	'iu',
);
/** Words that count: with digits that are not a year, what a Russian count is written with. */
export const RUSSIAN_NUMBER_STEMS: ReadonlySet<string> = new Set(
	'два две тре четыр пят шест сем восем девят десят двадца тридца сорок сот тысяч миллион миллиард половин четверт пятых'.split(' '),
);
/** A sentence about a place: "в Женеве", "из Приозерной области", a compass word. */
export const RUSSIAN_PLACE = new RegExp(`${CYRILLIC_START}(?:в|во|из|на|под|у)\\s+\\p{Lu}|${CYRILLIC_START}(?:област|город|регион|округ|стран|столиц|район)\\p{L}*`, 'u');
/** A sentence that gives a reason. */
export const RUSSIAN_REASON = new RegExp(W('потому что|так как|поскольку|чтобы|из-за|благодаря|в связи с|поэтому|ради'), 'iu');
/** Nouns for people and bodies that can answer "кто" ("депутаты", "Народным собранием"). */
export const RUSSIAN_AGENT = new RegExp(
	`${CYRILLIC_START}(?:представител|член|депутат|правительств|парламент|собрани|министр|суд|судь|орган|граждан|люд|заявител|сотрудник|комисси|совет|президент|уполномочен|омбудсмен|правозащитник)\\p{L}*`,
	'giu',
);

/**
 * An ordinal, or a word that picks one holder of an office among several ("второй заместитель", "предыдущий
 * омбудсмен", "его предшественник"): a question with one asks about that one, so a fact must say it too.
 */
export const RUSSIAN_ORDINAL = new RegExp(
	'^(?:(?:перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят)(?:ый|ой|ий|ая|ое|ые|ого|ому|ым|ом|ую|ых|ыми|ья|ье|ьи|ьего|ьему|ьей|ью|ьим|ьих)|(?:предыдущ|прежн|бывш|предшественни|преемни)\\p{L}*)$',
	'u',
);
/** "в прошлом году", "в следующем месяце": a relative time before a period, which picks one year or month. */
export const RUSSIAN_RELATIVE_TIME = /^(?:прошл|следующ|будущ|предстоящ)\p{L}*$/u;
export const RUSSIAN_PERIODS = /^(?:год|году|года|месяц|месяце|месяца|недел\p{L}*)$/u;

/** A yes/no question: "ли" ("может ли …"), or one that opens with "можно", "может", "есть ли", "разве". */
export const RUSSIAN_YES_NO = new RegExp(`${W('ли|разве|неужели')}|^(?:можно|может|могут|есть|было|был|была|правда)${CYRILLIC_END}`, 'u');

/**
 * The noun an adjective of a place is made from, as a stem: "таврийский" → "тавр" (Таврия), "казахстанский" →
 * "казахстан". Russian makes such adjectives with "-ск-" (after "-ий-" for names in "-ия"); the stemmer keeps it.
 */
export function placeOfAdjective(stem: string): string | undefined {
	const base = /^(\p{L}{4,}?)(?:ийск|ск)$/u.exec(stem)?.[1];
	return base;
}

/** Words that deny, for the negation feature. */
export const RUSSIAN_NEGATION = new RegExp(W('не|нет|ни|никто|ничего|никогда|нельзя|без|запрещено|запрещается'), 'iu');

/**
 * Abbreviations whose full stop ends no sentence even before a capital: "т.е.", "г." (год, город), "ст." (статья),
 * "им.", titles. Lower-case, without their final full stop. Not "и т.д.", "и т.п.", "и др.": written at the end
 * of a sentence, their full stop is the sentence's too, and before a lower-case word nothing splits anyway.
 */
export const RUSSIAN_ABBREVIATIONS: readonly string[] = [
	'т.е', 'т.к', 'т.н', 'г', 'гг', 'ст', 'стр', 'ч', 'п', 'пп', 'см', 'ср', 'им', 'ул', 'д', 'кв', 'обл', 'р-н', 'руб', 'тыс', 'млн',
	'млрд', 'коп', 'долл', 'чел', 'янв', 'фев', 'авг', 'сент', 'окт', 'нояб', 'дек', 'проф', 'акад', 'доц', 'зам', 'пред', 'гл', 'напр',
	'в т.ч', 'т.ч', 'н.э', 'вв', 'в',
];

/**
 * Words that open a Russian sentence with a capital without naming anyone ("Согласно …", "Кроме того"), besides
 * the stop words and question words, which never name anyone either.
 */
export const RUSSIAN_SENTENCE_OPENERS: readonly string[] = ['согласно', 'кроме', 'однако', 'почти', 'после', 'перед', 'также', 'читайте', 'смотрите'];

/** Site furniture that opens a line which is not part of an article ("Читайте также: …"). */
export const RUSSIAN_BOILERPLATE_OPENERS: readonly string[] = ['читайте также', 'читайте', 'смотрите также', 'см. также', 'реклама', 'поделиться', 'подписывайтесь'];

/**
 * Russian small talk, by kind, as people type it (lower case, ё as е), mirroring english.ts's SMALL_TALK: a message
 * made only of these and {@link RUSSIAN_SMALL_TALK_FILLERS} is chat; a greeting or thanks may open a real question.
 */
export const RUSSIAN_SMALL_TALK: Readonly<Record<SmallTalkKind, readonly string[]>> = {
	greeting: [
		'привет', 'приветик', 'приветствую', 'здравствуйте', 'здравствуй', 'здрасте', 'здрасьте', 'добрый день', 'добрый вечер', 'доброе утро',
		'доброго времени суток', 'салют', 'хай', 'как дела', 'как ты', 'как вы', 'как поживаешь',
	],
	thanks: ['спасибо', 'спасибо за помощь', 'благодарю за помощь', 'спасибки', 'спс', 'благодарю', 'большое спасибо', 'спасибо большое', 'спасибо огромное', 'огромное спасибо', 'мерси', 'благодарствую'],
	farewell: ['пока', 'пока пока', 'до свидания', 'всего доброго', 'всего хорошего', 'до встречи', 'до связи', 'увидимся', 'счастливо'],
	capabilities: [
		'что ты умеешь', 'что вы умеете', 'что ты можешь', 'что вы можете', 'что ты умеешь делать', 'что ты можешь делать', 'чем ты можешь помочь',
		'чем вы можете помочь', 'чем можешь помочь', 'кто ты', 'ты кто', 'кто вы', 'вы кто', 'что ты такое', 'ты бот', 'расскажи о себе',
		'что ты делаешь', 'для чего ты',
	],
	documents: [
		'какие у тебя документы', 'какие у вас документы', 'какие документы у тебя есть', 'какие документы у вас есть', 'какие документы ты знаешь',
		'какие у тебя есть документы', 'что ты знаешь', 'что вы знаете', 'откуда ты знаешь', 'откуда информация', 'список документов', 'источники', 'документы',
	],
	help: ['помощь', 'помоги', 'помогите', 'справка', 'хелп', 'как пользоваться', 'как тобой пользоваться', 'как это работает', 'как задать вопрос', 'команды', 'меню', 'старт'],
};

/** Words that may pad Russian small talk without making it a question ("привет, бот", "спасибо большое ещё раз"). */
export const RUSSIAN_SMALL_TALK_FILLERS: readonly string[] = [
	'бот', 'ботик', 'омбудсбот', 'ну', 'а', 'и', 'же', 'еще', 'раз', 'вам', 'тебе', 'всем', 'ребята', 'друг', 'пожалуйста', 'плиз', 'ок', 'окей',
	'ладно', 'хорошо', 'отлично', 'супер', 'очень', 'за', 'ответ', 'там', 'снова',
];

/**
 * Third-person pronouns that stand for a person named before ("По ее словам, …", "— сказал он", "ее заместителем"):
 * the sentence is about that person though it does not name them.
 */
export const RUSSIAN_PERSON_PRONOUNS: ReadonlySet<string> = new Set('он она его ее её ему ей него нее неё нему ней ним нем нём им ею'.split(' '));

/** Russian surnames by their endings, in any case (Оскольская, Климовой, Вересова, Вересов, Гаранин): the base, then the case. */
const RUSSIAN_SURNAME = /^(\p{Lu}\p{Ll}+(?:ов|ев|ёв|ин|ын|ск|цк))(?:а|ой|у|ую|ым|ом|е|ий|ая|ого|ому|им|ей|ых|ыми)?$/u;

/**
 * The surname of a word as a Russian text writes it, without its case ending, lower-case: "Оскольской" →
 * "оскольск", "Вересов" and "Вересова" → "вересов" (Snowball cuts the two apart). Undefined for a word that is none.
 */
export function russianSurname(word: string): string | undefined {
	return RUSSIAN_SURNAME.exec(word)?.[1]?.toLowerCase();
}

/**
 * A sentence whose subject is the sentence before it, or what that sentence spoke of: it opens with a pronoun or
 * "Это" ("Он не вправе быть членом партии.", "Это позволило …"), as English "This …", "It …" do, or cites the
 * report or data the sentence before named ("Согласно докладу, …", "По этим данным …", "В нем …").
 */
export const RUSSIAN_LEANS_ON_PREVIOUS =
	/^(?:Это|Этот|Эта|Эти|Он|Она|Оно|Они|Там|Тогда|(?:Согласно|По)\s+(?:нему|ней|ним|этим\s+данным|этому\s+докладу|докладу|отчету|отчёту|данным\s+доклада)|В\s+(?:нем|нём|ней|них|докладе|отчете|отчёте))(?![\p{L}\p{N}])/u;

/** The forms of "он" and "она" (and the neuter "оно", which shares "он"'s oblique forms), by grammatical gender. */
const MASCULINE_PRONOUNS: ReadonlySet<string> = new Set('он его ему него нему ним нем им'.split(' '));
const FEMININE_PRONOUNS: ReadonlySet<string> = new Set('она ее ей нее ней ею'.split(' '));

/**
 * The grammatical gender of a person's name, by the surname's ending in Cyrillic or in Latin letters ("Оскольская",
 * "Shakirova" are women; "Вересов", "Shakirov" men); undefined for a name whose ending does not tell.
 */
export function genderOfName(name: string): 'masculine' | 'feminine' | undefined {
	const surname = name.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '';
	if (/(?:ова|ева|ёва|ина|ына|ская|цкая|кызы|қызы|ova|eva|ina|yna|skaya|kyzy)$/u.test(surname)) return 'feminine';
	if (/(?:ов|ев|ёв|ин|ын|ский|цкий|улы|ұлы|ov|ev|in|yn|sky|skiy|uly)$/u.test(surname)) return 'masculine';
	return undefined;
}

/** The words a question that asks who someone is has besides the pronoun. */
const IDENTITY_WORDS: ReadonlySet<string> = new Set(['а', 'и', 'кто', 'кем', 'такой', 'такая', 'был', 'была', 'является']);

/** Verb stems that say a pronoun is a person's: speaking, being born, working, being chosen for an office. */
const PERSON_VERB_STEMS: readonly string[] = ['сказ', 'говор', 'заяв', 'отмет', 'подчеркн', 'счита', 'дума', 'родил', 'работа', 'учил', 'назнач', 'избра', 'выступ', 'представ'];
/** Verb stems that say a pronoun is an event's or a body's: taking place, being founded, opening. */
const THING_VERB_STEMS: readonly string[] = ['проход', 'прош', 'состоя', 'провод', 'провед', 'организ', 'созда', 'основа', 'откры', 'закры', 'начал', 'законч', 'приня', 'приним', 'располож', 'находит'];

/**
 * Which of the last person and the last thing a Russian "он", "она", "его" stands for: a person when asked who
 * ("кто он?") or with a verb only people do ("что он сказал?"); the thing when the pronoun's gender is not the
 * person's ("она" after Askar Shakirov) or the verb is an event's ("где она проходила?").
 */
function russianEitherReading(pronoun: string, words: readonly string[], person: string | undefined): 'person' | 'thing' | undefined {
	if (pronoun === 'оно') return 'thing';
	// "Кто он?", "кто она такая?": asked who; "кто его проводил?" asks who did something to it, which the verb tells.
	if (words.every((w) => w === pronoun || IDENTITY_WORDS.has(w))) return 'person';
	const gender = person ? genderOfName(person) : undefined;
	const pronounGender = FEMININE_PRONOUNS.has(pronoun) ? 'feminine' : MASCULINE_PRONOUNS.has(pronoun) ? 'masculine' : undefined;
	if (gender && pronounGender && gender !== pronounGender) return 'thing';
	if (words.some((w) => THING_VERB_STEMS.some((stem) => w.startsWith(stem)))) return 'thing';
	if (words.some((w) => PERSON_VERB_STEMS.some((stem) => w.startsWith(stem)))) return 'person';
	return undefined;
}

/**
 * A Russian word that looks like a verb, not a noun: a past tense ("проходил", "выступила"), a reflexive
 * ("состоялась"), an infinitive, a present tense in "-ает"/"-ует", a short participle ("создан", "избрана").
 * A guess by endings, kept to the ones few nouns have.
 */
const RUSSIAN_VERB = /(?:[аяиеыу]л[аио]?|[аяиеыу]лся|лась|лось|лись|ется|ются|ится|ятся|[аяиеу]ть|ться|[аяу]ет|[аяу]ют|^\p{L}{4,}(?:ан|ен|ят)[аоы]?)$/u;

/**
 * What a Russian question asks about, for the next message's "он", "она", "оно": its last run of content words,
 * the question words, function words and verbs left out ("Где проходил 19-й ежегодный форум?" → "19-й ежегодный
 * форум"). Russian has no article to open the phrase as English's "the" does, and its case endings stay as asked.
 */
export function russianSubject(question: string): string | undefined {
	const runs: string[][] = [[]];
	for (const token of question.split(/\s+/)) {
		const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
		const lower = word.toLowerCase().replace(/ё/g, 'е');
		const content = word !== '' && !RUSSIAN_STOPWORDS.has(lower) && !RUSSIAN_QUESTION_WORDS.has(lower) && !RUSSIAN_PERSON_PRONOUNS.has(lower) && (/^\p{Lu}/u.test(word) || !RUSSIAN_VERB.test(lower));
		if (content) runs.at(-1)!.push(word);
		else if (runs.at(-1)!.length) runs.push([]);
		// A comma or a question mark ends the phrase as a function word does.
		if (content && /[,;:?!.]$/u.test(token)) runs.push([]);
	}
	return runs.filter((run) => run.length).at(-1)?.slice(-4).join(' ');
}

/**
 * People a Russian or Kazakh text names: a capitalised first name before a surname ("Эмиль Варецкий", "Дарина
 * Оскольской"), as written, whatever words of an office or a country come before them in one capitalised run.
 */
export function cyrillicPersonNames(text: string, isSurname: (word: string) => boolean = (word) => russianSurname(word) !== undefined): string[] {
	const found: string[] = [];
	// Each capitalised word with the next, overlapping: in "Уәкіл Айгүл Сәрсенова" the pair is the second and third. A
	// first name may look like a surname ("Дарина" as "Сорокина"): the last surname-like word of a run is the surname.
	for (const match of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)\s+(?=(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])(?:\s+(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}]))?)/gu)) {
		const [first, surname, next] = [match[1]!, match[2]!, match[3]];
		if (/\p{Script=Cyrillic}/u.test(first + surname) && isSurname(surname) && !(next && isSurname(next))) found.push(`${first} ${surname}`);
	}
	return found;
}

/**
 * Places a Russian sentence names, with their preposition, as "там" is put back: "в Женеве", "на Байконуре". A
 * capitalised word after "в", "во", "на" (any case); the sentence's capital "В" is written lower-case.
 */
export function russianPlaces(sentence: string): string[] {
	return [...sentence.matchAll(/(?<![\p{L}\p{N}])([вВ]о?|[нН]а)\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*)/gu)].map((m) => `${m[1]!.toLowerCase()} ${m[2]!}`);
}

/**
 * Russian follow-ups: "кто он?", "а где она проходила?", "расскажи подробнее", "что ещё он сказал?". Lower-case, ё
 * as е. "Он" and "она" stand for people and things alike, so they are {@link FollowUpWords.eitherPronouns}.
 */
export const RUSSIAN_FOLLOW_UP: FollowUpWords = {
	personPronouns: [],
	personPossessives: [],
	thingPronouns: ['оно'],
	thingPossessives: [],
	possessiveEnding: '',
	eitherPronouns: [...MASCULINE_PRONOUNS, ...FEMININE_PRONOUNS],
	closingDemonstratives: ['это'],
	demonstrativeFollowers: ['был', 'была', 'было', 'были', 'будет', 'произошло', 'случилось', 'состоялось'],
	placeAdverbs: ['там'],
	openers: ['а', 'и', 'также', 'тогда', 'но', 'так'],
	more: [
		'расскажи подробнее', 'расскажите подробнее', 'подробнее', 'поподробнее', 'а подробнее', 'расскажи поподробнее', 'расскажите поподробнее',
		'расскажи больше', 'расскажите больше', 'расскажи еще', 'расскажите еще', 'еще', 'дальше', 'продолжай', 'продолжайте', 'что еще',
		'а что еще', 'что-нибудь еще', 'еще что-нибудь', 'а еще', 'что еще известно', 'что еще сказано', 'расскажи подробнее об этом',
		'расскажи об этом подробнее', 'расскажите об этом подробнее', 'подробнее об этом', 'еще подробности', 'можно подробнее',
	],
	moreAbout: ['что еще', 'а что еще', 'расскажи подробнее о', 'расскажи подробнее об', 'расскажи подробнее про', 'расскажите подробнее о', 'расскажите подробнее об', 'расскажите подробнее про', 'расскажи еще о', 'расскажи еще про', 'расскажи больше о', 'расскажи больше про'],
	identity: /^(?:а\s+)?(?:кто|кем)\s+(?:(?:такой|такая)\s+)?(?:он|она)(?:\s+(?:такой|такая|был|была|является))?$/u,
	placeAs: (name) => `в ${name}`,
	placesIn: russianPlaces,
	eitherReading: russianEitherReading,
	subjectOf: russianSubject,
};

/** A date as a Russian sentence puts it: "в марте", "в 2008 году", "12 марта 2024 года", "в среду". */
const RUSSIAN_DATE_PHRASE = new RegExp(
	`${CYRILLIC_START}(?:(?:в|во)\\s+(?:(?:${MONTH_STEMS})\\p{L}*(?:\\s+\\d{4}\\s+(?:года|г\\.))?|\\d{4}\\s+(?:году|г\\.)|понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|\\d{1,2}\\s+(?:${MONTH_STEMS})\\p{L}*(?:\\s+\\d{4}\\s+(?:года|г\\.))?|вчера|сегодня)${CYRILLIC_END}\\s*`,
	'iu',
);

/** The sentence's first clause, as a question can be made of it: before a quotation, an aside ("т.е.", "—") or a semicolon. */
function firstClause(sentence: string): string | undefined {
	if (/[«»"]/u.test(sentence)) return undefined;
	return sentence.split(/,\s*т\.\s?е\.|\s[—–-]\s|;|:/u)[0]!.replace(/[.!?…\s]+$/u, '').trim();
}

/** The text with its first letter lower-case, unless it opens a proper name ("Уполномоченный" is lowered, "Эмиль Варецкий" is not). */
function lowerOpening(text: string): string {
	return cyrillicPersonNames(text).some((person) => text.startsWith(person)) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** A past-tense verb for "кто": the masculine form, as "кто" takes ("представила" → "представил"). */
function pastForWho(verb: string): string {
	return verb.replace(/(\p{L})ла(сь)?$/u, (_, stem: string, reflexive?: string) => `${stem}л${reflexive ? 'ся' : ''}`);
}

/**
 * Questions a Russian sentence answers, by pattern, for `/ask` autocomplete and examples as English's
 * `questionsFrom` makes them: who a person named is, who did what the sentence says they did, when, how many, for
 * how long, and whether an office may do what it "вправе" do. The engine decides which really work.
 * @example russianQuestionsFrom('Уполномоченный избирается парламентом на пятилетний срок.') // → ['На какой срок избирается уполномоченный?']
 */
export function russianQuestionsFrom(sentence: string): string[] {
	const clause = firstClause(sentence);
	if (!clause) return [];
	const questions: string[] = [];
	for (const person of cyrillicPersonNames(clause)) {
		questions.push(`Кто ${genderOfName(person) === 'feminine' ? 'такая' : 'такой'} ${person}?`);
		// "… Эмиль Варецкий в среду представил парламенту ежегодный доклад" → "Кто представил парламенту ежегодный доклад?"
		const after = clause.slice(clause.indexOf(person) + person.length).replace(RUSSIAN_DATE_PHRASE, ' ').trim();
		const acted = /^(\p{Ll}+(?:л|ла|лся|лась))\s+(\p{Ll}[^,]*)$/u.exec(after);
		if (acted) questions.push(`Кто ${pastForWho(acted[1]!)} ${acted[2]!}?`);
	}
	const dated = RUSSIAN_DATE_PHRASE.exec(clause);
	if (dated) questions.push(`Когда ${lowerOpening(clause.replace(RUSSIAN_DATE_PHRASE, '').replace(/\s+/g, ' ').trim())}?`);
	// "За 2024 г. в аппарат уполномоченного поступило 3150 жалоб" → "Сколько жалоб поступило за 2024 г. в аппарат уполномоченного?"
	const counted = /^(.*?)\s*(\p{Ll}+(?:ло|ла|л|ли|ет|ют))\s+\d[\d\s]*\s+(\p{Ll}+)(.*)$/u.exec(clause);
	if (counted) questions.push(`Сколько ${counted[3]!} ${counted[2]!}${counted[1] ? ` ${lowerOpening(counted[1])}` : ''}${counted[4]!.replace(/,.*$/u, '')}?`);
	// "Уполномоченный избирается парламентом на пятилетний срок" → "На какой срок избирается уполномоченный?"
	const term = /^(\p{L}[\p{L}\s]*?)\s+(\p{Ll}+(?:ется|ится|ются|ятся|ен|ена|ан|ана|ят|ята))\s(?:[^,]*?\s)?на\s+(?:\p{L}+летний|\d+-летний)\s+срок/u.exec(clause);
	if (term) questions.push(`На какой срок ${term[2]!} ${lowerOpening(term[1]!)}?`);
	// "Омбудсмен вправе … посещать тюрьмы" → "Вправе ли омбудсмен … посещать тюрьмы?"
	const may = /^(\p{L}[^,]*?)\s+вправе\s+([^,]+)$/u.exec(clause);
	if (may) questions.push(`Вправе ли ${lowerOpening(may[1]!)} ${may[2]!}?`);
	return questions.map((q) => q.replace(/\s+/g, ' '));
}
