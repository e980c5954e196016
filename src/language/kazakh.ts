import type { FollowUpWords, SmallTalkKind } from './english.ts';
import { CYRILLIC_END, CYRILLIC_START, cyrillicPersonNames, russianSurname } from './russian.ts';

/**
 * The Kazakh the bot reads questions and documents with, mirroring english.ts and russian.ts: letters, stop
 * words, question words, the patterns of answer kinds, and a light suffix stripper, since no well-kept npm
 * package stems Kazakh. Many people type Kazakh on a Russian keyboard ("кай" for "қай", "ким" for "кім"): the
 * tables hold those spellings too, made by {@link onRussianKeyboard}.
 */

/** Letters of the Kazakh Cyrillic alphabet that Russian lacks: one of them tells Kazakh from Russian. */
export const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;
export const KAZAKH_LETTERS_GLOBAL = /[әғқңөұүһі]/giu;

/** The word as typed on a Russian keyboard, each Kazakh letter replaced by the Russian one nearest in sound. */
export function onRussianKeyboard(word: string): string {
	return word.replace(/[әғқңөұүһі]/gu, (letter) => RUSSIAN_KEYBOARD[letter] ?? letter);
}
const RUSSIAN_KEYBOARD: Readonly<Record<string, string>> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и' };

const withKeyboardSpellings = (list: string): ReadonlySet<string> => {
	const words = list.split(/\s+/).filter(Boolean);
	return new Set([...words, ...words.map(onRussianKeyboard)]);
};

/** Question words and question particles ("ма", "ме": "бола ала ма?"). */
export const KAZAKH_QUESTION_WORDS: ReadonlySet<string> = withKeyboardSpellings(
	`кім кімге кімді кімнің кіммен кімдер кімнен қашан қайда қайдан қайда қай қандай қанша неше нешінші нешеу неге неліктен
	не нені неден неде нешеге қалай қайсы қайсысы ма ме ба бе па пе`,
);

/** Kazakh function words and chat ("сәлем", "рахмет"). */
export const KAZAKH_STOPWORDS: ReadonlySet<string> = withKeyboardSpellings(
	`және мен бен пен да де та те ғой ғана тек бұл осы сол ол олар оның олардың мен сен біз сіз сендер өз өзі өзінің үшін
	туралы бойынша арқылы кейін дейін бар жоқ емес еді екен болды болып болса бола болады бол ала алады алады алу
	немесе бірақ ал әр барлық бүкіл сияқты қатар енді кез тағы да әлі онда мұнда сондай осындай бір екі
	сәлем салем сәлеметсіз рахмет рақмет өтінемін айтыңызшы айтып беріңізші білгім келеді
	бұрын қазір қазіргі жиі әдетте шынымен нақты мысалы айтшы білесіз білесің сұрақ ақпарат толығырақ`,
);

/** "Қай жылы", "қандай елде": after these, a noun names the kind of answer, not its subject. */
export const KAZAKH_KIND_ASKING_WORDS: ReadonlySet<string> = withKeyboardSpellings('қай қандай нешінші');
/** Nouns that, after "қай"/"қандай", name the kind of answer: a date or a place ("қай жылы", "қай қалада"). */
export const KAZAKH_KIND_NOUNS: ReadonlySet<string> = withKeyboardSpellings('жылы жыл күні күн айда уақытта жерде қалада елде');

const W = (pattern: string) => `${CYRILLIC_START}(?:${pattern})${CYRILLIC_END}`;
const typed = (pattern: string) => `${pattern}|${onRussianKeyboard(pattern)}`;

/** "Қасымбековтан бұрын уәкіл кім болған?": someone other than the person named before these words is asked for. */
export const KAZAKH_OTHER_PERSON = new RegExp(`(\\p{L}+)\\s+(?:${typed('бұрын|кейін|орнына')})${CYRILLIC_END}`, 'u');

/** Stems of a sum of money: budget, salary, fine, cost, price. */
const MONEY_STEMS = 'бюджет|жалақ|айыппұл|құн|баға';

