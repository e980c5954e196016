import { messages, UserError } from '../errors.ts';
import { readQuestion } from '../search/query.ts';
import { rankFacts, type RankedFact } from '../search/rankFacts.ts';
import { factLabel } from './factLabel.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';
import type { Fact } from '../knowledge/types.ts';
import type { Answer, Citation } from './types.ts';

/** Candidates looked at per question: the best answers, and the rest for "did you mean". */
const CANDIDATES = 8;

/**
 * The one answer path: slash command, direct message, console and CLI all call this.
 * Finds the fact that best covers the question and says how sure it is; below the threshold it says
 * plainly that the documents do not say, and offers the closest facts it does know.
 * @throws UserError `EmptyQuestion` when the question has no text.
 * @example answer('Who represented Kazakhstan?', kb).answer // → "Askar Shakirov, Commissioner for …"
 */
export function answer(question: string, kb: KnowledgeBase): Answer {
	const started = performance.now();
	const text = question.replace(/\p{Cc}+/gu, ' ').trim();
	if (!text) throw new UserError('EmptyQuestion', messages.emptyQuestion);
	const { options } = kb;
	const ranked = rankFacts(kb.index, readQuestion(text, kb.index, options), options, CANDIDATES);
	const best = ranked[0];
	const confidence = best ? confidenceOf(best, kb) : 0;
	const answered = best !== undefined && confidence >= options.answerThreshold;
	const ms = performance.now() - started;
	if (!answered) {
		const suggestions = ranked.slice(0, options.maxSuggestions).map((r) => factLabel(r.fact));
		return { question: text, answered: false, answer: messages.notFound, confidence, sources: [], factIds: [], suggestions, ms };
	}
	const topic = best.fact.topics[0];
	const before = best.fact.leansOnPrevious ? previousFact(kb, best.fact) : undefined;
	const shown = [...new Set([before, best.fact, best.companion].filter((f): f is Fact => f !== undefined))].sort((a, b) => a.position - b.position);
	return {
		question: text,
		answered: true,
		answer: shown.map((f) => f.standalone).join(' '),
		confidence,
		sources: shown.map(citationOf),
		...(topic ? { topic } : {}),
		factIds: shown.map((f) => f.id),
		suggestions: ranked.slice(1, 1 + options.maxSuggestions).map((r) => factLabel(r.fact)),
		ms,
	};
}

/** Maps evidence to 0..1 so that `answerThreshold` falls exactly at `coverageAtThreshold`. */
function confidenceOf(best: RankedFact, kb: KnowledgeBase): number {
	const { confidenceSlope, coverageAtThreshold, answerThreshold } = kb.options;
	const logit = confidenceSlope * (best.evidence - coverageAtThreshold) + Math.log(answerThreshold / (1 - answerThreshold));
	return Math.round((1 / (1 + Math.exp(-logit))) * 1000) / 1000;
}

function previousFact(kb: KnowledgeBase, fact: Fact): Fact | undefined {
	return kb.documents.find((d) => d.id === fact.document)?.facts[fact.position - 1];
}

function citationOf(fact: Fact): Citation {
	return { document: fact.document, line: fact.line, text: fact.standalone };
}
