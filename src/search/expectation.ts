import type { Fact } from '../knowledge/types.ts';
import {
	AGENT_NOUNS,
	alternation,
	AUXILIARIES,
	COMPASS_WORDS,
	DATE_KIND_NOUNS,
	KIND_ASKING_WORDS,
	MEASURE_WORDS,
	MONTHS,
	MONEY_NOUNS,
	NUMBER_KIND_NOUNS,
	NUMBER_WORDS,
	ORDINALS,
	OTHER_PERSON,
	PERIODS,
	PLACE_KIND_NOUNS,
	PLACE_NOUNS,
	REASON_CONNECTIVES,
	RELATIVE_DAYS,
	RELATIVE_TIME,
	spellingsOf,
	WEEKDAYS,
} from '../language/english.ts';
import type { Language } from '../language/detect.ts';
import {
	KAZAKH_ORDINAL,
	KAZAKH_PERIODS,
	KAZAKH_RELATIVE_TIME,
	KAZAKH_AGENT,
	KAZAKH_DATE,
	KAZAKH_DURATION,
	KAZAKH_EXPECTATION_RULES,
	KAZAKH_NUMBER_STEMS,
	KAZAKH_OTHER_PERSON,
	KAZAKH_PLACE,
	KAZAKH_REASON,
} from '../language/kazakh.ts';
import {
	RUSSIAN_ORDINAL,
	RUSSIAN_PERIODS,
	RUSSIAN_RELATIVE_TIME,
	RUSSIAN_AGENT,
	RUSSIAN_DATE,
	RUSSIAN_DURATION,
	RUSSIAN_EXPECTATION_RULES,
	RUSSIAN_NUMBER_STEMS,
	RUSSIAN_OTHER_PERSON,
	RUSSIAN_PLACE,
	RUSSIAN_REASON,
} from '../language/russian.ts';
import { stem, words } from './analyze.ts';

/** The kind of value a question asks for, read from its question words. */
export type ExpectationKind = 'date' | 'duration' | 'number' | 'place' | 'agent' | 'reason' | 'none';

export interface Expectation {
	kind: ExpectationKind;
	/** For "how many X": the stem of X, which the number in the answer must count. */
	counted?: string;
	/**
	 * Numbers and ordinals the question states ("in 2022", "the first chairperson", "the former ombudsman"): they
	 * pick one instance of a thing, so a fact that does not state them speaks of another.
	 */
	constraints: string[];
	/** The question's own words, so an answer to "who" must name someone the question does not. */
	asked: string;
	/** The stems of `asked`'s words, read once per question for every candidate's checks. */
	askedStems: ReadonlySet<string>;
	/**
	 * For "who was it before Shakirov", "кто был до Оскольской": the stem of the word naming the person the answer is
	 * someone other than. Only a name when a fact names it (see `namesTheOther`).
	 */
	otherThan?: string;
	/** The question's language: `counted` is a stem in it, and only a fact in it can hold that word. */
	language: Language;
}

/** Kinds whose value must be in the answer: a "when" answered without a date is no answer. */
export const STRICT_KINDS: ReadonlySet<ExpectationKind> = new Set(['date', 'duration', 'number']);

const WHEN = alternation(spellingsOf('when'));
const WHAT = alternation(spellingsOf('what'));
const KIND_ASKED = alternation(KIND_ASKING_WORDS);
/**
 * "What's his name", "what is the full name": asks for a name. The text may come with "'s" already taken
 * off by `words` ("what his name"), so a determiner after "what" asks as well as a verb does.
 */
const NAME_ASKED = `\\b(?:${WHAT})(?:(?:['’]s| is| was) (?:(?:the|their|his|her) )?| (?:the|their|his|her) )(?:full )?name\\b`;