/** Question patterns per kind of answer, tried in order. */
export const KAZAKH_EXPECTATION_RULES: readonly [RegExp, 'date' | 'duration' | 'number' | 'place' | 'agent' | 'reason'][] = [
	[new RegExp(`${W(typed('қанша|неше'))}\\s+(?:${typed('жылға|жыл|айға|ай|уақыт')})${CYRILLIC_END}|${W(typed('қанша уақыт|қанша мерзім'))}`, 'u'), 'duration'],
	// "жалақысы қандай", "қандай бюджет": a sum of money is asked for as a number is.
	[new RegExp(`${W(typed('қанша|неше|нешеу'))}|${CYRILLIC_START}(?:${typed(MONEY_STEMS)})\\p{L}*\\s+(?:${typed('қандай')})${CYRILLIC_END}|${W(typed('қандай'))}\\s+(?:${typed(MONEY_STEMS)})`, 'u'), 'number'],
	[new RegExp(`${W(typed('қашан'))}|${W(typed('қай|нешінші|қандай'))}\\s+(?:${typed('жылы|күні|айда|уақытта|күн')})${CYRILLIC_END}`, 'u'), 'date'],
	[new RegExp(`${W(typed('қайда|қайдан'))}|${W(typed('қай|қандай'))}\\s+(?:${typed('жерде|қалада|елде|қонақ үйде|облыста')})${CYRILLIC_END}`, 'u'), 'place'],
	[new RegExp(`${CYRILLIC_START}(?:${typed('кім')})\\p{L}*`, 'u'), 'agent'],
	[new RegExp(W(typed('неге|неліктен|не үшін|не себепті')), 'u'), 'reason'],
];

const KAZAKH_MONTHS = 'қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан';
const KAZAKH_WEEKDAYS = 'дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі';
/** Month and weekday names: a sentence naming one dates something. */
export const KAZAKH_DATE = new RegExp(
	`${CYRILLIC_START}(?:1[89]\\d\\d|20\\d\\d)|${CYRILLIC_START}(?:${KAZAKH_MONTHS}|${KAZAKH_WEEKDAYS}|кеше|бүгін|ертең)\\p{L}*`,
	'iu',
);
/** A duration: a number before a unit of time ("жеті жылға", "5 жыл"). */
export const KAZAKH_DURATION = new RegExp(
	`(?:\\d+|${CYRILLIC_START}(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он))\\s+(?:жыл|ай|апта|күн|сағат)\\p{L}*`,
	'iu',
);
/** Number words, spelled as the stems are (see kazakhStem), so "екі психолог" counts as "бес психолог" does. */
export const KAZAKH_NUMBER_STEMS: ReadonlySet<string> = new Set('екі үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу жүз мың миллион'.split(' ').map(onRussianKeyboard));
export const KAZAKH_PLACE = new RegExp(`\\p{Lu}\\p{L}*(?:да|де|та|те|нда|нде)${CYRILLIC_END}|${CYRILLIC_START}(?:облыс|қала|аудан|өңір|ел)\\p{L}*`, 'u');
export const KAZAKH_REASON = new RegExp(W('себебі|өйткені|сондықтан|үшін|себепті'), 'iu');
export const KAZAKH_AGENT = new RegExp(`${CYRILLIC_START}(?:өкіл|мүше|депутат|үкімет|парламент|министр|сот|судья|орган|азамат|адам|қызметкер|комиссия|кеңес|президент|уәкіл|омбудсмен)\\p{L}*`, 'giu');
/** An ordinal, or "алдыңғы"/"бұрынғы" (previous, former): as in Russian, a fact must say it too. Any case ending may follow. */
export const KAZAKH_ORDINAL = new RegExp(
	`^(?:${typed('бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы|алдыңғы|бұрынғы')})\\p{L}*$`,
	'u',
);
/** "өткен жылы", "келесі айда": a relative time before a period. */
export const KAZAKH_RELATIVE_TIME = new RegExp(`^(?:${typed('өткен|келесі')})$`, 'u');
export const KAZAKH_PERIODS = new RegExp(`^(?:${typed('жыл|ай|апта')})\\p{L}*$`, 'u');

/** A yes/no question: the particle "ма"/"ме"/"ба"/"бе"/"па"/"пе" ("бола ала ма?"). */
export const KAZAKH_YES_NO = new RegExp(W('ма|ме|ба|бе|па|пе'), 'u');
export const KAZAKH_NEGATION = new RegExp(W('емес|жоқ|ешкім|ешқашан|тыйым'), 'iu');

