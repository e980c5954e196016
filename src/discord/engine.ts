/**
 * The answer engine, as the Discord adapter sees it: one import site, so the adapter stays thin
 * and every answer goes through `answer()`.
 */
export {
	answer,
	answerInConversation,
	citedDocuments,
	curatedMatch,
	exampleQuestions,
	factContext,
	findDocuments,
	findInstitutions,
	groupNearDuplicates,
	institutionKey,
	institutionLabels,
	institutions,
	linesText,
	loadKnowledgeBase,
	parseInstitution,
	questionKey,
	quotedText,
	sameQuestion,
	searchFacts,
	topicFacts,
	validateDocumentUpload,
} from '../answering/index.ts';
export type { CitedDocument, ConversationStore, Institution, KnowledgeBase } from '../answering/index.ts';
export type { Answer, Citation } from '../answering/types.ts';
export type { Fact, KnowledgeDocument, KnowledgeProblem, TopicName } from '../knowledge/types.ts';
export { TOPIC_NAMES } from '../knowledge/types.ts';
