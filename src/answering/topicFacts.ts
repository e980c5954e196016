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
	const scored = kb.facts
		.map((fact) => ({ fact, scores: kb.topics.scores(fact.standalone) }))
		.filter(({ fact, scores }) => scores[topic] !== undefined && (fact.topics[0] === topic || scores[topic]! >= 2));
	return scored
		.sort((a, b) => b.scores[topic]! - a.scores[topic]! || a.fact.document.localeCompare(b.fact.document) || a.fact.position - b.fact.position)
		.map(({ fact }) => fact);
}
