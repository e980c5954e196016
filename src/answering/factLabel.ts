import type { Fact } from '../knowledge/types.ts';

/**
 * A fact shortened to at most `max` characters at a word boundary, for buttons, choices and suggestions.
 * @example factLabel(fact, 40) // → "Askar Shakirov, Commissioner for Human…"
 */
export function factLabel(fact: Fact, max = 100): string {
	const text = fact.standalone;
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	const boundary = cut.lastIndexOf(' ');
	return `${(boundary > max / 2 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}
