import { createHash } from 'node:crypto';
import { messages, UserError } from '../errors.ts';
import { TOPIC_NAMES, type Fact, type KnowledgeDocument, type TopicName } from '../knowledge/types.ts';
import { damerauLevenshtein } from '../search/typoCorrector.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';

function isTopicName(name: string): name is TopicName {
	return (TOPIC_NAMES as readonly string[]).includes(name);
}

/** Typos forgiven in a topic name: "independance" is one substitution away; two is still no other topic's name. */
const TOPIC_TYPOS = 2;

/**
 * Reads a topic name typed by a person, forgiving a typo as questions do ("independance" → independence);
 * unknown names are a UserError listing the topics.
 */
export function parseTopicName(name: string): TopicName {
	const normalized = name.trim().toLowerCase();
	if (isTopicName(normalized)) return normalized;
	const close = TOPIC_NAMES.filter((topic) => normalized.length > 3 && damerauLevenshtein(normalized, topic, TOPIC_TYPOS) <= TOPIC_TYPOS);
	if (close.length === 1) return close[0]!;
	throw new UserError('UnknownTopic', messages.unknownTopic(name, TOPIC_NAMES));
}

/**
 * A topic's facts, most important first: those that touch the topic most strongly, then in document order.
 * A fact is listed when the topic is its strongest one, or when it touches the topic through more than
 * one marker, so that a passing mention does not pad the list. With `institution`, only its documents' facts;
 * without, when the facts come from several institutions, they are grouped by institution (the group with the
 * most important fact first), never interleaved: a list shows each fact's institution (see `institutionLabels`).
 */
export function topicFacts(kb: KnowledgeBase, topic: TopicName, institution?: Institution): Fact[] {
	let byTopic = listed.get(kb);
	if (!byTopic) listed.set(kb, (byTopic = new Map<TopicName, Fact[]>()));
	let facts = byTopic.get(topic);
	if (!facts) byTopic.set(topic, (facts = groupedByInstitution(kb, rankTopic(kb, topic))));
	return institution ? facts.filter((fact) => institution.documents.includes(fact.document)) : [...facts];
}

/** Each knowledge base's topic lists, made on first request: a knowledge base never changes. */
const listed = new WeakMap<KnowledgeBase, Map<TopicName, Fact[]>>();

function rankTopic(kb: KnowledgeBase, topic: TopicName): Fact[] {
	// Ingestion labelled each fact with the same lexicon; only those labelled with the topic need scoring, in their document's language.
	const languages = new Map(kb.documents.map((d) => [d.id, d.language]));
	return kb.facts
		.filter((fact) => fact.topics.includes(topic))
		.map((fact) => ({ fact, score: kb.topics.scores(fact.standalone, languages.get(fact.document))[topic]! }))
		.filter(({ fact, score }) => fact.topics[0] === topic || score >= 2)
		.sort((a, b) => b.score - a.score || a.fact.document.localeCompare(b.fact.document) || a.fact.position - b.fact.position)
		.map(({ fact }) => fact);
}

/**
 * An institution the documents are about: the documents' subjects name it. Each document belongs to one: the
 * first of its front matter's `aliases` (the author's own name for the body), else the first name of its subject
 * (see `KnowledgeDocument.subject`), else its title; documents whose institution is named among another's
 * subjects belong with it.
 */
export interface Institution {
	readonly name: string;
	/** Ids of its documents. */
	readonly documents: readonly string[];
	/** Every name its documents go by (subjects, aliases, titles): what a person may type for it. */
	readonly names: readonly string[];
}

const institutionLists = new WeakMap<KnowledgeBase, Institution[]>();

/** The knowledge base's institutions, in the order of their first document. */
export function institutions(kb: KnowledgeBase): readonly Institution[] {
	let list = institutionLists.get(kb);
	if (!list) institutionLists.set(kb, (list = groupInstitutions(kb.documents)));
	return list;
}

function groupInstitutions(documents: readonly KnowledgeDocument[]): Institution[] {
	const groups: { name: string; documents: string[]; names: Set<string> }[] = [];
	for (const document of documents) {
		const name = document.aliases[0] ?? document.subject[0] ?? document.title;
		const names = [...document.aliases, ...document.subject, document.title];
		const key = name.toLowerCase();
		// A group's names hold its own name: the first of its first document's names.
		const group = groups.find((g) => [...g.names].some((n) => n.toLowerCase() === key));
		if (group) {
			group.documents.push(document.id);
			for (const n of names) group.names.add(n);
		} else {
			groups.push({ name, documents: [document.id], names: new Set(names) });
		}
	}
	return groups.map((g) => Object.freeze({ name: g.name, documents: Object.freeze(g.documents), names: Object.freeze([...g.names]) }));
}

/** The institution a document belongs to. */
function institutionOf(kb: KnowledgeBase, documentId: string): Institution | undefined {
	return institutions(kb).find((i) => i.documents.includes(documentId));
}

/**
 * Institutions matching what a person typed, for autocomplete: every one when nothing is typed; else those with a
 * name containing it (any of its documents' subjects), those whose own name starts with it first.
 */
export function findInstitutions(kb: KnowledgeBase, typed: string, limit = 25): Institution[] {
	const wanted = typed.trim().toLowerCase();
	const all = institutions(kb);
	if (!wanted) return all.slice(0, limit);
	const rank = (i: Institution) => (i.name.toLowerCase().startsWith(wanted) ? 0 : i.name.toLowerCase().includes(wanted) ? 1 : 2);
	return all
		.filter((i) => i.names.some((n) => n.toLowerCase().includes(wanted)))
		.sort((a, b) => rank(a) - rank(b))
		.slice(0, limit);
}

/**
 * The institution a person named (picked from autocomplete, or typed: one of its documents' subjects, or part of
 * a name that only one institution has); undefined when none or several fit.
 */
export function parseInstitution(kb: KnowledgeBase, typed: string): Institution | undefined {
	const wanted = typed.trim().toLowerCase();
	if (!wanted) return undefined;
	const all = institutions(kb);
	const exact = all.filter((i) => i.name.toLowerCase() === wanted);
	if (exact.length === 1) return exact[0];
	const named = all.filter((i) => i.names.some((n) => n.toLowerCase() === wanted));
	if (named.length === 1) return named[0];
	const partly = findInstitutions(kb, wanted);
	return partly.length === 1 ? partly[0] : undefined;
}

/** A short, stable key for an institution (its name hashed), for a button's custom id: names can be long. */
export function institutionKey(institution: Pick<Institution, 'name'>): string {
	return createHash('sha256').update(institution.name.toLowerCase()).digest('base64url').slice(0, 10);
}

/**
 * How a list of facts names their institutions: each fact's, when the list holds facts of more than one; nothing
 * when all are one institution's (the label would only repeat itself).
 */
export function institutionLabels(kb: KnowledgeBase, facts: readonly Fact[]): (fact: Fact) => string | undefined {
	const names = new Map(facts.map((fact) => [fact.id, institutionOf(kb, fact.document)?.name]));
	if (new Set(names.values()).size <= 1) return () => undefined;
	return (fact) => names.get(fact.id);
}

/** Facts grouped by institution, each group in the given order, groups in the order of their first fact. */
function groupedByInstitution(kb: KnowledgeBase, facts: readonly Fact[]): Fact[] {
	const groups = new Map<string, Fact[]>();
	for (const fact of facts) {
		const name = institutionOf(kb, fact.document)?.name ?? fact.document;
		let group = groups.get(name);
		if (!group) groups.set(name, (group = []));
		group.push(fact);
	}
	return [...groups.values()].flat();
}
