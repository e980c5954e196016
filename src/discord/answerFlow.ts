import { randomBytes } from 'node:crypto';
import { MORE_ABOUT } from '../answering/followUp.ts';
import { UserError } from '../errors.ts';
import { say, type Language } from '../i18n/index.ts';
import type { ChatInputCommandInteraction, MessageContextMenuCommandInteraction } from 'discord.js';
import { listenerOf, replyLanguage } from './language.ts';
import type { AnswerSource } from '../store/store.ts';
import { answerInConversation, type Answer, type ConversationStore, type KnowledgeBase } from './engine.ts';
import { answerPayload, notice, type ReplyPayload } from './replies.ts';
import { respond } from './respond.ts';
import type { BotContext } from './types.ts';

/** Who asked, and through which door. */
export interface Asker {
	userId: string;
	guildId: string | null;
	channelId: string | null;
	source: AnswerSource;
	/** True when only the asker sees the answer (`/ask private: True`): its question is then suggested to nobody else. */
	private?: boolean;
	/** `interaction.locale`, when asked through an interaction. */
	locale?: string | null;
	/** The text whose language the reply follows, when not the question: a picked suggestion follows the question that led to it. */
	askedIn?: string;
	/** The reply's language when the caller has already chosen it from these same facts (see `replyLanguage`): not read from the store again. */
	language?: Language;
	/**
	 * True where Discord shows a conversation (a DM, a thread, a reply to the bot): the question is read against
	 * the asker's last turn in this channel. Elsewhere it stands alone, yet is remembered, so replying to the bot's
	 * answer continues from it.
	 */
	followUp?: boolean;
}

/** A conversation is one person's in one channel: two people in a thread never share one. */
export function sessionKey(userId: string, channelId: string | null): string {
	return `discord:${userId}:${channelId ?? 'none'}`;
}

/** Each conversation's last turn still being answered: the next one waits for it (in this process; a DM reaches one shard). */
const turns = new Map<string, Promise<unknown>>();

/**
 * Runs `work` after the conversation's earlier turns: "who is he?" sent right behind its question must read the
 * context that question leaves, not race it to the store.
 */
function inTurn<T>(session: string, work: () => Promise<T>): Promise<T> {
	const previous = turns.get(session) ?? Promise.resolve();
	const mine = previous.then(work, work);
	const settled = mine.catch(() => undefined);
	turns.set(session, settled);
	void settled.then(() => {
		if (turns.get(session) === settled) turns.delete(session);
	});
	return mine;
}

/**
 * The store as conversations see it: a question that stands alone reads nothing, and a store failure costs the
 * follow-up, never the answer (logged, the question answered as it stands).
 */
function conversationsOf(ctx: BotContext, read: boolean): ConversationStore {
	return {
		conversation: async (session, notBefore) => {
			if (!read) return undefined;
			try {
				return await ctx.store.conversation(session, notBefore);
			} catch (error) {
				ctx.logger.warn({ err: error }, 'store: could not read a conversation; answering the question alone');
				return undefined;
			}
		},
		saveConversation: async (session, context, at) => {
			try {
				await ctx.store.saveConversation(session, context, at);
			} catch (error) {
				ctx.logger.warn({ err: error }, 'store: could not save a conversation; the next question stands alone');
			}
		},
	};
}

/** A short random id for an answer, safe in custom ids. */
export function newAnswerId(): string {
	return BigInt(`0x${randomBytes(8).toString('hex')}`).toString(36);
}

/** The live knowledge base, or a `UserError` saying it is unavailable. */
export function requireKnowledge(ctx: BotContext): KnowledgeBase {
	const kb = ctx.knowledge.current;
	if (!kb) {
		throw new UserError('KnowledgeUnusable', say('en', 'knowledgeUnavailable'), 'knowledgeUnavailable');
	}
	return kb;
}

/** Questions longer than this are cut before answering; Discord's own inputs stay below it. */
const MAX_QUESTION_CHARS = 4_000;

