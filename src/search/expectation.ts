import type { Fact } from '../knowledge/types.ts';

/** The kind of value a question asks for, read from its question words. */
export type Expectation = 'date' | 'duration' | 'number' | 'place' | 'agent' | 'reason' | 'none';

const RULES: [RegExp, Expectation][] = [
	[/\bhow long\b|\bfor how many (?:years|months|days)\b|\bwhat (?:term|period)\b/, 'duration'],
	[/\bhow (?:many|much)\b|\bwhat (?:is the )?(?:number|amount|percentage|share|size)\b/, 'number'],
	[/\b(?:when|wen|since when)\b|\b(?:what|which|wat|wich) (?:year|date|day|month|time)\b|\bin what year\b/, 'date'],
	[/\b(?:where|wher)\b|\b(?:which|what|wich|wat) (?:city|country|hotel|place|venue|town|location)\b/, 'place'],
	[/\b(?:who|whom|whose)\b/, 'agent'],
	[/\bwhy\b|\bfor what reason\b/, 'reason'],
];

export function expectationOf(question: string): Expectation {
	const text = question.toLowerCase();
	return RULES.find(([pattern]) => pattern.test(text))?.[1] ?? 'none';
}

const DATE = /\b(?:1[89]\d\d|20\d\d)\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|yesterday|today|tomorrow)\b|\b(?:opening|closing|last|first) day\b|\b(?:last|next|this) (?:year|month|week)\b/i;
const DURATION = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:year|month|week|day|hour)s?\b|\bterm\b|\bperiod\b|\buntil\b|\bfor life\b/i;
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|third|quarter|percent|majority|several|many|most)\b/i;
const PLACE = /\b(?:in|at|to|from|near|across)\s+(?:the\s+)?(?:\p{Lu}|northern|southern|eastern|western|central)|\bhere\b|\bhotel\b|\bcity\b|\bvillages?\b|\bprovinces?\b|\bregion\b/u;
const REASON = /\bbecause\b|\bso that\b|\bas (?:this|it|they|he|she)\b|\bdue to\b|\bsince\b|\bin order to\b|\bensur|\bdetermined by\b|\bwhich allows\b/i;

/** Whether a sentence holds the kind of value the question wants. `none` is always met. */
export function meetsExpectation(fact: Fact, expectation: Expectation): boolean {
	switch (expectation) {
		case 'date':
			return fact.entities.includes('DATE') || DATE.test(fact.text);
		case 'duration':
			return fact.entities.includes('DURATION') || DURATION.test(fact.text);
		case 'number':
			return fact.entities.some((e) => ['CARDINAL', 'MONEY', 'PERCENT'].includes(e)) || NUMBER.test(fact.text);
		case 'place':
			return PLACE.test(fact.text);
		case 'agent':
			return fact.names.length > 0 || /\brepresentatives?\b|\bmembers?\b|\bofficials?\b|\bbod(?:y|ies)\b|\borgani[sz]ations?\b/i.test(fact.text) || fact.about !== undefined;
		case 'reason':
			return REASON.test(fact.text);
		case 'none':
			return true;
	}
}
