import Fuse from 'fuse.js';
import type { KnowledgeDocument } from '../knowledge/types.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';

/** Fuse.js over the documents' ids, titles and aliases: a short list where a full fuzzy scan is cheap and forgiving. */
const documentFinders = new WeakMap<KnowledgeBase, Fuse<KnowledgeDocument>>();

/**
 * Documents matching what a moderator typed (id, title or alias, typos forgiven), best first; all of
 * them, in order, when nothing is typed. For `/kb remove` and its autocomplete.
 */
export function findDocuments(kb: KnowledgeBase, typed: string, limit = 25): KnowledgeDocument[] {
	if (!typed.trim()) return kb.documents.slice(0, limit);
	let finder = documentFinders.get(kb);
	if (!finder) {
		finder = new Fuse([...kb.documents], { keys: [{ name: 'id', weight: 2 }, 'title', 'aliases'], threshold: 0.4, ignoreLocation: true });
		documentFinders.set(kb, finder);
	}
	return finder.search(typed, { limit }).map((result) => result.item);
}
