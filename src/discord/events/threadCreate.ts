import { ChannelType, Events, type AnyThreadChannel } from 'discord.js';
import { answerQuestion } from '../answerFlow.ts';
import { answer } from '../engine.ts';
import { HIGH_CONFIDENCE } from '../replies.ts';
import { asMessageReply } from '../respond.ts';
import type { BotContext } from '../types.ts';

export const name = Events.ThreadCreate;

/**
 * A new post in the help forum the moderators chose (`/kb settings forum`): answered in the post when the documents
 * answer it with high confidence, left alone otherwise, so the people there reply. The post's title is asked first, then its text (which
 * the bot reads only with the MessageContent intent); the first the engine answers is the one replied to.
 */
export async function execute(thread: AnyThreadChannel, newlyCreated: boolean, ctx: BotContext): Promise<void> {
	if (!newlyCreated || thread.parent?.type !== ChannelType.GuildForum || thread.ownerId === thread.client.user.id) return;
	let forum: string | null;
	try {
		forum = await ctx.store.getSetting(thread.guildId, 'forumChannel');
	} catch (error) {
		ctx.logger.warn({ err: error, guildId: thread.guildId }, 'store: could not read the forum setting; post left alone');
		return;
	}
	if (!forum || forum !== thread.parentId) return;
	const kb = ctx.knowledge.current;
	if (!kb) return;
	// The first message shares the post's id; fetched, since THREAD_CREATE may come before MESSAGE_CREATE.
	const starter = await thread.fetchStarterMessage().catch(() => null);
	const asker = starter?.author.id ?? thread.ownerId;
	if (!asker || starter?.author.bot) return;
	const body = (starter?.content ?? '').replace(/<@[!&]?\d+>/g, ' ').replace(/\s+/g, ' ').trim();
	// Decided before anything is recorded: a post the documents don't answer is the forum's business, no knowledge gap.
	// Nobody asked the bot here, so only a confident answer (🟢) is worth a reply; a hedged one is left to people.
	const question = [thread.name, body].find((text) => {
		if (!text) return false;
		const result = answer(text, kb);
		return result.answered && result.confidence >= HIGH_CONFIDENCE;
	});
	if (!question) {
		ctx.logger.debug({ guildId: thread.guildId, threadId: thread.id }, 'forum post not answered from the documents: left alone');
		return;
	}
	// Unasked help: a person flooding the forum gets no more replies, and no refusal either.
	if (!(await ctx.flood.turn(asker)).ok) return;
	const { payload } = await answerQuestion(question, ctx, { userId: asker, guildId: thread.guildId, channelId: thread.id, source: 'forum' });
	await (starter ? starter.reply(asMessageReply(payload)) : thread.send(asMessageReply(payload)));
	ctx.logger.info({ guildId: thread.guildId, threadId: thread.id }, 'forum post answered');
}