/**
 * Endings a Kazakh word takes, by slot from the end of the word: case (and the commonest verb endings), then
 * possessive, then plural ("балалар-ы-ның"). Vowel harmony gives each a back and a front form, and consonant
 * assimilation several onsets (-дар, -тар, -лар). Each slot is stripped once at most, so a stem that happens to
 * end like an ending keeps it ("шағым", complaint). Derivational endings ("-лық": "тәуелсіздік",
 * independence) stay: they make another word.
 */
const SLOTS: readonly { endings: readonly string[]; shortest: number }[] = [
	{
		endings: `ндағы ндегі дағы дегі тағы тегі ның нің дың дің тың тің нан нен дан ден тан тен нда нде мен бен пен ға ге қа ке
		на не ны ні ды ді ты ті да де та те ған ген қан кен атын етін йтын йтін уға уге`,
		shortest: 3,
	},
	{ endings: 'ымыз іміз ыңыз іңіз ым ім ың ің сы сі', shortest: 4 },
	{ endings: 'лар лер дар дер тар тер', shortest: 3 },
].map(({ endings, shortest }) => {
	const list = endings.split(/\s+/).filter(Boolean);
	return { endings: [...new Set([...list, ...list.map(onRussianKeyboard)])].sort((a, b) => b.length - a.length), shortest };
});
/**
 * One-letter endings: accusative "-н" after a possessive ("құқығын"), possessive "-ы"/"-і" ("құқығы"), stripped
 * only from a longer word, where they are more likely an ending than the stem's own letter.
 */
const ONE_LETTER: readonly (readonly string[])[] = [['н', 'ң'], ['ы', 'і', 'и'], []];
const VOWEL = /[аәеиоөұүуыіэюя]/u;
const SHORT_ROOT = /^[аәеоөұүыі][бвгғджзйклмнңпрстфхһцчшщ]$/u;

/**
 * A light stem of a Kazakh word: case, possessive and plural endings stripped while a stem with a vowel is left,
 * then the voiced final consonant an ending brought back to its plain form ("құқығын" → "құқық",
 * "балалардың" → "бала", "форумға" → "форум"), spelled as on a Russian keyboard ("кукык"), so that a word typed
 * without the Kazakh letters ("акимдикке") finds the document's ("әкімдікке").
 */
export function kazakhStem(word: string): string {
	let stem = word;
	SLOTS.forEach(({ endings, shortest }, slot) => {
		// "-стан" names a land ("Қазақстан"): its "-тан" and "-н" are no case endings.
		if (slot === 0 && stem.endsWith('стан')) return;
		// A two-letter root of a vowel and a consonant takes case endings too: "үй-де" (in the house), "ел-де" (in the country).
		const keeps = (rest: string) => (rest.length >= shortest && VOWEL.test(rest)) || (slot === 0 && SHORT_ROOT.test(rest));
		const ending = endings.find((e) => stem.endsWith(e) && keeps(stem.slice(0, -e.length))) ?? ONE_LETTER[slot]!.find((e) => stem.length >= 6 && stem.endsWith(e) && keeps(stem.slice(0, -1)));
		if (ending) stem = stem.slice(0, -ending.length);
	});
	// Before an ending that starts with a vowel, final қ, к, п voice to ғ, г, б ("құқық" → "құқығы").
	return onRussianKeyboard(stem.replace(/ғ$/u, 'қ').replace(/г$/u, 'к').replace(/б$/u, 'п'));
}

/** Site furniture that opens a line which is not part of an article ("Толығырақ: …"). */
export const KAZAKH_BOILERPLATE_OPENERS: readonly string[] = ['толығырақ', 'сондай-ақ оқыңыз', 'оқыңыз', 'жарнама', 'бөлісу'];

/** Words that open a Kazakh sentence with a capital without naming anyone. */
export const KAZAKH_SENTENCE_OPENERS: readonly string[] = ['сондай-ақ', 'алайда', 'сонымен', 'бұдан', 'осыған', 'оқыңыз'];

const withKeyboardPhrases = (phrases: readonly string[]): string[] => [...new Set([...phrases, ...phrases.map(onRussianKeyboard)])];

