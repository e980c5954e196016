import type { Fact } from '../knowledge/types.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';
import type { Answer } from './types.ts';

/** The answer path, handed in by `answer.ts` (which shows examples in small talk): no import cycle between the two. */
export type Ask = (question: string, kb: KnowledgeBase) => Pick<Answer, 'answered' | 'factIds' | 'confidence'>;

/** How many facts are read for examples at most: enough for a few good ones, cheap on a large knowledge base. */
const FACTS_READ = 200;
/** Examples kept per knowledge base; doors show one to three. */
const KEPT = 5;
/** Longest example: it must fit in `/ask`'s option hint (Discord allows 100 characters there, with its own words). */
const MAX_LENGTH = 70;

/**
 * Questions the knowledge base answers, to show as examples (`/help`, `/ask`'s hint, the reply to a bare mention,
 * small talk). Made from the facts by a few plain English patterns (who did it, who hosted it, where it was held,
 * when it was created), then asked: only a question the engine answers from the very fact it was made from is kept.
 * Nothing here knows what the documents say. Best (most confident, then shortest) first; made once per knowledge base.
 * @example exampleQuestionsAnsweredBy(kb, answer) // → ['Where was the 19th annual forum held?', 'Who hosted this year's meeting?', …]
 */
export function exampleQuestionsAnsweredBy(kb: KnowledgeBase, ask: Ask, count = 3): string[] {
	let examples = made.get(kb);
	if (!examples) made.set(kb, (examples = makeExamples(kb, ask)));
	return examples.slice(0, count);
}

const made = new WeakMap<KnowledgeBase, string[]>();

function makeExamples(kb: KnowledgeBase, ask: Ask): string[] {
	const kept: { question: string; confidence: number }[] = [];
	const seen = new Set<string>();
	for (const fact of kb.facts.slice(0, FACTS_READ)) {
		for (const question of questionsFrom(fact)) {
			const key = question.toLowerCase();
			if (seen.has(key) || question.length > MAX_LENGTH) continue;
			seen.add(key);
			const result = ask(question, kb);
			if (result.answered && result.factIds.includes(fact.id)) kept.push({ question, confidence: result.confidence });
		}
		if (kept.length >= KEPT * 2) break;
	}
	return kept
		.sort((a, b) => b.confidence - a.confidence || a.question.length - b.question.length)
		.slice(0, KEPT)
		.map((k) => k.question);
}

/** Words that show a captured subject runs across a clause ("the highest number since it"): no noun phrase to ask about. */
const CLAUSE_WORDS = /\b(?:it|they|he|she|since|that|which|who|when|while|because|and|but|said)\b/iu;

/** Candidate questions a fact answers, by pattern; the engine decides which really work. */
export function questionsFrom(fact: Fact): string[] {
	const text = fact.standalone.replace(/\s*\([^)]*\)/g, '');
	const questions: string[] = [];
	// "This year's meeting is being hosted by the …" → "Who hosted this year's meeting?"
	const passive = /^([^,:;"]+?) (?:is being|has been|had been|was|were|is|are) ([a-z]+ed) by /u.exec(text);
	if (passive && !CLAUSE_WORDS.test(passive[1]!)) questions.push(`Who ${passive[2]} ${lowerFirst(passive[1]!)}?`);
	// "… its 19th annual forum held at the …" → "Where was the 19th annual forum held?"
	const held = /\b(?:its|the|their) ([\w-]+(?: [\w-]+){0,3}) (?:was )?held (?:at|in)\b/u.exec(text);
	if (held) questions.push(`Where was the ${held[1]} held?`);
	// "… the mandate of the commissioner had been expanded in 2008 …" → "When was the mandate of the commissioner expanded?"
	const dated = /\b((?:the|its) [a-z][\w ]*?) (?:was|were|had been|has been) ([a-z]+ed) in \d{4}\b/u.exec(text);
	if (dated && !CLAUSE_WORDS.test(dated[1]!)) questions.push(`When was ${dated[1]!.replace(/^its /, 'the ')} ${dated[2]}?`);
	// "Askar Shakirov, Commissioner for Human Rights, represented Kazakhstan at the meeting." → "Who represented Kazakhstan at the meeting?"
	for (const name of fact.names.slice(0, 1)) {
		if (!text.startsWith(name)) continue;
		const acted = /^(?:,[^,]*,?)?\s+([a-z]+ed)\b([^,;:]*)/u.exec(text.slice(name.length));
		if (acted) questions.push(`Who ${acted[1]}${clipPredicate(acted[2]!)}?`);
	}
	return questions.map((q) => q.replace(/\s+/g, ' ').replace(/\s+\?$/, '?'));
}

/** The object of a "who did it" question, without the trailing detail that makes it read like a sentence ("as an associate member here on Wednesday"). */
function clipPredicate(predicate: string): string {
	return predicate.replace(/\s+(?:as|here|on|during|while|after|before|with|which|who|because)\b.*$/u, '').replace(/[.!]+$/, '');
}

function lowerFirst(text: string): string {
	// A proper name keeps its capital: only a common opening word ("This year's …") is lowered.
	return /^[A-Z][a-z]+\b/.test(text) && !/^[A-Z][a-z]+ [A-Z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
