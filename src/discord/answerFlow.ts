import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.ts';
import { say, type Language } from '../i18n/index.ts';
import { replyLanguage } from './language.ts';
import type { AnswerSource } from '../store/store.ts';
import { answer, type Answer, type KnowledgeBase } from './engine.ts';
import { answerPayload, type ReplyPayload } from './replies.ts';
import type { BotContext } from './types.ts';

/** Who asked, and through which door. */
export interface Asker {
	userId: string;
	guildId: string | null;
	channelId: string | null;
	source: AnswerSource;
	/** `interaction.locale`, when asked through an interaction. */
	locale?: string | null;
	/** The text whose language the reply follows, when not the question: a picked suggestion follows the question that led to it. */
	askedIn?: string;
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
 * The one question path shared by /ask, DMs, mentions and "did you mean": answers with the
 * engine, records the answer (so its buttons work later, on any shard) and builds the reply.
 * A store failure is logged and the answer still goes out, without buttons.
 */
export async function answerQuestion(
	question: string,
	ctx: BotContext,
	asker: Asker,
): Promise<{ answer: Answer; answerId: string | null; payload: ReplyPayload; language: Language }> {
	const kb = requireKnowledge(ctx);
	const result = answer(question.slice(0, MAX_QUESTION_CHARS), kb);
	const language = await replyLanguage(ctx, asker, asker.askedIn ?? question);
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
			question: result.question || question,
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

/** The polite refusal of a question past the user's burst: when the next one will be answered. */
export function floodMessage(waitMs: number, language: Language = 'en'): string {
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	return seconds === 1 ? say(language, 'floodOne') : say(language, 'flood', { seconds });
}
