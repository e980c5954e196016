import { z } from 'zod';
import { TOPIC_NAMES, type Fact } from '../knowledge/types.ts';
import { answer, type AnswerOptions } from './answer.ts';
import { MORE_ABOUT, referentsOf, type ConversationContext } from './followUp.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';
import type { Answer } from './types.ts';

/** A conversation forgets its last turn after this long: a question asked later stands alone. */
export const CONVERSATION_TTL_MS = 10 * 60_000;

/** At most this many shown facts are remembered: enough for "tell me more" not to repeat itself for a long while. */
const MAX_SHOWN = 50;

/**
 * The conversation after a turn: what the answer cited and named. Small talk ("thanks") leaves the conversation as it
 * was, so "thanks! and where was it held?" still leans on the answer before.
 */
export function nextContext(previous: ConversationContext | undefined, result: Answer, kb: Pick<KnowledgeBase, 'factsById'>, now: number): ConversationContext | undefined {
	if (result.smallTalk) return previous && { ...previous, at: now };
	const more = result.askedAs?.startsWith(MORE_ABOUT) === true;
	const question = result.askedAs && !more ? result.askedAs : result.question;
	const facts = result.factIds.map((id) => kb.factsById.get(id)).filter((f): f is Fact => f !== undefined);
	// "Tell me more" keeps the question it continues, so another "tell me more" goes on with it.
	const asked = more && previous ? previous.question : question;
	const topic = result.topic ?? (result.answered ? undefined : previous?.topic);
	return {
		question: asked,
		factIds: result.answered ? result.factIds : [],
		shownIds: [...new Set([...(previous?.shownIds ?? []), ...result.factIds])].slice(-MAX_SHOWN),
		...referentsOf(question, facts, previous),
		...(topic ? { topic } : {}),
		confidence: result.answered ? result.confidence : 0,
		at: now,
	};
}

/** What a stored context must look like: a hand-edited or older row is dropped, never trusted. */
const contextSchema = z.object({
	question: z.string(),
	factIds: z.array(z.string()),
	shownIds: z.array(z.string()),
	person: z.string().optional(),
	thing: z.string().optional(),
	place: z.string().optional(),
	topic: z.enum(TOPIC_NAMES).optional(),
	confidence: z.number(),
	at: z.number(),
});

/** Where conversations are kept between turns: the bot's store (see `Store`), or memory in tests. */
export interface ConversationStore {
	/** The session's last context saved at or after `notBefore` (ms), as saved. */
	conversation(session: string, notBefore: number): Promise<string | undefined>;
	saveConversation(session: string, context: string, at: number): Promise<void>;
}

/** The context of a session, if it is fresh; unreadable or expired ones are no context. */
export async function loadContext(store: ConversationStore, session: string, now: number, ttlMs = CONVERSATION_TTL_MS): Promise<ConversationContext | undefined> {
	const saved = await store.conversation(session, now - ttlMs);
	if (saved === undefined) return undefined;
	try {
		const parsed = contextSchema.safeParse(JSON.parse(saved));
		return parsed.success && now - parsed.data.at <= ttlMs ? parsed.data : undefined;
	} catch {
		return undefined;
	}
}

/**
 * One question in a session's conversation: read against the session's last turn (if it is under ten minutes old),
 * answered by the one answer path, and remembered for the next. Sessions never see each other's context.
 * @example answerInConversation('who is he?', kb, { store, session: 'cli:abc' })
 */
export async function answerInConversation(
	question: string,
	kb: KnowledgeBase,
	conversation: { store: ConversationStore; session: string; now?: () => number; ttlMs?: number },
	options: Omit<AnswerOptions, 'context'> = {},
): Promise<Answer> {
	const now = (conversation.now ?? Date.now)();
	const context = await loadContext(conversation.store, conversation.session, now, conversation.ttlMs);
	const result = answer(question, kb, { ...options, ...(context ? { context } : {}) });
	const next = nextContext(context, result, kb, now);
	if (next) await conversation.store.saveConversation(conversation.session, JSON.stringify(next), now);
	return result;
}

/** A conversation kept in memory: the console's, and tests'. */
export class MemoryConversations implements ConversationStore {
	private readonly saved = new Map<string, { context: string; at: number }>();

	async conversation(session: string, notBefore: number): Promise<string | undefined> {
		const entry = this.saved.get(session);
		return entry && entry.at >= notBefore ? entry.context : undefined;
	}

	async saveConversation(session: string, context: string, at: number): Promise<void> {
		this.saved.set(session, { context, at });
	}
}