/**
 * Kazakh small talk, by kind, mirroring english.ts's SMALL_TALK, each phrase also as typed on a Russian keyboard
 * ("салем", "рахмет").
 */
export const KAZAKH_SMALL_TALK: Readonly<Record<SmallTalkKind, readonly string[]>> = {
	greeting: withKeyboardPhrases([
		'сәлем', 'сәлеметсіз бе', 'сәлеметсіз', 'сәлематсыз ба', 'қайырлы күн', 'қайырлы таң', 'қайырлы кеш', 'армысыз', 'армысың', 'ассалаумағалейкум',
		'қалың қалай', 'қалыңыз қалай', 'қалайсыз', 'қалайсың', 'жағдай қалай',
	]),
	thanks: withKeyboardPhrases(['рахмет', 'рақмет', 'көмегіңізге рахмет', 'көп рахмет', 'үлкен рахмет', 'рахмет сізге', 'алғыс айтамын', 'алғысымды білдіремін']),
	farewell: withKeyboardPhrases(['сау бол', 'сау болыңыз', 'көріскенше', 'қош бол', 'қош болыңыз', 'кездескенше']),
	capabilities: withKeyboardPhrases([
		'не істей аласың', 'не істей аласыз', 'сен кімсің', 'сіз кімсіз', 'кімсің', 'кімсіз', 'не білесің', 'не білесіз', 'қалай көмектесе аласың',
		'қалай көмектесе аласыз', 'қандай көмек бере аласыз', 'өзің туралы айтшы',
	]),
	documents: withKeyboardPhrases(['қандай құжаттарың бар', 'қандай құжаттарыңыз бар', 'қандай құжаттар бар', 'құжаттар тізімі', 'құжаттар', 'дереккөздер']),
	help: withKeyboardPhrases(['көмек', 'көмектесіңіз', 'көмектесші', 'көмектес', 'анықтама', 'қалай пайдалану керек', 'қалай қолдану керек', 'командалар', 'мәзір']),
};

/** Words that may pad Kazakh small talk without making it a question ("сәлем, бот", "көп рахмет сізге"). */
export const KAZAKH_SMALL_TALK_FILLERS: readonly string[] = withKeyboardPhrases(['бот', 'омбудсбот', 'сізге', 'саған', 'тағы', 'да', 'өте', 'жауап', 'үшін', 'жарайды', 'жақсы', 'керемет', 'бәріне']);

/** Kazakh third-person pronouns that stand for a person named before ("Оның айтуынша, …"). */
export const KAZAKH_PERSON_PRONOUNS: ReadonlySet<string> = withKeyboardSpellings('ол оның оған оны онымен одан');

/** A surname made of a father's name and "-ұлы" (son) or "-қызы" (daughter), in any case ("Жұмабекұлына"). */
const PATRONYMIC_SURNAME = /^\p{Lu}\p{Ll}+(?:ұлы|қызы|улы|кызы)\p{Ll}{0,4}$/u;

/** Kazakh surnames: Russian-style endings (Ахметов, Сәрсенова) or "-ұлы"/"-қызы", then any case ending. */
const KAZAKH_SURNAME = /^(\p{Lu}\p{Ll}+(?:ов|ев|ин|ұлы|қызы|улы|кызы))\p{Ll}{0,5}$/u;

/** The surname of a word as a Kazakh text writes it, without its endings, lower-case ("Ахметованың" → "ахметов"). */
export function kazakhSurname(word: string): string | undefined {
	return KAZAKH_SURNAME.exec(word)?.[1]?.toLowerCase();
}

/** A Kazakh sentence whose subject is the sentence before it: it opens with "Бұл", "Ол", "Олар", "Сол". */
export const KAZAKH_LEANS_ON_PREVIOUS = /^(?:Бұл|Ол|Олар|Сол|Мұнда)(?![\p{L}\p{N}])/u;

/** The words a question that asks who someone is has besides the pronoun ("ол кім еді?"). */
const IDENTITY_WORDS: ReadonlySet<string> = withKeyboardSpellings('ал кім еді болды өзі');