const RULES: [RegExp, ExpectationKind][] = [
	[/\bhow long\b|\bfor how many (?:years|months|days)\b/, 'duration'],
	[new RegExp(`\\bhow (?:${alternation(MEASURE_WORDS)})\\b|\\b(?:${WHAT}) (?:is |was )?(?:the |its |their |his |her )?(?:${alternation([...NUMBER_KIND_NOUNS, ...MONEY_NOUNS, 'percentage', 'share', 'size'])})\\b`), 'number'],
	// "when" asks for a date at the start or before an auxiliary ("when did …"), not as a conjunction ("… when a court errs").
	[
		new RegExp(`^(?:${WHEN})\\b|\\b(?:${WHEN})\\s+(?:${alternation(AUXILIARIES)})\\b|\\bsince when\\b|\\b(?:${KIND_ASKED}) (?:${alternation(DATE_KIND_NOUNS)})\\b|\\bin what year\\b`),
		'date',
	],
	[new RegExp(`\\b(?:${alternation(spellingsOf('where'))})\\b|\\b(?:${KIND_ASKED}) (?:${alternation([...PLACE_KIND_NOUNS, 'hotel'])})\\b`), 'place'],
	[new RegExp(`\\b(?:${alternation(spellingsOf('who', 'whom', 'whose'))})\\b|${NAME_ASKED}|\\bname of\\b`), 'agent'],
	[/\bwhy\b|\bfor what reason\b/, 'reason'],
];

/** The question patterns of each language, in the order they are tried. */
const RULES_OF: Readonly<Record<Language, readonly (readonly [RegExp, ExpectationKind])[]>> = { en: RULES, ru: RUSSIAN_EXPECTATION_RULES, kk: KAZAKH_EXPECTATION_RULES };
/** "how many X", "сколько X", "қанша X": X is what the number counts. */
const COUNTED: Readonly<Record<Language, RegExp>> = {
	en: /\bhow many\s+(.*)$/,
	ru: /(?<![\p{L}])(?:сколько|скока|скольким|скольких|скольки)\s+(.*)$/u,
	kk: /(?<![\p{L}])(?:қанша|неше|канша)\s+(.*)$/u,
};

/** Per language, where a question names the person its answer is someone other than. */
const OTHER_PERSON_OF: Readonly<Record<Language, RegExp>> = { en: OTHER_PERSON, ru: RUSSIAN_OTHER_PERSON, kk: KAZAKH_OTHER_PERSON };

/**
 * For a question asking for someone other than a person it names ("before Shakirov"), whether the fact names that
 * person: its answer must then be another person's name, which the fact may lack.
 */
export function namesTheOther(fact: Fact, expectation: Expectation, language: Language): boolean {
	return fact.names.some((name) => namesOther(name, expectation, language));
}

function namesOther(name: string, expectation: Expectation, language: Language): boolean {
	return expectation.otherThan !== undefined && words(name, language).some((w) => w.stem === expectation.otherThan);
}

/** Per language, the words that pick one of several (an ordinal; a relative time before a period): constraints a fact must state. */
const PICKS_ONE: Readonly<Record<Language, { ordinal: (word: string) => boolean; relative: (word: string) => boolean; period: (word: string) => boolean }>> = {
	en: { ordinal: (w) => ORDINALS.has(w), relative: (w) => RELATIVE_TIME.has(w), period: (w) => PERIODS.has(w) },
	ru: { ordinal: (w) => RUSSIAN_ORDINAL.test(w), relative: (w) => RUSSIAN_RELATIVE_TIME.test(w), period: (w) => RUSSIAN_PERIODS.test(w) },
	kk: { ordinal: (w) => KAZAKH_ORDINAL.test(w), relative: (w) => KAZAKH_RELATIVE_TIME.test(w), period: (w) => KAZAKH_PERIODS.test(w) },
};

