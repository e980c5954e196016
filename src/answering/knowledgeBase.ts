import type { CuratedLink } from '../knowledge/curated.ts';
import { loadKnowledge, type LoadedKnowledge } from '../knowledge/loadKnowledge.ts';
import { pacer } from '../knowledge/pace.ts';
import type { Lexicon } from '../knowledge/schema.ts';
import { TopicLabeller } from '../knowledge/topics.ts';
import type { Fact, KnowledgeDocument, KnowledgeProblem } from '../knowledge/types.ts';
import { buildFactIndex } from '../search/buildIndex.ts';
import type { FactIndex } from '../search/factIndex.ts';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from '../search/searchOptions.ts';
import { ValueCache } from '../verify/values.ts';

/** Everything the bot knows, built once from a knowledge folder and never changed: a refresh builds a new one. */
export interface KnowledgeBase {
	readonly directory: string;
	readonly documents: readonly KnowledgeDocument[];
	readonly facts: readonly Fact[];
	readonly lexicon: Lexicon;
	readonly index: FactIndex;
	readonly topics: TopicLabeller;
	readonly options: Readonly<SearchOptions>;
	readonly factsById: ReadonlyMap<string, Fact>;
	/**
	 * Questions moderators linked to the fact that answers them (`knowledge/curated.yaml`, written by `/kb answer`),
	 * each resolved to a fact of this knowledge base: strong evidence for that fact (see answering/curated.ts).
	 */
	readonly curated: readonly CuratedLink[];
	/** Values (dates, numbers…) the verifier has read from facts so far. */
	readonly values: ValueCache;
	readonly builtAt: Date;
	/** How long reading and indexing took, in milliseconds. */
	readonly buildMs: number;
}

export interface KnowledgeBaseLoad {
	/** Null when nothing in the folder could be used. */
	knowledgeBase: KnowledgeBase | null;
	/** Files skipped, each with its reason. */
	problems: KnowledgeProblem[];
}

/**
 * Reads and indexes a knowledge folder. Bad files are skipped and listed in `problems`; the knowledge base
 * is null only when no document could be used.
 * @example
 * const { knowledgeBase, problems } = await loadKnowledgeBase('knowledge');
 */
export async function loadKnowledgeBase(directory: string, options: Partial<SearchOptions> = {}): Promise<KnowledgeBaseLoad> {
	const started = performance.now();
	const loaded = await loadKnowledge(directory);
	if (loaded.documents.length === 0) return { knowledgeBase: null, problems: loaded.problems };
	return { knowledgeBase: await buildKnowledgeBase(directory, loaded, options, started), problems: loaded.problems };
}

/**
 * Indexes documents already loaded; yields to the event loop as it goes (see `buildFactIndex`). `curated` links
 * naming a fact that is not among the documents are dropped.
 */
export async function buildKnowledgeBase(
	directory: string,
	loaded: LoadedKnowledge,
	options: Partial<SearchOptions> = {},
	started = performance.now(),
): Promise<KnowledgeBase> {
	const merged = Object.freeze({ ...DEFAULT_SEARCH_OPTIONS, ...options });
	const index = await buildFactIndex(loaded.documents, loaded.lexicon, merged);
	const factsById = new Map<string, Fact>();
	const pace = pacer();
	for (const document of loaded.documents) {
		for (const fact of document.facts) factsById.set(fact.id, fact);
		await pace();
	}
	return Object.freeze({
		directory,
		documents: loaded.documents,
		facts: index.facts,
		lexicon: loaded.lexicon,
		index,
		topics: new TopicLabeller(loaded.lexicon.topics),
		options: merged,
		factsById,
		curated: Object.freeze((loaded.curated ?? []).filter((link) => factsById.has(link.factId))),
		values: new ValueCache(),
		builtAt: new Date(),
		buildMs: performance.now() - started,
	});
}
