import type { ExpectationKind } from '../search/expectation.ts';
import type { FactIndex } from '../search/factIndex.ts';
import type { QueryTerm, ReadQuestion } from '../search/query.ts';
import type { RankedFact } from '../search/rankFacts.ts';
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
	'constraintsMissing',
	'roleMismatch',
	'asksDate',
	'asksDuration',
	'asksNumber',
	'asksPlace',
	'asksAgent',
	'asksReason',
	'valueMissing',
	'companionUsed',
	'proximity',
	'negationMismatch',
	'questionTerms',
	'factLength',
	'evidenceGap',
	'retrievalRank',
	'yesNo',
	'leaning',
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
}

export function questionContext(text: string, read: ReadQuestion, index: FactIndex, values: ValueCache): QuestionContext {
	const weights = read.terms.map((t) => t.weight);
	return {
		text,
		read,
		index,
		values,
		questionValues: valuesIn(text).map((v) => v.text),
		negated: NEGATION.test(text),
		yesNo: YES_NO_START.test(text.trim()),
		totalWeight: weights.reduce((a, b) => a + b, 0),
		heaviestWeight: Math.max(0, ...weights),
	};
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

const NEGATION = /\b(?:not|never|no|cannot|nobody|nothing|neither|nor|without|none)\b|n['’]t\b/i;
const YES_NO_START = /^(?:is|are|was|were|can|could|does|do|did|must|may|might|should|has|have|had|will|would|shall)\b/i;

/** Value kinds that answer each kind of question when the recogniser finds them. */
const VALUE_KINDS: Partial<Record<ExpectationKind, readonly ValueKind[]>> = {
	date: ['DATE', 'YEAR', 'TIME'],
	duration: ['DURATION'],
	number: ['CARDINAL', 'MONEY', 'PERCENT'],
};

/**
 * All features of one candidate. `others` are the question's other candidates, for the margin over them.
 * Kinds with no recognised value type (who, where, why) fall back on the retriever's own expectation test.
 */
export function featuresOf(context: QuestionContext, candidate: RankedFact, rank: number, candidates: readonly RankedFact[]): Features {
	const { read, index, totalWeight } = context;
	const alignment = alignTerms(context, candidate.factIndex);
	const share = (pick: (a: TermAlignment) => number) => (totalWeight > 0 ? alignment.reduce((sum, a) => sum + a.term.weight * pick(a), 0) / totalWeight : 0);
	const matched = share((a) => a.credit);
	const kind = read.expectation.kind;
	const bestOther = Math.max(-1, ...candidates.filter((c) => c !== candidate).map((c) => c.evidence));
	const missed = alignment.filter((a) => a.credit === 0 && a.term.known).map((a) => a.term.weight);
	return {
		evidence: candidate.evidence,
		coverage: matched,
		referenceShare: matched > 0 ? share((a) => (a.direct ? 0 : a.credit)) / matched : 0,
		unknownShare: share((a) => (a.term.known ? 0 : 1)),
		missedTelling: context.heaviestWeight > 0 ? Math.max(0, ...missed) / context.heaviestWeight : 0,
		softShare: matched > 0 ? share((a) => (a.credit > 0 && a.quality < 1 ? a.credit : 0)) / matched : 0,
		conceptShare: matched > 0 ? share((a) => (a.variant?.startsWith('~') ? a.credit : 0)) / matched : 0,
		namesMissing: candidate.signals.holdsNames ? 0 : 1,
		constraintsMissing: candidate.signals.holdsConstraints ? 0 : 1,
		roleMismatch: candidate.signals.holdsRole ? 0 : 1,
		asksDate: kind === 'date' ? 1 : 0,
		asksDuration: kind === 'duration' ? 1 : 0,
		asksNumber: kind === 'number' ? 1 : 0,
		asksPlace: kind === 'place' ? 1 : 0,
		asksAgent: kind === 'agent' ? 1 : 0,
		asksReason: kind === 'reason' ? 1 : 0,
		valueMissing: kind === 'none' || candidate.companion ? 0 : holdsNewValue(context, candidate) ? 0 : 1,
		companionUsed: candidate.companion ? 1 : 0,
		proximity: candidate.signals.proximity,
		negationMismatch: context.negated !== NEGATION.test(candidate.fact.text) ? 1 : 0,
		questionTerms: Math.log1p(read.terms.filter((t) => t.weight > 0).length),
		factLength: Math.log((index.factLength[candidate.factIndex]! + 1) / (index.averageLength + 1)),
		evidenceGap: candidate.evidence - bestOther,
		retrievalRank: rank,
		yesNo: context.yesNo ? 1 : 0,
		leaning: candidate.fact.about !== undefined || candidate.fact.leansOnPrevious ? 1 : 0,
	};
}

/** Whether the fact states a value of the kind asked for that the question does not already state. */
function holdsNewValue(context: QuestionContext, candidate: RankedFact): boolean {
	const kinds = VALUE_KINDS[context.read.expectation.kind];
	if (!kinds) return candidate.signals.meetsExpectation;
	return context.values.of(candidate.factIndex, candidate.fact.text).some((v) => kinds.includes(v.kind) && !context.questionValues.includes(v.text));
}
