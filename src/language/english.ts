/**
 * The English the bot reads questions and documents with: its word tables in one place, so that search,
 * expectations and ingestion agree on what a question word, a month or an office is. Tables are lower-case
 * unless they say otherwise; regexes that need one build it with `alternation`.
 */

/** A regex alternation (no group) of the words or phrases, longest first so that a word's prefix cannot match in its place. */
export function alternation(list: Iterable<string>): string {
	return [...new Set(list)]
		.sort((a, b) => b.length - a.length || a.localeCompare(b))
		.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('|');
}

/** The text with its first letter upper-case, as a word or phrase is written when it opens a sentence or a title. */
export function capitalised(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Question words as chat writes them, each with the word it stands for: misspellings ("wen", "wich") ask the
 * same as the word, so "wen did it join" still wants a date.
 */
const QUESTION_WORD_SPELLINGS: ReadonlyMap<string, string> = new Map([
	...['who', 'whom', 'whose', 'when', 'where', 'which', 'what', 'why', 'how'].map((word) => [word, word] as const),
	['whats', 'what'],
	['wat', 'what'],
	['wht', 'what'],
	['wich', 'which'],
	['wen', 'when'],
	['wher', 'where'],
]);

/** Words that say what kind of answer a question wants; kept apart from its content words, which say what it is about. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(QUESTION_WORD_SPELLINGS.keys());

/** The question words as written correctly: the ones that open a sentence in a document too ("Who", "Where"). */
export const PLAIN_QUESTION_WORDS: readonly string[] = [...new Set(QUESTION_WORD_SPELLINGS.values())];

/** Whether the word, in any case, is a question word or a chat spelling of one. */
export function isQuestionWord(word: string): boolean {
	return QUESTION_WORDS.has(word.toLowerCase());
}

/** Every way chat spells the given question words ("when" → "when", "wen"), for a regex that must accept them all. */
export function spellingsOf(...meant: string[]): string[] {
	return [...QUESTION_WORD_SPELLINGS].filter(([, word]) => meant.includes(word)).map(([spelling]) => spelling);
}

/** Question words after which a noun names the kind of answer, not its subject ("which year", "what city"). */
export const KIND_ASKING_WORDS: ReadonlySet<string> = new Set(spellingsOf('what', 'which'));

/** "Who was the ombudsman before Shakirov?": someone other than the person named after these words is asked for. */
export const OTHER_PERSON = /\b(?:before|after|instead of|other than|besides|preceded|succeeded|replaced)\s+(?!(?:the|a|an|this|that|his|her|its|their|him|them|it)\b)([\p{L}][\p{L}'’-]*)/u;

/** "What kind of X", "which type of X": words between the asking word and the noun that names the answer. */
export const KIND_OF_WORDS: ReadonlySet<string> = new Set(['kind', 'kinds', 'type', 'types', 'sort', 'sorts', 'of']);

/**
 * Auxiliaries: they open yes/no questions ("Is the office independent?") and, right after "when", make it a
 * question ("when did …") rather than a conjunction ("… when a court errs").
 */
export const AUXILIARIES: readonly string[] = [
	'is', 'are', 'was', 'were', 'do', 'does', 'did', 'has', 'have', 'had', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'will', 'would',
];

/** "How big …", "how old …": after "how", these ask for a number as "how many" does. */
export const MEASURE_WORDS: readonly string[] = ['many', 'much', 'big', 'large', 'old', 'far', 'tall', 'high', 'often', 'small'];

/** "What year …", "which day …": the noun asks for a date. */
export const DATE_KIND_NOUNS: readonly string[] = ['year', 'date', 'day', 'month', 'time'];
/** "Which city …": the noun asks for a place. */
export const PLACE_KIND_NOUNS: readonly string[] = ['city', 'country', 'place', 'location', 'town', 'venue'];
/** "What number …", "what amount …": the noun asks for a count. */
export const NUMBER_KIND_NOUNS: readonly string[] = ['number', 'amount'];
/**
 * "What is the budget …", "what is the fine …": nouns of a sum of money, which ask for one. Unlike the kind nouns
 * above, the fact that answers says them too ("a budget of 27 million"), so they are still looked for.
 */
export const MONEY_NOUNS: readonly string[] = ['budget', 'salary', 'fine', 'fee', 'cost', 'price', 'wage', 'pay'];

/**
 * Nouns that, right after a kind-asking word, say what kind of answer is wanted rather than what it is
 * about, so "which year was it adopted" does not look for "year" in the fact. Not "hotel": a fact that
 * answers names "the Leela Palace Hotel", so the word still helps find it.
 */
export const KIND_NOUNS: ReadonlySet<string> = new Set([...DATE_KIND_NOUNS, 'years', ...PLACE_KIND_NOUNS, ...NUMBER_KIND_NOUNS]);

/** Month names: a sentence naming one states a date; a capitalised month is no proper name. */
export const MONTHS: readonly string[] = [
	'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
/** Day names, for the same reasons as months ("on Wednesday" dates an event). */
export const WEEKDAYS: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Days named relative to the text's own date: they date an event as a weekday does. */
export const RELATIVE_DAYS: readonly string[] = ['yesterday', 'today', 'tomorrow'];

const CALENDAR_WORDS: ReadonlySet<string> = new Set([...MONTHS, ...WEEKDAYS]);

/** Whether the word names a month or a weekday, in any case ("May", "wednesday"). */
export function isMonthOrDay(word: string): boolean {
	return CALENDAR_WORDS.has(word.toLowerCase());
}

/**
 * Number words with their values: with digits, what a count or a duration is written with ("five
 * commissioners", "a two-year term").
 */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
	['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10],
	['eleven', 11], ['twelve', 12], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50],
	['dozen', 12], ['hundred', 100], ['thousand', 1_000], ['million', 1_000_000], ['billion', 1_000_000_000],
]);

/**
 * Words that pick one of a series ("the first chairperson", "the former ombudsman"), so a fact that does not
 * state them speaks of another. Not "last", "next" or "second", which are as often other words ("how long
 * does it last", "a second term" asked of a single one).
 */
export const ORDINALS: ReadonlySet<string> = new Set(['first', 'third', 'fourth', 'fifth', 'previous', 'former', 'founding', 'original', 'predecessor', 'successor']);

/** "next year", "last month": with a period, which one is meant, so a fact about "this year" answers another question. */
export const RELATIVE_TIME: ReadonlySet<string> = new Set(['next', 'last', 'previous', 'coming']);
/** The periods relative-time words pick one of. */
export const PERIODS: ReadonlySet<string> = new Set(['year', 'years', 'month', 'months', 'week', 'weeks']);

/** Offices a person holds ("Chairperson Tomas Reyvik", "the commissioner"): they describe someone rather than name them. */
export const OFFICES: readonly string[] = [
	'ombudsman', 'ombudsperson', 'commissioner', 'defender', 'mediator', 'advocate', 'chairperson', 'chairman', 'chairwoman', 'chair',
	'president', 'minister', 'director', 'judge', 'secretary', 'head', 'spokesperson', 'mayor', 'governor', 'ambassador',
];

/** Words before an office that make it a particular one ("deputy chairperson", "High Commissioner", "Public Defender"). */
export const OFFICE_QUALIFIERS: readonly string[] = ['deputy', 'vice', 'acting', 'chief', 'first', 'former', 'public', 'high'];

/** Words that complete a title but alone mean something else ("Chief Justice", "Secretary General"). */
export const TITLE_PARTS: readonly string[] = ['justice', 'general'];

/**
 * Qualifiers that make an office another one: a deputy ombudsman is not the ombudsman, so a fact about one
 * does not answer a question about the other. Not "acting": its stem is that of "Act".
 */
export const RANK_MODIFIERS: readonly string[] = ['deputy', 'vice', 'assistant', 'former', 'interim'];

/** Forms of address before a person's name ("Dr Lina Osei"): not part of the name. */
export const HONORIFICS: readonly string[] = ['mr', 'mrs', 'ms', 'dr', 'prof', 'professor', 'sir', 'madam'];

/** Lower-case words inside a proper name ("Organization of Islamic Cooperation", "Defender of the Republic"). */
export const NAME_JOINERS: readonly string[] = ['of', 'for', 'and', 'the', 'de', 'on', 'in', 'against'];

/**
 * Words that make a capitalised name a body, place, event or document rather than a person ("Asia Pacific
 * Forum", "Public Defender Act"). Capitalised, as they appear in names.
 */
export const INSTITUTION_WORDS: readonly string[] = [
	'Commission', 'Commissioner', 'Council', 'Forum', 'Office', 'Organisation', 'Organization', 'Nations', 'Court', 'Assembly', 'Rights',
	'Human', 'National', 'Ministry', 'Committee', 'Tribunal', 'Act', 'Law', 'Union', 'Hotel', 'Palace', 'Republic', 'Agency', 'Institution',
	'Institutions', 'Group', 'Mechanism', 'Protocol', 'Convention', 'Constitution', 'Parliament', 'Government', 'Programme', 'Program',
	'Department', 'Bureau', 'Chamber', 'Daily', 'Herald', 'Times', 'News', 'Bank', 'University', 'Party', 'Fund', 'Centre', 'Center', 'City',
	'Province', 'Region', 'Day', 'Europe', 'Asia', 'Pacific', 'Africa', 'America',
];

/**
 * Words that open a sentence with a capital without naming anything ("The", "However", "Addressing …"):
 * a capitalised run that starts with one is a name only from its next word.
 */
export const SENTENCE_OPENERS: readonly string[] = [
	'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our',
	'however', 'thus', 'at', 'in', 'on', 'addressing', 'also', 'but', 'and', 'last', 'under', 'each', 'every', 'after', 'before', 'while',
	'if', 'as', 'so', 'then', 'there', 'here', 'hi', 'hey', 'hello', 'thanks', 'please', 'tell',
];

/** Verbs that report speech ("Shakirov said", "she stressed"): whoever comes before them is speaking. */
export const SPEECH_VERBS: readonly string[] = [
	'said', 'says', 'added', 'adds', 'told', 'tells', 'noted', 'notes', 'stated', 'states', 'explained', 'revealed', 'stressed', 'emphasised',
	'emphasized', 'announced', 'remarked', 'urged', 'argued', 'insisted', 'warned', 'recalled', 'underlined', 'highlighted', 'asserted',
	'claimed', 'mentioned', 'reported', 'pointed out', 'went on',
];

/** Compass words before a place ("in northern Kazakhstan"): a fact that has one says where. */
export const COMPASS_WORDS: readonly string[] = ['northern', 'southern', 'eastern', 'western', 'central'];

/** Nouns that say a sentence is about a place ("the hotel", "in three provinces"). */
export const PLACE_NOUNS: readonly string[] = ['hotel', 'city', 'village', 'villages', 'province', 'provinces', 'region'];

/** Words and phrases that give a reason ("because", "in order to"): a fact with one can answer "why". */
export const REASON_CONNECTIVES: readonly string[] = ['because', 'so that', 'due to', 'since', 'in order to', 'determined by', 'which allows'];

/** Nouns for people or bodies that are not named ("representatives of governmental bodies"): they can answer "who". */
export const AGENT_NOUNS: readonly string[] = [
	'representative', 'representatives', 'member', 'members', 'official', 'officials', 'body', 'bodies',
	'organisation', 'organisations', 'organization', 'organizations',
	// Who appoints, elects, decides: offices and bodies of a state, often written in lower case ("by the parliament").
	'parliament', 'government', 'president', 'minister', 'ministry', 'court', 'courts', 'judge', 'judges', 'assembly',
	'senate', 'council', 'committee', 'prosecutor', 'police', 'governor', 'mayor', 'board', 'agency', 'agencies',
	// Who may act: the people a right or a procedure is for.
	'people', 'persons', 'citizens', 'anyone', 'everyone', 'residents', 'victims',
];

/** Site furniture that opens a line which is not part of an article ("Also Read", "Share this article"). */
export const BOILERPLATE_OPENERS: readonly string[] = [
	'also read', 'read more', 'read also', 'related', 'related articles', 'related stories', 'related news', 'see also', 'more from',
	'advertisement', 'sponsored', 'share', 'share this', 'share article', 'share this article', 'click here', 'subscribe', 'follow us',
	'recommended',
];

/** English function words and auxiliaries: they carry no subject of their own. */
const FUNCTION_WORDS = `a about above across after afterwards again against all almost alone along already also although always am among
	an and another any anybody anyhow anyone anything anyway anyways anywhere are aren around as at be because
	been before beforehand being below beside besides between beyond both but by can cannot could couldn did didn
	do does doesn doing don done down during each either else elsewhere enough etc even ever every everyone everything
	everywhere except few for former formerly from further had hadn has hasn have haven having he hence her here hereafter
	hereby herein hers herself him himself his how however i ie if in indeed into is isn it its itself just least less
	let lets like likely may maybe me meanwhile might mine more moreover most mostly much must my myself namely neither
	never nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one ones only onto or other
	others otherwise our ours ourselves out over own per perhaps please quite rather re really s same she should shouldn
	since so some somehow someone something sometime sometimes somewhere still such t than that the their theirs them
	themselves then thence there thereafter thereby therefore therein thereupon these they this those though through
	throughout thru thus to together too toward towards under until up upon us very via was wasn we well were weren what
	whatever whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while whither who
	whoever whole whom whose why will with within without won would wouldn yet you your yours yourself yourselves
	ll ve d m o y ain ma shan needn mustn mightn`;

/** The small talk that wraps a question in chat ("hey, quick question, thanks in advance"). */
export const CHAT_WORDS: ReadonlySet<string> = new Set(
	`hi hey hello hiya yo greetings thanks thank thx ty cheers pls plz ok okay okey lol haha hmm um uh uhm yeah yes yep nope
	guys everyone folks all anyone friend friends sorry excuse quick question questions wondering wonder wondered curious
	know knows knew tell telling told say saying explain explained mean means meant understand understood confused
	help helps get gets got getting go goes going gone want wanted wants need needs needed try trying
	kind kinds sort sorts type types thing things stuff way ways actually basically exactly simply kinda sorta bit lot lots
	please appreciate appreciated advance anyway already think thought reading read heard hear see saw look looking find
	found info information details detail name names called many several various currently today yesterday tonight night morning evening said says added`
		.split(/\s+/)
		.filter(Boolean),
);

/**
 * Words that carry no subject of their own: function words and chat words. They are skipped when matching,
 * so a long, chatty question weighs the same as its core.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS.split(/\s+/).filter(Boolean), ...CHAT_WORDS]);

/** Words that deny: a question and a fact that disagree on them speak of opposite things ("can" vs "cannot"). */
export const NEGATIONS: readonly string[] = ['not', 'never', 'no', 'cannot', 'nobody', 'nothing', 'neither', 'nor', 'without', 'none'];

/** Whether a text denies something: a negation word, or a contracted "n't". */
export function isNegated(text: string): boolean {
	return NEGATED.test(text);
}
const NEGATED = new RegExp(`\\b(?:${alternation(NEGATIONS)})\\b|n['’]t\\b`, 'i');

/** Whether a question asks yes or no: it opens with an auxiliary ("Is the office independent?"). */
export function isYesNoQuestion(text: string): boolean {
	return YES_NO_START.test(text.trim());
}
const YES_NO_START = new RegExp(`^(?:${alternation(AUXILIARIES)})\\b`, 'i');

/** The kinds of small talk: chat and questions about the bot itself, answered by the bot rather than the documents. */
export type SmallTalkKind = 'greeting' | 'thanks' | 'farewell' | 'capabilities' | 'documents' | 'help';

/**
 * Small talk, by kind, as people type it (apostrophes optional: "whats up" is "what's up"). A message made only of
 * these and {@link SMALL_TALK_FILLERS} is chat, not a question for the documents; a greeting or thanks may also open a
 * real question ("hi, who represented Kazakhstan?"), which is then answered without it. Phrases about the bot
 * ("what can you do") count only as the whole message: "what do you know about the mandate" is a question.
 */
export const SMALL_TALK: Readonly<Record<SmallTalkKind, readonly string[]>> = {
	greeting: [
		'hi', 'hii', 'hey', 'heya', 'hello', 'helo', 'hallo', 'hiya', 'howdy', 'yo', 'greetings', 'good morning', 'good afternoon',
		'good evening', 'good day', 'morning', "what's up", 'sup', 'how are you', "how's it going", 'how are you doing', 'nice to meet you',
	],
	thanks: [
		'thanks', 'thank you', 'thank u', 'thanx', 'thx', 'ty', 'tysm', 'cheers', 'many thanks', 'much appreciated', 'appreciated',
		'great', 'awesome', 'perfect', 'cool', 'nice', 'got it', 'ok', 'okay', 'k', 'alright', 'understood', 'good', 'brilliant',
		'helpful', "that's helpful", "that's great", 'that helps', 'that helped',
	],
	farewell: ['bye', 'goodbye', 'bye bye', 'see you', 'see ya', 'good night', 'later', 'take care', "that's all"],
	capabilities: [
		'what can you do', 'what do you do', 'what can i ask', 'what can i ask you', 'what should i ask', 'who are you', 'what are you',
		'what is this', 'what is this bot', 'how do you work', 'what are you for', 'what do you know', 'what are you able to do',
		'what questions can you answer', 'what questions can i ask', 'are you a bot', 'introduce yourself',
	],
	documents: [
		'what documents do you have', 'which documents do you have', 'what documents', 'which documents', 'what documents are there',
		'what documents do you know', 'what documents do you use', 'what are your documents', 'what are your sources',
		'what sources do you have', 'what sources do you use', 'which sources', 'what sources', 'documents', 'sources', 'list documents',
		'list the documents', 'list sources', 'show documents', 'show me the documents', 'what do you have', 'where do your answers come from',
	],
	help: ['help', 'help me', 'i need help', 'how do i use you', 'how do i use this', 'how does this work', 'how to use', 'commands', 'usage', 'menu', 'start', '/start'],
};

/** Words that may pad small talk without making it a question ("hi there", "thanks a lot, bot"). */
export const SMALL_TALK_FILLERS: readonly string[] = [
	'there', 'bot', 'ombudsbot', 'again', 'so', 'very', 'much', 'a', 'lot', 'please', 'pls', 'plz', 'all', 'everyone', 'guys', 'folks',
	'oh', 'well', 'then', 'just', 'really', 'me', 'you', 'and', 'for', 'that', 'the', 'info', 'answer', 'everybody', 'friend', 'mate',
];

/**
 * What a language gives `src/answering/followUp.ts` to read follow-ups with: its words that point back to the previous
 * question and answer, and its rules for what a pronoun stands for. English's is {@link FOLLOW_UP}; Russian's and
 * Kazakh's live in their own files.
 */
export interface FollowUpWords {
	/** Point to the last person named. */
	readonly personPronouns: readonly string[];
	/** Point to the last person named, as an owner. */
	readonly personPossessives: readonly string[];
	/** Point to the last thing asked about. */
	readonly thingPronouns: readonly string[];
	/** Point to the last thing asked about, as an owner. */
	readonly thingPossessives: readonly string[];
	/** How an owner is written after the name put in for a possessive ("Askar Shakirov's"); empty where the pronoun's place says it ("у него" → "у Askar Shakirov"). */
	readonly possessiveEnding: string;
	/**
	 * Pronouns for a person and a thing alike (Russian "он" is "he" and "it", Kazakh "ол" "he", "she" and "it"):
	 * {@link FollowUpWords.eitherReading} says which one a question means.
	 */
	readonly eitherPronouns: readonly string[];
	/** Point to the last thing only when they end the question ("when was that?"). */
	readonly closingDemonstratives: readonly string[];
	/** Words after which a closing demonstrative points back though it does not end the question ("где это было?"). */
	readonly demonstrativeFollowers?: readonly string[];
	/** Point to the last place named, when they end the question ("who spoke there?"). */
	readonly placeAdverbs: readonly string[];
	/**
	 * How a place the conversation named is put in for a place adverb, by its name alone ("Leela Palace Hotel" →
	 * "в Leela Palace Hotel"); undefined to put it as the document said it ("at the Leela Palace Hotel").
	 */
	readonly placeAs?: (name: string) => string;
	/** Open an elliptical follow-up that leans on the previous question ("and when was it created?"). */
	readonly openers: readonly string[];
	/** Ask for the next facts of the passage just cited, as the whole message. */
	readonly more: readonly string[];
	/** Open a request for more about whom a pronoun names ("what else did he say?"). */
	readonly moreAbout: readonly string[];
	/** A whole message, normalised, that asks who a person is ("who is he", "кто он такой"). */
	readonly identity: RegExp;
	/** A pronoun that points to nothing before it ("is it true that …"), tested on the message. */
	readonly dummyPronoun?: RegExp;
	/** Which referent an {@link FollowUpWords.eitherPronouns} pronoun means in the message's words (lower case); undefined when the message does not say. */
	readonly eitherReading?: (pronoun: string, words: readonly string[], person: string | undefined) => 'person' | 'thing' | undefined;
	/** Places a sentence in the language names, as it says them ("в Женеве"), for the next message's "there"; undefined to use English's reading. */
	readonly placesIn?: (sentence: string) => string[];
	/** What a question in the language asks about, for the next message's "it"; undefined to use English's reading. */
	readonly subjectOf?: (question: string) => string | undefined;
}

/**
 * Follow-ups in a conversation ("who is he?", "and when was it created?", "tell me more"): the words that point back
 * to the previous question and answer. Read by `src/answering/followUp.ts` only.
 */
export const FOLLOW_UP = {
	possessiveEnding: "'s",
	eitherPronouns: [],
	identity: /^(?:who|what)\s+(?:is|was|are|were)\s+(?:he|she|him|her)$/,
	/** Point to the last person named. */
	personPronouns: ['he', 'she', 'him', 'her', 'himself', 'herself'],
	/** Point to the last person named, as an owner ("his mandate" → "Askar Shakirov's mandate"). */
	personPossessives: ['his', 'hers'],
	/** Point to the last thing asked about: a body, an event, a document. */
	thingPronouns: ['it', 'itself'],
	/** Point to the last thing asked about, as an owner ("its mandate"). */
	thingPossessives: ['its'],
	/** Point to the last thing only when they end the question ("when was that?"): elsewhere they join clauses or qualify a noun. */
	closingDemonstratives: ['that', 'this'],
	/** Points to the last place named, when it ends the question ("who spoke there?"); "is there …" asks whether something exists. */
	placeAdverbs: ['there'],
	/** "Is it true that …", "it is forbidden to …": an "it" that points to nothing before it (see `dummyPronoun`). */
	dummyItFollowers: ['true', 'possible', 'allowed', 'forbidden', 'necessary', 'required', 'legal', 'illegal', 'likely', 'the case', 'known that', 'said that'],
	/** Open an elliptical follow-up that leans on the previous question ("and when was it created?"). */
	openers: ['and', 'also', 'so', 'then', 'but'],
	/** Ask for the next facts of the passage just cited. */
	more: ['tell me more', 'more', 'more please', 'go on', 'continue', 'keep going', 'anything else', 'what else', 'and then', 'what more', 'say more', 'more details', 'tell me more about it', 'tell me more about that', 'what else is there'],
	/** "What else did he say?": the next facts about the person or thing named. */
	moreAbout: ['what else did', 'what else does', 'what else has', 'what else is', 'what else was', 'tell me more about'],
	/** Past participles that close a question's subject ("where was the forum held?"): not part of what "it" names. */
	closingParticiples: ['held', 'built', 'made', 'set', 'run', 'won', 'led', 'met', 'chosen', 'given', 'taken', 'said', 'told', 'written', 'done', 'seen', 'known', 'found', 'begun', 'paid', 'sent', 'hosted', 'created', 'founded', 'adopted', 'signed', 'established', 'formed', 'opened', 'passed', 'appointed', 'elected', 'organized', 'organised', 'located', 'based', 'expanded', 'accepted', 'published', 'issued', 'started', 'launched'],
} as const satisfies Omit<FollowUpWords, 'dummyPronoun'> & Record<string, unknown>;
