import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.ts';
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
}

/** A short random id for an answer, safe in custom ids. */
export function newAnswerId(): string {
	return BigInt(`0x${randomBytes(8).toString('hex')}`).toString(36);
}

/** The live knowledge base, or a `UserError` saying it is unavailable. */
export function requireKnowledge(ctx: BotContext): KnowledgeBase {
	const kb = ctx.knowledge.current;
	if (!kb) {
		throw new UserError(
			'KnowledgeUnusable',
			'The knowledge base is not available right now. Moderators can check it with `/kb status` and `/kb refresh`.',
		);
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
export function answerQuestion(question: string, ctx: BotContext, asker: Asker): { answer: Answer; answerId: string | null; payload: ReplyPayload } {
	const kb = requireKnowledge(ctx);
	const result = answer(question.slice(0, MAX_QUESTION_CHARS), kb);
	// Small talk is no question the documents missed: never recorded, so never a knowledge gap (and it has no buttons).
	if (result.smallTalk) {
		// No engine time: nothing was looked up, and near-zero times would hide the questions' own in the histogram.
		ctx.metrics.answer('small_talk');
		return { answer: result, answerId: null, payload: answerPayload(result, null, kb) };
	}
	let answerId: string | null = newAnswerId();
	try {
		ctx.store.recordAnswer({
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
	return { answer: result, answerId, payload: answerPayload(result, answerId, kb) };
}

/** The polite refusal of a question past the user's burst: when the next one will be answered. */
export function floodMessage(waitMs: number): string {
	const seconds = Math.max(1, Math.ceil(waitMs / 1000));
	return `You're asking quickly: please wait ${seconds} second${seconds === 1 ? '' : 's'} before the next question.`;
}
