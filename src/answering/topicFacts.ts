import { messages, UserError } from '../errors.ts';
import { TOPIC_NAMES, type Fact, type TopicName } from '../knowledge/types.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';

function isTopicName(name: string): name is TopicName {
	return (TOPIC_NAMES as readonly string[]).includes(name);
}

/** Reads a topic name typed by a person; unknown names are a UserError listing the topics. */
export function parseTopicName(name: string): TopicName {
	const normalized = name.trim().toLowerCase();
	if (isTopicName(normalized)) return normalized;
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
	// Ingestion labelled each fact with the same lexicon; only those labelled with the topic need scoring.
	return kb.facts
		.filter((fact) => fact.topics.includes(topic))
		.map((fact) => ({ fact, score: kb.topics.scores(fact.standalone)[topic]! }))
		.filter(({ fact, score }) => fact.topics[0] === topic || score >= 2)
		.sort((a, b) => b.score - a.score || a.fact.document.localeCompare(b.fact.document) || a.fact.position - b.fact.position)
		.map(({ fact }) => fact);
}
