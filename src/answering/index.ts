/** The engine's public face: what the Discord adapter, the console and the CLI use. */
export { answer, type AnswerOptions } from './answer.ts';
export { answerInConversation, CONVERSATION_TTL_MS, loadContext, MemoryConversations, nextContext, type ConversationStore } from './conversation.ts';
export type { ConversationContext } from './followUp.ts';
export { exampleQuestions } from './answer.ts';
export { factLabel } from './factLabel.ts';
export { findDocuments } from './findDocuments.ts';
export { buildKnowledgeBase, loadKnowledgeBase, type KnowledgeBase, type KnowledgeBaseLoad } from './knowledgeBase.ts';
export { factContext, searchFacts, type SearchHit } from './searchFacts.ts';
export { quotedText } from './quote.ts';
export { citedDocuments, httpsLink, linesText, type CitedDocument } from './sources.ts';
export { suggestQuestions } from './suggest.ts';
export { findInstitutions, institutionKey, institutionLabels, institutions, parseInstitution, parseTopicName, topicFacts, type Institution } from './topicFacts.ts';
export { curatedMatch, groupNearDuplicates, questionKey, sameQuestion } from './curated.ts';
export type { Answer, Citation } from './types.ts';
export { validateDocumentUpload } from '../knowledge/validateUpload.ts';