export function expectationOf(question: string, language: Language = 'en'): Expectation {
	const text = question.toLowerCase();
	const kind = RULES_OF[language].find(([pattern]) => pattern.test(text))?.[1] ?? 'none';
	const analysed = words(text, language);
	const picks = PICKS_ONE[language];
	const constraints = analysed
		.filter((w, i) => /^\d/.test(w.surface) || picks.ordinal(w.surface) || (picks.relative(w.surface) && picks.period(analysed[i + 1]?.surface ?? '')))
		.map((w) => w.stem);
	const after = kind === 'number' ? COUNTED[language].exec(text)?.[1] : undefined;
	const counted = after ? words(after, language).find((w) => !w.isStopword)?.stem : undefined;
	const other = kind === 'agent' ? OTHER_PERSON_OF[language].exec(text)?.[1] : undefined;
	const otherThan = other === undefined ? undefined : stem(other, language);
	const askedStems = new Set(analysed.map((w) => w.stem));
	return { kind, constraints, asked: text, askedStems, language, ...(counted ? { counted } : {}), ...(otherThan ? { otherThan } : {}) };
}

/** Whether a fact (its word stems, as the index keeps them) states every number and ordinal the question states. */
export function holdsConstraints(factStems: readonly string[], expectation: Expectation): boolean {
	return expectation.constraints.every((constraint) => factStems.includes(constraint));
}

const DATE = new RegExp(
	`\\b(?:1[89]\\d\\d|20\\d\\d)\\b|\\b(?:${alternation([...WEEKDAYS, ...MONTHS, ...RELATIVE_DAYS])})\\b|\\b(?:opening|closing|last|first) day\\b|\\b(?:last|next|this) (?:year|month|week)\\b`,
	'i',
);
/** "a five-year term", "for 12 months": a number up to a dozen before a unit of time. */
const DURATION = new RegExp(
	`\\b(?:\\d+|${alternation([...NUMBER_WORDS].filter(([, value]) => value <= 12).map(([word]) => word))})[- ](?:year|month|week|day|hour)s?\\b|\\bfor life\\b|\\bsince (?:\\d|\\p{Lu})`,
	'iu',
);
/**
 * Number words, as stems: with digits that are not a year, what a count or amount is written with. Not
 * "one", which is as often a pronoun ("one of the members") as a count.
 */
const NUMBER_STEMS: ReadonlySet<string> = new Set([...NUMBER_WORDS.keys()].filter((word) => word !== 'one').map((w) => stem(w)));
const YEAR = /^(?:1[89]|20)\d\d$/;
const PLACE = new RegExp(`\\b(?:in|at|to|from|near|across)\\s+(?:the\\s+)?(?:\\p{Lu}|${alternation(COMPASS_WORDS)})|\\bhere\\b|\\b(?:${alternation(PLACE_NOUNS)})\\b`, 'u');
const REASON = new RegExp(`\\b(?:${alternation(REASON_CONNECTIVES)})\\b|\\bas (?:this|it|they|he|she)\\b|\\bensur`, 'i');
const AGENT_NOUNS_IN_TEXT = new RegExp(`\\b(?:${alternation(AGENT_NOUNS)})\\b`, 'gi');

/** How a sentence in each language states each kind of value. */
const VALUE_PATTERNS: Readonly<Record<Language, { date: RegExp; duration: RegExp; place: RegExp; reason: RegExp; agent: RegExp; numbers: ReadonlySet<string> }>> = {
	en: { date: DATE, duration: DURATION, place: PLACE, reason: REASON, agent: AGENT_NOUNS_IN_TEXT, numbers: new Set() },
	ru: { date: RUSSIAN_DATE, duration: RUSSIAN_DURATION, place: RUSSIAN_PLACE, reason: RUSSIAN_REASON, agent: RUSSIAN_AGENT, numbers: RUSSIAN_NUMBER_STEMS },
	kk: { date: KAZAKH_DATE, duration: KAZAKH_DURATION, place: KAZAKH_PLACE, reason: KAZAKH_REASON, agent: KAZAKH_AGENT, numbers: KAZAKH_NUMBER_STEMS },
};

/**
 * Whether a word of the fact (its stem) is one the question itself says, in another form or by a lexicon
 * synonym: "уполномоченному" for "кто уполномоченный", "уполномоченный" for "кто омбудсмен".
 */
