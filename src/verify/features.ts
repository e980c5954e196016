import { KIND_ASKING_WORDS, KIND_NOUNS, KIND_OF_WORDS, STOPWORDS } from '../language/english.ts';
import { isNegated, isYesNoQuestion } from '../language/negation.ts';
import type { Language } from '../language/detect.ts';
import { KAZAKH_KIND_ASKING_WORDS, KAZAKH_KIND_NOUNS, KAZAKH_STOPWORDS } from '../language/kazakh.ts';
import { RUSSIAN_KIND_ASKING_WORDS, RUSSIAN_KIND_NOUNS, RUSSIAN_STOPWORDS } from '../language/russian.ts';
import { namesTheOther, questionNames, type ExpectationKind } from '../search/expectation.ts';
import type { FactIndex } from '../search/factIndex.ts';
import type { QueryTerm, ReadQuestion } from '../search/query.ts';
import type { RankedFact } from '../search/rankFacts.ts';
import { wordRelations } from '../language/wordnet.ts';
import { stem, words } from '../search/analyze.ts';
import { valuesIn, type ValueCache, type ValueKind } from './values.ts';

/**
 * The verifier's features: each a small, pure function of the question and one candidate fact, named so that
 * an explanation can say which of them carried a decision. They are the whole interface between retrieval
 * and the trained model: a new feature is added here, then `npm run train` weighs it.
 */
