import type { Fact } from '../knowledge/types.ts';
import { readQuestion } from '../search/query.ts';
import { rankFacts } from '../search/rankFacts.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';

export interface SearchHit {
	fact: Fact;
	/** 0..1: how much of the query the fact covers. */
	score: number;
}

/** The facts that best match a query, with no answer threshold: what `/search` and `/sources` list. */
export function searchFacts(kb: KnowledgeBase, query: string, limit = 5): SearchHit[] {
	return rankFacts(kb.index, readQuestion(query, kb.index, kb.options), kb.options, limit).map((r) => ({ fact: r.fact, score: Math.max(0, Math.min(1, r.coverage)) }));
}

/** A fact with up to `radius` sentences either side from its document, in order: for "show context". */
export function factContext(kb: KnowledgeBase, factId: string, radius = 2): Fact[] {
	const fact = kb.factsById.get(factId);
	if (!fact) return [];
	const document = kb.documents.find((d) => d.id === fact.document);
	return document ? document.facts.slice(Math.max(0, fact.position - radius), fact.position + radius + 1) : [fact];
}
