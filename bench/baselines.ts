/**
 * The two baselines, as a developer would write them: plain Fuse.js over the fact texts with its default
 * options, and MiniSearch (BM25) with fuzzy and prefix search. Both index the same facts the engine
 * built (`standalone`, the text an answer shows) and "answer" with their top hit.
 */
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Fact } from '../src/knowledge/types.ts';

export interface Baseline {
	name: string;
	/** Facts best first (at most `limit`). */
	search(query: string, limit: number): Fact[];
}

export function fuseBaseline(facts: readonly Fact[]): Baseline {
	const fuse = new Fuse(facts.map((f) => f.standalone));
	return {
		name: 'Fuse.js',
		search: (query, limit) => fuse.search(query, { limit }).map((hit) => facts[hit.refIndex]!),
	};
}

/** MiniSearch's options for the baseline: the fuzzy and prefix settings its README suggests for search-as-you-type. */
export const MINISEARCH_OPTIONS = Object.freeze({ fuzzy: 0.2, prefix: true });

export function miniSearchBaseline(facts: readonly Fact[]): Baseline {
	const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], searchOptions: MINISEARCH_OPTIONS });
	index.addAll(facts.map((f, id) => ({ id, text: f.standalone })));
	return {
		name: 'MiniSearch',
		search: (query, limit) => index.search(query).slice(0, limit).map((hit) => facts[hit.id as number]!),
	};
}
