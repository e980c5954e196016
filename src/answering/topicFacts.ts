import { messages, UserError } from '../errors.ts';
import { TOPIC_NAMES, type Fact, type TopicName } from '../knowledge/types.ts';
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
 * one marker, so that a passing mention does not pad the list.
 */
export function topicFacts(kb: KnowledgeBase, topic: TopicName): Fact[] {
	let byTopic = listed.get(kb);
	if (!byTopic) listed.set(kb, (byTopic = new Map()));
	let facts = byTopic.get(topic);
	if (!facts) byTopic.set(topic, (facts = rankTopic(kb, topic)));
	return [...facts];
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