/** Verb stems that say "ол" is a person: speaking, being born, working, being chosen for an office. */
const PERSON_VERB_STEMS: readonly string[] = withKeyboardPhrases(['айт', 'деді', 'дейді', 'мәлімде', 'атап', 'туды', 'туған', 'жұмыс', 'сайлан', 'тағайында', 'сөйле', 'өкілдік']);
/** Verb stems that say "ол" is an event or a body: taking place, being founded, opening. */
const THING_VERB_STEMS: readonly string[] = withKeyboardPhrases(['өтті', 'өтеді', 'өтке', 'өткіз', 'құрыл', 'қабылдан', 'ашыл', 'ұйымдастыр', 'бастал', 'аяқтал', 'орналас']);

/**
 * Which of the last person and the last thing a Kazakh "ол", "оның", "оны" stands for: Kazakh pronouns have no
 * gender, so only the question says: a person when it asks who ("ол кім?") or with a verb people do ("ол не
 * айтты?"), the thing with an event's verb ("ол қашан өтті?").
 */
function kazakhEitherReading(pronoun: string, words: readonly string[]): 'person' | 'thing' | undefined {
	// "Ол кім?": asked who; "оны кім ұйымдастырды?" asks who did something to it, which the verb tells.
	if (words.every((w) => w === pronoun || IDENTITY_WORDS.has(w))) return 'person';
	if (words.some((w) => THING_VERB_STEMS.some((stem) => w.startsWith(stem)))) return 'thing';
	if (words.some((w) => PERSON_VERB_STEMS.some((stem) => w.startsWith(stem)))) return 'person';
	return undefined;
}

/**
 * What a Kazakh question asks about, for the next message's "ол": the content words just before its question word,
 * where Kazakh puts the subject ("19-шы жыл сайынғы форум қайда өтті?" → "19-шы жыл сайынғы форум"), at most four;
 * for a question without one, its last proper name.
 */
export function kazakhSubject(question: string): string | undefined {
	const tokens = question.split(/\s+/).map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}-]+$/gu, '')).filter(Boolean);
	const asking = tokens.findIndex((t) => KAZAKH_QUESTION_WORDS.has(t.toLowerCase()));
	const before: string[] = [];
	for (const token of tokens.slice(0, Math.max(asking, 0)).reverse()) {
		const lower = token.toLowerCase();
		if (KAZAKH_STOPWORDS.has(lower) || KAZAKH_PERSON_PRONOUNS.has(lower)) break;
		before.unshift(token);
	}
	if (before.length) return before.slice(-4).join(' ');
	return undefined;
}

/**
 * People a Kazakh or Russian text names ("Серік Жұмабекұлы", "Айгүл Сәрсенованың", "Эмиль Варецкий"), as written.
 * Kazakh's surname pattern takes any five letters after "-ов", so alone it is trusted only in a Kazakh word.
 */
export function kazakhPersonNames(text: string): string[] {
	return cyrillicPersonNames(text, (word) => russianSurname(word) !== undefined || PATRONYMIC_SURNAME.test(word) || (kazakhSurname(word) !== undefined && KAZAKH_LETTERS.test(word)));
}

/**
 * Kazakh follow-ups: "ол кім?", "ол қашан өтті?", "тағы айтшы", "ол тағы не айтты?", each also as typed on a Russian
 * keyboard. "Ол" is "he", "she" and "it" alike, so its forms are {@link FollowUpWords.eitherPronouns}; "онда" is
 * "there".
 */