/**
 * The one question path shared by /ask, DMs, mentions, threads, the context menu, forum posts and "did you mean":
 * answers with the engine in the asker's conversation (see {@link Asker.followUp}), records the answer (so its buttons work later, on any shard) and builds the reply.
 * A store failure is logged and the answer still goes out, without buttons.
 */
export async function answerQuestion(
	question: string,
	ctx: BotContext,
	asker: Asker,
): Promise<{ answer: Answer; answerId: string | null; payload: ReplyPayload; language: Language }> {
	const kb = requireKnowledge(ctx);
	const session = sessionKey(asker.userId, asker.channelId);
	const result = await inTurn(session, () =>
		answerInConversation(question.slice(0, MAX_QUESTION_CHARS), kb, { store: conversationsOf(ctx, asker.followUp === true), session }),
	);
	const language = asker.language ?? (await replyLanguage(ctx, asker, asker.askedIn ?? question));
	// Small talk is no question the documents missed: never recorded, so never a knowledge gap (and it has no buttons).
	if (result.smallTalk) {
		// No engine time: nothing was looked up, and near-zero times would hide the questions' own in the histogram.
		ctx.metrics.answer('small_talk');
		return { answer: result, answerId: null, payload: answerPayload(result, null, kb, language), language };
	}
	let answerId: string | null = newAnswerId();
	try {
		await ctx.store.recordAnswer({
			id: answerId,
			userId: asker.userId,
			guildId: asker.guildId,
			channelId: asker.channelId,
			source: asker.source,
			private: asker.private === true,
			// A follow-up is recorded as it was read ("who is Askar Shakirov?", not "who is he?"): that is what a
			// moderator's Why? re-runs and what /kb gaps and autocomplete show, each standing alone.
			question: (result.askedAs && !result.askedAs.startsWith(MORE_ABOUT) ? result.askedAs : result.question) || question,
			answered: result.answered,
			confidence: result.confidence,
			factIds: result.factIds,
			suggestions: result.suggestions,
		});
	} catch (error) {
		ctx.logger.error({ err: error, source: asker.source }, 'store: could not record an answer; replying without buttons');
		answerId = null;
	}
	ctx.metrics.answer(result.answered ? 'answered' : 'declined', result.ms);
	ctx.logger.info(
		{ source: asker.source, userId: asker.userId, guildId: asker.guildId, answered: result.answered, confidence: result.confidence, ms: result.ms },
		'answered',
	);
	return { answer: result, answerId, payload: answerPayload(result, answerId, kb, language), language };
}

/**
 * A question asked through a command (/ask, the message menu: `source` says which, /ask unless given): answered in
 * the asker's name, or, past their burst, refused politely with when to ask again (no queue: an interaction must be
 * answered within seconds). Null once refused; the caller sends the answer (as it is, or privately).
 */
export async function answerInteraction(
	interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
	question: string,
	ctx: BotContext,
	options: Partial<Pick<Asker, 'followUp' | 'source' | 'private'>> = {},
): Promise<ReplyPayload | null> {
	const turn = await ctx.flood.turn(interaction.user.id);
	if (!turn.ok) {
		ctx.metrics.answer('refused_by_flood_control');
		await respond(interaction, notice(floodMessage(turn.waitMs, await replyLanguage(ctx, listenerOf(interaction), question))));
		return null;
	}
	const { payload } = await answerQuestion(question, ctx, {
		userId: interaction.user.id,
		guildId: interaction.guildId,
		channelId: interaction.channelId,
		source: 'slash',
		locale: interaction.locale,
		...options,
	});
	return payload;
}

/** The polite refusal of a question past the user's burst: when the next one will be answered. */
export function floodMessage(waitMs: number, language: Language = 'en'): string {
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	return seconds === 1 ? say(language, 'floodOne') : say(language, 'flood', { seconds });
}