export type AskedWord = (wordStem: string) => boolean;

/**
 * Whether a sentence (with its word stems, as the index keeps them) holds the kind of value the question wants,
 * read in the sentence's own language, which may not be the question's. `none` is always met.
 */
export function meetsExpectation(fact: Fact, factStems: readonly string[], expectation: Expectation, language: Language = 'en', asksOf?: AskedWord): boolean {
	const patterns = VALUE_PATTERNS[language];
	switch (expectation.kind) {
		case 'date':
			return patterns.date.test(fact.text);
		case 'duration':
			return patterns.duration.test(fact.text);
		case 'number':
			// The counted word is in the question's language: a fact in another cannot be checked for it.
			return holdsCount(factStems, language === expectation.language ? expectation.counted : undefined, patterns.numbers);
		case 'place':
			return patterns.place.test(fact.text);
		case 'agent':
			return namesSomeoneElse(fact, expectation, language, patterns.agent, (word) => asksOf?.(stem(word, language)) ?? false);
		case 'reason':
			return patterns.reason.test(fact.text);
		case 'none':
			return true;
	}
}

/**
 * Whether the question names a name (written in `language`). Russian and Kazakh inflect names, so there the question
 * also names it with the stem of the name's last word, the one that tells it from others ("велесии" names "Республики
 * Велесия", while "омбудсмен таврии" does not name "Республики Таврия Дарина Оскольская").
 */
export function questionNames(expectation: Expectation, name: string, language: Language): boolean {
	if (expectation.asked.includes(name.toLowerCase())) return true;
	if (language === 'en' || language !== expectation.language) return false;
	const last = words(name, language).at(-1);
	return last !== undefined && expectation.askedStems.has(last.stem);
}

/**
 * Whether the fact names a person or body the question did not: a multi-word name, an agent noun
 * ("representatives of governmental bodies"), or whom it leans on. A name whose every word the question asks of,
 * in its own words or through the lexicon ("верховного суда" for "Supreme Court"), is the question's.
 */
function namesSomeoneElse(fact: Fact, expectation: Expectation, language: Language, agentNouns: RegExp, askedAgent: (word: string) => boolean): boolean {
	const isNew = (name: string) => !questionNames(expectation, name, language);
	const asksOfName = (name: string) => name.split(/[^\p{L}\p{N}]+/u).filter(Boolean).every(askedAgent);
	// "Кто был до Оскольской?" of a sentence naming her: only another person's full name answers.
	if (namesTheOther(fact, expectation, language)) return fact.names.some((name) => name.includes(' ') && isNew(name) && !asksOfName(name) && !namesOther(name, expectation, language));
	return (
		fact.names.some((name) => name.includes(' ') && isNew(name) && !asksOfName(name)) ||
		[...fact.text.matchAll(agentNouns)].some((match) => isNew(match[0]) && !askedAgent(match[0])) ||
		(fact.about !== undefined && isNew(fact.about.split(',')[0]!))
	);
}

/**
 * A number that is not a year: with `counted`, one that counts it, within three words of the counted word on either
 * side: after it ("five commissioners", "2,340 complaints", "146 people") or before it, as a count is often put
 * ("the number of complaints rose to 2,340", "обращений поступило 7412", "права заявителей в 1236 случаях").
 */
function holdsCount(factStems: readonly string[], counted: string | undefined, numberStems: ReadonlySet<string>): boolean {
	const isCounted = (word: string) => counted !== undefined && (word === counted || (counted.length >= 4 && word.startsWith(counted)) || (word.length >= 4 && counted.startsWith(word)));
	return factStems.some((stem, i) => {
		if (!(/^\d[\d.]*$/.test(stem) || NUMBER_STEMS.has(stem) || numberStems.has(stem)) || YEAR.test(stem)) return false;
		return counted === undefined || [...factStems.slice(Math.max(0, i - 3), i), ...factStems.slice(i + 1, i + 4)].some(isCounted);
	});
}
