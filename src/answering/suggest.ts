import type { Fact } from '../knowledge/types.ts';
import { languageOf } from '../language/detect.ts';
import { words } from '../search/analyze.ts';
import { readQuestion, type QueryTerm } from '../search/query.ts';
import { rankFacts } from '../search/rankFacts.ts';
import { factLabel } from './factLabel.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';

/** Most completions tried for the word being typed. */
const MAX_COMPLETIONS = 8;
/** Credit for a fact holding a completion of the word being typed, against 1 for a whole word. */
const COMPLETION_QUALITY = 0.8;

/**
 * Autocomplete for `/ask`: facts the knowledge base can answer about, matching what has been typed so far,
 * with the last, unfinished word read as a prefix. Each suggestion is a fact's label, which, asked as a
 * question, finds that fact again. With nothing typed, it offers each document's opening facts.
 * @example suggestQuestions(kb, 'nation', 5) // → ["Askar Shakirov said that in 2013, the law creating the National…", …]
 */
export function suggestQuestions(kb: KnowledgeBase, typed: string, limit = 25): string[] {
	const text = typed.slice(0, kb.options.maxQuestionLength);
	if (!text.trim()) return distinct(openingFacts(kb, limit), limit);
	const finished = /\s$/.test(text);
	const allWords = words(text, languageOf(text));
	const partial = finished ? undefined : allWords[allWords.length - 1];
	const head = partial ? text.slice(0, text.toLowerCase().lastIndexOf(partial.surface)) : text;
	const question = readQuestion(head, kb.index, kb.options);
	if (partial) {
		const completions = kb.index.completions(partial.surface, MAX_COMPLETIONS);
		if (completions.length) {
			question.terms.push({
				label: partial.surface,
				position: allWords.length - 1,
				variants: completions.map((term) => ({ term, quality: COMPLETION_QUALITY })),
				weight: Math.max(...completions.map((term) => kb.index.idf(term))),
				known: true,
			} satisfies QueryTerm);
		}
	}
	return distinct(
		rankFacts(kb.index, question, kb.options, limit * 2).map((r) => r.fact),
		limit,
	);
}

function openingFacts(kb: KnowledgeBase, limit: number): Fact[] {
	const perDocument = Math.max(1, Math.ceil(limit / Math.max(1, kb.documents.length)));
	return kb.documents.flatMap((d) => d.facts.slice(0, perDocument));
}

/** Labels, without repeats (Discord rejects duplicate choices), at most `limit`. */
function distinct(facts: readonly Fact[], limit: number): string[] {
	return [...new Set(facts.map((f) => factLabel(f)))].slice(0, limit);
}
