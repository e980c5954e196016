import type { Fact } from '../knowledge/types.ts';
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
}

/** Kinds whose value must be in the answer: a "when" answered without a date is no answer. */
export const STRICT_KINDS: ReadonlySet<ExpectationKind> = new Set(['date', 'duration', 'number']);

const RULES: [RegExp, ExpectationKind][] = [
	[/\bhow long\b|\bfor how many (?:years|months|days)\b/, 'duration'],
	[/\bhow (?:many|much)\b|\bwhat (?:is the )?(?:number|amount|percentage|share|size)\b/, 'number'],
	// "when" asks for a date at the start or before an auxiliary ("when did …"), not as a conjunction ("… when a court errs").
	[/^(?:when|wen)\b|\b(?:when|wen)\s+(?:did|does|do|was|were|is|are|will|would|has|have|had|can|could|should|must|shall)\b|\bsince when\b|\b(?:what|which|wat|wich) (?:year|date|day|month|time)\b|\bin what year\b/, 'date'],
	[/\b(?:where|wher)\b|\b(?:which|what|wich|wat) (?:city|country|hotel|place|venue|town|location)\b/, 'place'],
	[/\b(?:who|whom|whose)\b|\bwhat(?:'s| is| was) (?:the |their |his |her )?(?:full )?name\b|\bname of\b/, 'agent'],
	[/\bwhy\b|\bfor what reason\b/, 'reason'],
];

export function expectationOf(question: string): Expectation {
	const text = question.toLowerCase();
	const kind = RULES.find(([pattern]) => pattern.test(text))?.[1] ?? 'none';
	const analysed = words(text);
	const constraints = analysed
		.filter((w, i) => /^\d/.test(w.surface) || ORDINALS.has(w.surface) || (RELATIVE_TIME.has(w.surface) && PERIODS.has(analysed[i + 1]?.surface ?? '')))
		.map((w) => w.stem);
	const after = kind === 'number' ? /\bhow many\s+(.*)$/.exec(text)?.[1] : undefined;
	const counted = after ? words(after).find((w) => !w.isStopword)?.stem : undefined;
	return { kind, constraints, asked: text, ...(counted ? { counted } : {}) };
}

/** Words that pick one of a series ("the first chairperson", "the former ombudsman"); not "last", "next" or "second", which are as often other words ("how long does it last", "a second term" asked of a single one). */
const ORDINALS = new Set(['first', 'third', 'fourth', 'fifth', 'previous', 'former', 'founding', 'original', 'predecessor', 'successor']);

/** "next year", "last month": which year or month is meant, so a fact about "this year" answers another question. */
const RELATIVE_TIME = new Set(['next', 'last', 'previous', 'coming']);
const PERIODS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks']);

/** Whether a fact (its word stems, as the index keeps them) states every number and ordinal the question states. */
export function holdsConstraints(factStems: readonly string[], expectation: Expectation): boolean {
	return expectation.constraints.every((constraint) => factStems.includes(constraint));
}

const DATE = /\b(?:1[89]\d\d|20\d\d)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|yesterday|today|tomorrow)\b|\b(?:opening|closing|last|first) day\b|\b(?:last|next|this) (?:year|month|week)\b/i;
const DURATION = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:year|month|week|day|hour)s?\b|\bfor life\b|\bsince (?:\d|\p{Lu})/iu;
/** Number words, as stems: with digits that are not a year, what a count or amount is written with. */
const NUMBER_STEMS: ReadonlySet<string> = new Set(
	'two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion dozen dozens'
		.split(' ')
		.map(stem),
);
const YEAR = /^(?:1[89]|20)\d\d$/;
const PLACE = /\b(?:in|at|to|from|near|across)\s+(?:the\s+)?(?:\p{Lu}|northern|southern|eastern|western|central)|\bhere\b|\bhotel\b|\bcity\b|\bvillages?\b|\bprovinces?\b|\bregion\b/u;
const REASON = /\bbecause\b|\bso that\b|\bas (?:this|it|they|he|she)\b|\bdue to\b|\bsince\b|\bin order to\b|\bensur|\bdetermined by\b|\bwhich allows\b/i;
const AGENT_NOUN = /\brepresentatives?\b|\bmembers?\b|\bofficials?\b|\bbod(?:y|ies)\b|\borgani[sz]ations?\b/i;

/** Whether a sentence (with its word stems, as the index keeps them) holds the kind of value the question wants. `none` is always met. */
export function meetsExpectation(fact: Fact, factStems: readonly string[], expectation: Expectation): boolean {
	switch (expectation.kind) {
		case 'date':
			return DATE.test(fact.text);
		case 'duration':
			return DURATION.test(fact.text);
		case 'number':
			return holdsCount(factStems, expectation.counted);
		case 'place':
			return PLACE.test(fact.text);
		case 'agent':
			return namesSomeoneElse(fact, expectation.asked);
		case 'reason':
			return REASON.test(fact.text);
		case 'none':
			return true;
	}
}

/**
 * Whether the fact names a person or body the question did not: a multi-word name, an agent noun
 * ("representatives of governmental bodies"), or whom it leans on.
 */
function namesSomeoneElse(fact: Fact, asked: string): boolean {
	const isNew = (name: string) => !asked.includes(name.toLowerCase());
	return (
		fact.names.some((name) => name.includes(' ') && isNew(name)) ||
		(AGENT_NOUN.test(fact.text) && isNew(AGENT_NOUN.exec(fact.text)![0])) ||
		(fact.about !== undefined && isNew(fact.about.split(',')[0]!))
	);
}

/**
 * A number that is not a year: with `counted`, one that counts it ("five commissioners", "2,340 complaints",
 * "146 people"), within two words before the counted word.
 */
function holdsCount(factStems: readonly string[], counted: string | undefined): boolean {
	return factStems.some((stem, i) => {
		if (!(/^\d[\d.]*$/.test(stem) || NUMBER_STEMS.has(stem)) || YEAR.test(stem)) return false;
		if (!counted) return true;
		return factStems.slice(i + 1, i + 4).some((next) => next === counted || (counted.length >= 4 && next.startsWith(counted)) || (next.length >= 4 && counted.startsWith(next)));
	});
}
