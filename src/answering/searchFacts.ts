import type { Fact } from '../knowledge/types.ts';
import { readQuestion } from '../search/query.ts';
import { rankFacts } from '../search/rankFacts.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';
import type { Institution } from './topicFacts.ts';

export interface SearchHit {
	fact: Fact;
	/** 0..1: how much of the query the fact covers. */
	score: number;
}

/**
 * The facts that best match a query, with no answer threshold: what `/search` and `/sources` list. With
 * `institution`, only its documents' facts: the ranking then reaches further down to still find `limit`.
 */
export function searchFacts(kb: KnowledgeBase, query: string, limit = 5, institution?: Institution): SearchHit[] {
	const read = readQuestion(query, kb.index, kb.options);
	const ranked = rankFacts(kb.index, read, kb.options, institution ? Math.max(limit, kb.options.candidates) * 4 : limit);
	return ranked
		.filter((r) => !institution || institution.documents.includes(r.fact.document))
		.slice(0, limit)
		.map((r) => ({ fact: r.fact, score: Math.max(0, Math.min(1, r.coverage)) }));
}

/** A fact with up to `radius` sentences either side from its document, in order: for "show context". */
export function factContext(kb: KnowledgeBase, factId: string, radius = 2): Fact[] {
	const fact = kb.factsById.get(factId);
	if (!fact) return [];
	const document = kb.documents.find((d) => d.id === fact.document);
	return document ? document.facts.slice(Math.max(0, fact.position - radius), fact.position + radius + 1) : [fact];
}