export const FEATURE_NAMES = [
	'evidence',
	'coverage',
	'referenceShare',
	'unknownShare',
	'missedTelling',
	'softShare',
	'conceptShare',
	'namesMissing',
	'nameWordsMissing',
	'otherDocumentTerm',
	'constraintsMissing',
	'roleMismatch',
	'askedNounMissing',
	'valueMissing',
	'valueDistance',
	'companionUsed',
	'proximity',
	'negationMismatch',
	'antonymInFact',
	'questionTerms',
	'factLength',
	'evidenceGap',
	'rivalOverlap',
	'candidateCount',
	'retrievalRank',
	'yesNo',
	'leaning',
	'crossLanguage',
	'directCoverage',
	'ownCoverage',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

/** What every candidate of one question shares: read once per question. */
export interface QuestionContext {
	text: string;
	read: ReadQuestion;
	index: FactIndex;
	values: ValueCache;
	/** Values the question itself states: an answer must bring a new one. */
	questionValues: string[];
	negated: boolean;
	yesNo: boolean;
	/** Sum of the question terms' weights. */
	totalWeight: number;
	heaviestWeight: number;
	/** For "which X …", "what kind of X …": the word X, which names what the answer is. */
	askedNoun?: string;
	/** The question's content words, each with its antonyms' stems. */
	antonyms: { stem: string; antonyms: ReadonlySet<string> }[];
}

export function questionContext(text: string, read: ReadQuestion, index: FactIndex, values: ValueCache): QuestionContext {
	const weights = read.terms.map((t) => t.weight);
	const contentWords = words(text, read.language).filter((w) => !w.isStopword);
	return {
		text,
		read,
		index,
		values,
		questionValues: valuesIn(text).map((v) => v.text),
		negated: isNegated(text, read.language),
		yesNo: isYesNoQuestion(text, read.language),
		totalWeight: weights.reduce((a, b) => a + b, 0),
		heaviestWeight: Math.max(0, ...weights),
		...askedNounOf(text, read.language),
		antonyms: contentWords.map((w) => ({ stem: w.stem, antonyms: new Set(wordRelations(w.surface).antonyms.flatMap((a) => (a.includes(' ') ? [] : gradedForms(a).map((w) => stem(w))))) })),
	};
}

/**
 * Whether a question term the fact lacks is found in one other document only: the question then names
 * something of another institution's ("the Ombudsman of Valdoria"), and this fact speaks of its own.
 */
function isOtherDocumentTerm(index: FactIndex, term: QueryTerm, factDocument: number): boolean {
	const documents = new Set<number>();
	for (const { term: variant } of term.variants) {
		const facts = index.postingsOf(variant)?.facts;
		if (!facts?.length) continue;
		// Postings are in fact order, and a document's facts are contiguous: first and last tell whether one document holds them all.
		documents.add(index.factDocument[facts[0]!]!);
		documents.add(index.factDocument[facts[facts.length - 1]!]!);
	}
	return documents.size === 1 && !documents.has(factDocument);
}

/**
 * How much of their content two facts share (Jaccard over content-word stems): a news article often says one
 * thing twice, and two near-copies that both cover the question are no real rivals, however small the margin.
 */
function overlap(index: FactIndex, a: number, b: number): number {
	const content = (f: number) => new Set(index.factStems[f]!.filter((s) => !STOPWORD_STEMS.has(s) && !/^\d/.test(s)));
	const first = content(a);
	const second = content(b);
	const shared = [...first].filter((s) => second.has(s)).length;
	return first.size + second.size - shared > 0 ? shared / (first.size + second.size - shared) : 0;
}

const STOPWORD_STEMS: ReadonlySet<string> = new Set(
	[...STOPWORDS].map((w) => stem(w)).concat([...RUSSIAN_STOPWORDS, ...KAZAKH_STOPWORDS].flatMap((w) => [stem(w, 'ru'), stem(w, 'kk')])),
);

/** Per language, the words that ask for a kind ("which", "какой", "қандай"), those that only say "kind of", and the nouns of a date or place. */
const KIND_WORDS: Readonly<Record<Language, { asking: ReadonlySet<string>; kindOf: ReadonlySet<string>; nouns: ReadonlySet<string> }>> = {
	en: { asking: KIND_ASKING_WORDS, kindOf: KIND_OF_WORDS, nouns: KIND_NOUNS },
	ru: { asking: RUSSIAN_KIND_ASKING_WORDS, kindOf: new Set(), nouns: RUSSIAN_KIND_NOUNS },
	kk: { asking: KAZAKH_KIND_ASKING_WORDS, kindOf: new Set(), nouns: KAZAKH_KIND_NOUNS },
};

/** "Which party …", "what kind of member …": the noun right after the asking word names the answer's kind. */
function askedNounOf(text: string, language: Language): { askedNoun?: string } {
	const kinds = KIND_WORDS[language];
	const list = words(text, language);
	const at = list.findIndex((w) => kinds.asking.has(w.surface));
	if (at < 0) return {};
	let next = at + 1;
	while (list[next] && list[next]!.isStopword && kinds.kindOf.has(list[next]!.surface)) next++;
	const noun = list[next];
	return noun && !noun.isStopword && !kinds.nouns.has(noun.surface) ? { askedNoun: noun.surface } : {};
}

/** Whether the fact lacks, in its own words, the noun that names what the answer is ("which party" → a party). */
function askedNounMissing(context: QuestionContext, alignment: readonly TermAlignment[]): number {
	const noun = context.askedNoun;
	if (!noun) return 0;
	const term = alignment.find((a) => a.term.label.split(' ').includes(noun));
	return term && !(term.direct && term.credit > 0) ? 1 : 0;
}

/**
 * An adjective with its comparative and superlative ("small", "smaller", "smallest"; "big", "bigger"; "easy",
 * "easier"): WordNet gives antonyms in their base form, and the stemmer keeps the graded forms apart.
 */
function gradedForms(adjective: string): string[] {
	const base = adjective.endsWith('e') ? adjective.slice(0, -1) : adjective.endsWith('y') ? `${adjective.slice(0, -1)}i` : adjective;
	const doubled = /[^aeiou][aeiou][bdgmnprt]$/.test(adjective) ? `${adjective}${adjective.at(-1)}` : base;
	return [...new Set([adjective, `${base}er`, `${base}est`, `${doubled}er`, `${doubled}est`])];
}

/**
 * Whether the fact says the opposite of one of the question's words (WordNet antonyms: hardest/easiest,
 * include/exclude) without also saying the word: it answers another question.
 */
function antonymInFact(context: QuestionContext, factIndex: number): number {
	const stems = context.index.factStems[factIndex]!;
	return context.antonyms.some((w) => !stems.includes(w.stem) && stems.some((s) => w.antonyms.has(s))) ? 1 : 0;
}

/** How one question term stands in the fact. */
export interface TermAlignment {
	term: QueryTerm;
	/** 0..1: what the term earns there. */
	credit: number;
	/** Through the fact's own words, not only through its document's subject or whom it leans on. */
	direct: boolean;
	/** The variant matched: a word stem, or a lexicon concept (`~N`). */
	variant?: string;
	/** Credit of the variant before the fact's own weighting: 1 for the word itself, less for a typo or a prefix. */
	quality: number;
}

export function alignTerms(context: QuestionContext, factIndex: number): TermAlignment[] {
	return context.read.terms.map((term) => ({ term, ...context.index.creditOf(factIndex, term) }));
}

/** Value kinds that answer each kind of question when the recogniser finds them. */
const VALUE_KINDS: Partial<Record<ExpectationKind, readonly ValueKind[]>> = {
	date: ['DATE', 'YEAR', 'TIME'],
	duration: ['DURATION'],
};

/**
 * All features of one candidate. `candidates` are all of the question's, for its lead over the others.
 * Kinds with no recognised value type (who, where, why) fall back on the retriever's own expectation test.
 */
export function featuresOf(context: QuestionContext, candidate: RankedFact, rank: number, candidates: readonly RankedFact[]): Features {
	const { read, index, totalWeight } = context;
	const factLanguage = index.languageOf(candidate.factIndex);
	const alignment = alignTerms(context, candidate.factIndex);
	const share = (pick: (a: TermAlignment) => number) => (totalWeight > 0 ? alignment.reduce((sum, a) => sum + a.term.weight * pick(a), 0) / totalWeight : 0);
	const matched = share((a) => a.credit);
	const kind = read.expectation.kind;
	const rival = candidates.filter((c) => c !== candidate).reduce<RankedFact | undefined>((best, c) => (best && best.evidence >= c.evidence ? best : c), undefined);
	const bestOther = rival?.evidence ?? candidate.evidence;
	const missed = alignment.filter((a) => a.credit === 0 && a.term.known).map((a) => a.term.weight);
	const values = kind === 'none' ? [] : newValuePositions(context, candidate);
	return {
		evidence: candidate.evidence,
		coverage: matched,
		referenceShare: matched > 0 ? share((a) => (a.direct ? 0 : a.credit)) / matched : 0,
		unknownShare: share((a) => (a.term.known ? 0 : 1)),
		missedTelling: context.heaviestWeight > 0 ? Math.max(0, ...missed) / context.heaviestWeight : 0,
		softShare: matched > 0 ? share((a) => (a.credit > 0 && a.quality < 1 ? a.credit : 0)) / matched : 0,
		conceptShare: matched > 0 ? share((a) => (a.variant?.startsWith('~') ? a.credit : 0)) / matched : 0,
		namesMissing: candidate.signals.holdsNames ? 0 : 1,
		otherDocumentTerm: share((a) => (a.credit === 0 && isOtherDocumentTerm(index, a.term, index.factDocument[candidate.factIndex]!) ? 1 : 0)),
		nameWordsMissing: alignment.filter((a) => a.credit === 0 && a.term.known && index.isNameWord(a.term.label)).length,
		constraintsMissing: candidate.signals.holdsConstraints ? 0 : 1,
		roleMismatch: candidate.signals.holdsRole ? 0 : 1,
		askedNounMissing: askedNounMissing(context, alignment),
		valueMissing: kind === 'none' || candidate.companion ? 0 : values.length ? 0 : 1,
		valueDistance: valueDistance(context, candidate.factIndex, values, alignment),
		companionUsed: candidate.companion ? 1 : 0,
		proximity: candidate.signals.proximity,
		// A yes/no question is answered by a denial as well as by an assertion ("Can it overrule courts?" "It cannot …").
		negationMismatch: !context.yesNo && context.negated !== isNegated(candidate.fact.text, factLanguage) ? 1 : 0,
		antonymInFact: antonymInFact(context, candidate.factIndex),
		questionTerms: Math.log1p(read.terms.filter((t) => t.weight > 0).length),
		factLength: Math.log((index.factLength[candidate.factIndex]! + 1) / (index.averageLength + 1)),
		evidenceGap: candidate.evidence - bestOther,
		rivalOverlap: rival ? overlap(index, candidate.factIndex, rival.factIndex) : 0,
		candidateCount: Math.log1p(candidates.length),
		retrievalRank: rank,
		yesNo: context.yesNo ? 1 : 0,
		leaning: candidate.fact.about !== undefined || candidate.fact.leansOnPrevious ? 1 : 0,
		// Matched across languages, only concepts, names and shared words carry the question: the rest is unread.
		crossLanguage: read.language === factLanguage ? 0 : 1,
		directCoverage: share((a) => (a.direct ? a.credit : 0)),
		ownCoverage: ownCoverage(index, candidate.factIndex, alignment),
	};
}

/**
 * The share of the question's weight, leaving out the words every sentence of the fact's document earns through its
 * subject, that the fact holds in its own words: among one article's sentences, "кто избирает уполномоченного
 * Таврии" is told apart by "избирает", not by "Таврии", which weighs most and which all of them earn.
 */
function ownCoverage(index: FactIndex, factIndex: number, alignment: readonly TermAlignment[]): number {
	const own = alignment.filter((a) => !a.term.variants.some((v) => index.isSubjectTerm(factIndex, v.term)));
	const total = own.reduce((sum, a) => sum + a.term.weight, 0);
	return total > 0 ? own.reduce((sum, a) => sum + a.term.weight * (a.direct ? a.credit : 0), 0) / total : 0;
}

/**
 * Where the fact states a value of the kind asked for that the question does not already state, as word
 * positions: recognised dates and durations for when and how long; numbers for how many; for who and where,
 * the words of names the question does not name. Empty when the fact states none; [-1] when the retriever's
 * pattern vouches for one (the recogniser misses "the opening day", a body written in lower case) whose place is not known.
 */
function newValuePositions(context: QuestionContext, candidate: RankedFact): number[] {
	const { kind } = context.read.expectation;
	const stems = context.index.factStems[candidate.factIndex]!;
	const factLanguage = context.index.languageOf(candidate.factIndex);
	const positionOf = (text: string) => {
		const first = words(text, factLanguage)[0]?.stem;
		return first === undefined ? -1 : stems.indexOf(first);
	};
	const vouched = candidate.signals.meetsExpectation ? [-1] : [];
	const kinds = VALUE_KINDS[kind];
	if (kinds) {
		const recognised = context.values.of(candidate.factIndex, candidate.fact.text).filter((v) => kinds.includes(v.kind));
		if (!recognised.length) return vouched;
		return recognised.filter((v) => !context.questionValues.includes(v.text)).map((v) => positionOf(v.text));
	}
	if (!vouched.length) return [];
	const { expectation } = context.read;
	// "Who was it before Shakirov?" of a sentence naming him: the retriever vouched for another person's full name.
	if (namesTheOther(candidate.fact, expectation, factLanguage)) return vouched;
	const found =
		kind === 'number'
			? stems.flatMap((stem, i) => (/^\d/.test(stem) ? [i] : []))
			: candidate.fact.names.filter((name) => !questionNames(expectation, name, factLanguage)).map(positionOf).filter((p) => p >= 0);
	// A place the pattern found may be the question's own ("at Brennick prison" for "which town is Brennick prison in").
	return found.length ? found : kind === 'place' ? [] : vouched;
}

/**
 * How far (log words) the value that would answer stands from the question's most telling matched word: an
 * unanswerable question often asks about a neighbouring fact whose words are all there, attached to another value.
 * `valuePositions` are `newValuePositions`' (none when the question asks for no kind of value): 0 when the fact
 * lacks one (`valueMissing` says that).
 */
function valueDistance(context: QuestionContext, factIndex: number, valuePositions: readonly number[], alignment: readonly TermAlignment[]): number {
	const values = valuePositions.filter((p) => p >= 0);
	const anchor = alignment.filter((a) => a.direct && a.variant !== undefined).sort((a, b) => b.term.weight - a.term.weight)[0];
	if (!values.length || !anchor) return 0;
	const stems = context.index.factStems[factIndex]!;
	const concept = context.index.factConcepts[factIndex]!.find((m) => m.concept === anchor.variant);
	const anchorAt = concept ? concept.start : stems.indexOf(anchor.variant!);
	if (anchorAt < 0) return 0;
	return Math.log1p(Math.min(...values.map((p) => Math.abs(p - anchorAt))));
}
