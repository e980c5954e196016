import type { Fact } from '../knowledge/types.ts';

/** Words (with the apostrophes and hyphens inside them) and the runs between them, so a diff never splits a word. */
const TOKENS = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\p{L}\p{N}]+/gu;
/** What may stay outside the brackets: spaces and punctuation, so "[Askar Shakirov]," not "[Askar Shakirov,]". */
const SEPARATOR = /^[^\p{L}\p{N}]+$/u;

/**
 * The sentence as an answer shows it: the document's own words, with the words ingestion put in for a pronoun
 * ("He said" → "Askar Shakirov said") in brackets, so rewritten text is never passed off as the cited sentence.
 * Everything outside the brackets, quotation marks included, is the document's text as it is. Ingestion replaces
 * one stretch of a sentence, so the common start and end of the two texts, word by word, leave that stretch.
 * @example markInserted('He said so.', 'Askar Shakirov said so.') // → "[Askar Shakirov] said so."
 */
export function markInserted(text: string, standalone: string): string {
	if (text === standalone) return text;
	const original = text.match(TOKENS) ?? [];
	const shown = standalone.match(TOKENS) ?? [];
	let start = 0;
	while (start < original.length && start < shown.length && original[start] === shown[start]) start++;
	let end = 0;
	while (end < original.length - start && end < shown.length - start && original[original.length - 1 - end] === shown[shown.length - 1 - end]) end++;
	let first = start;
	let last = shown.length - end;
	// Spaces and punctuation at either edge of the stretch read the same outside the brackets.
	while (first < last && SEPARATOR.test(shown[first]!)) first++;
	while (last > first && SEPARATOR.test(shown[last - 1]!)) last--;
	// Nothing was put in (only words left out): no brackets to show, and the rewritten text is not the document's.
	if (first === last) return text;
	return `${shown.slice(0, first).join('')}[${shown.slice(first, last).join('')}]${shown.slice(last).join('')}`;
}

/** A fact as every door shows it: see {@link markInserted}. */
export function quotedText(fact: Pick<Fact, 'text' | 'standalone'>): string {
	return markInserted(fact.text, fact.standalone);
}