export const KAZAKH_FOLLOW_UP: FollowUpWords = {
	personPronouns: [],
	personPossessives: [],
	thingPronouns: [],
	thingPossessives: [],
	possessiveEnding: '',
	eitherPronouns: withKeyboardPhrases(['ол', 'оның', 'оған', 'оны', 'онымен', 'одан']),
	closingDemonstratives: [],
	placeAdverbs: withKeyboardPhrases(['онда', 'сонда']),
	openers: withKeyboardPhrases(['ал', 'және', 'енді']),
	more: withKeyboardPhrases([
		'тағы айтшы', 'тағы айтыңызшы', 'тағы айтып беріңіз', 'тағы айтып беріңізші', 'тағы', 'толығырақ', 'толығырақ айтшы', 'толығырақ айтыңызшы',
		'толығырақ айтып беріңіз', 'толығырақ айтып беріңізші', 'тағы не', 'тағы не бар', 'басқа не', 'басқа не бар', 'тағы не айтты', 'тағы не деді',
		'жалғастыр', 'жалғастырыңыз', 'әрі қарай', 'одан әрі', 'тағы не білесің', 'тағы не білесіз',
	]),
	moreAbout: withKeyboardPhrases(['тағы не', 'туралы толығырақ айтшы', 'туралы толығырақ айтыңызшы', 'туралы толығырақ', 'туралы тағы айтшы', 'туралы тағы']),
	identity: /^(?:ал\s+)?(?:ол\s+(?:кім|ким)(?:\s+(?:еді|болды))?|(?:кім|ким)\s+ол)$/u,
	placeAs: (name) => name,
	placesIn: (sentence) => sentence.match(new RegExp(KAZAKH_NAMED_PLACE.source, 'gu')) ?? [],
	eitherReading: kazakhEitherReading,
	subjectOf: kazakhSubject,
};

/** A date as a Kazakh sentence puts it: "2008 жылы", "2024 жылғы 12 наурызда", "наурызда", "сәрсенбіде". */
const KAZAKH_DATE_PHRASE = new RegExp(
	`${CYRILLIC_START}(?:\\d{4}\\s+жыл(?:ы|ғы)(?:\\s+\\d{1,2}\\s+(?:${KAZAKH_MONTHS})\\p{L}*)?|\\d{1,2}\\s+(?:${KAZAKH_MONTHS})\\p{L}*|(?:${KAZAKH_MONTHS})(?:да|до|та|те|де)|(?:${KAZAKH_WEEKDAYS})(?:де|да|күні)|кеше|бүгін)${CYRILLIC_END}`,
	'iu',
);
/** A count before its noun ("3150 шағым"), a year's number excepted. */
const KAZAKH_COUNT = new RegExp(`${CYRILLIC_START}\\d[\\d\\s]*(?=\\s+\\p{Ll})(?!\\s+жыл)`, 'u');
/** A term of office ("бес жылға", "7 жылға"): asked with "қанша" before its unit. */
const KAZAKH_TERM = new RegExp(`${CYRILLIC_START}(?:\\d+|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он)(?=\\s+(?:жылға|айға)${CYRILLIC_END})`, 'u');
/** A place by name in the locative ("Астанада", "Женевада"), not the sentence's first word. */
const KAZAKH_NAMED_PLACE = new RegExp(`(?<=\\s)\\p{Lu}\\p{Ll}+(?:нда|нде|да|де|та|те)${CYRILLIC_END}`, 'u');
/** A surname as a name's subject is written, with no case ending ("Ахметова", "Жұмабекұлы"). */
const NOMINATIVE_SURNAME = /(?:ов|ова|ев|ева|ин|ина|ұлы|қызы|улы|кызы)$/u;

/**
 * Questions a Kazakh sentence answers, by pattern, as English's `questionsFrom` makes them. Kazakh asks in the
 * sentence's own order, the question word where the answer stands ("Уәкіл 2023 жылы баяндама жасады." → "Уәкіл
 * қашан баяндама жасады?"), so each pattern puts one in place of a date, a count or a named place; and asks who a
 * person named is. The engine decides which really work.
 * @example kazakhQuestionsFrom('Уәкіл бес жылға сайланады.') // → ['Уәкіл қанша жылға сайланады?']
 */
export function kazakhQuestionsFrom(sentence: string): string[] {
	if (/[«»"]/u.test(sentence)) return [];
	const clause = sentence.split(/;|\s[—–-]\s/u)[0]!.replace(/[.!?…\s]+$/u, '').trim();
	const questions = kazakhPersonNames(clause)
		.filter((person) => NOMINATIVE_SURNAME.test(person))
		.map((person) => `${person} кім?`);
	for (const [pattern, asking] of [[KAZAKH_DATE_PHRASE, 'қашан'], [KAZAKH_COUNT, 'қанша'], [KAZAKH_TERM, 'қанша'], [KAZAKH_NAMED_PLACE, 'қайда']] as const) {
		if (pattern.test(clause)) questions.push(`${clause.replace(pattern, asking).replace(/\s+/g, ' ')}?`);
	}
	return questions;
}
