import { setTimeout as sleep } from 'node:timers/promises';
import { Events, type Message } from 'discord.js';
import { answerQuestion, floodMessage } from '../answerFlow.ts';
import { exampleQuestions } from '../engine.ts';
import { say, type Language } from '../../i18n/index.ts';
import { replyLanguage } from '../language.ts';
import { notice } from '../replies.ts';
import { asMessageReply, replyToMessageWithError } from '../respond.ts';
import type { BotContext } from '../types.ts';

export const name = Events.MessageCreate;

/** The reply to a bare mention or an empty DM, quoting a question the knowledge base answers. */
function hint(ctx: BotContext, language: Language): string {
	const example = ctx.knowledge.current ? exampleQuestions(ctx.knowledge.current)[0] : undefined;
	return example ? say(language, 'mentionHintExample', { example }) : say(language, 'mentionHint');
}

/**
 * Direct messages, mentions of the bot in a server channel, and replies to the bot's messages: answered like /ask,
 * as a reply. Message content of DMs and of messages that mention the bot (a reply that pings it does) reaches the
 * bot even without the privileged MessageContent intent.
 *
 * A DM, a thread and a reply to the bot are conversations: "who is he?" there is read against the asker's last
 * question in that channel (see `Asker.followUp`).
 */
export async function execute(message: Message, ctx: BotContext): Promise<void> {
	if (message.author.bot || message.system || message.webhookId) return;
	const me = message.client.user;
	// Replying to one of the bot's answers continues that conversation, mention or not. Without the replied-to
	// message in the event, the reply's ping of the bot tells the same.
	const replied = message.mentions.repliedUser;
	const replyToBot = message.reference?.messageId !== undefined && (replied ? replied.id === me.id : message.mentions.users.has(me.id));
	let question: string;
	if (message.guildId === null) {
		question = message.content;
	} else {
		// Otherwise only an explicit mention counts, not @everyone.
		const mention = new RegExp(`<@!?${me.id}>`, 'g');
		if (!mention.test(message.content) && !replyToBot) return;
		question = message.content.replace(mention, ' ');
	}
	question = question.replace(/\s+/g, ' ').trim();
	// A reply without a mention reaches the bot without its text when MessageContent is off: nothing to answer, nothing to say.
	if (!question && replyToBot && !message.content) return;
	const source = message.guildId ? 'mention' : 'dm';
	const label = { source, userId: message.author.id, guildId: message.guildId };
	// A message carries no client locale: the question and the stored settings decide.
	const language = await replyLanguage(ctx, { userId: message.author.id, guildId: message.guildId }, question || undefined);
	try {
		if (!question) {
			await message.reply(asMessageReply(notice(hint(ctx, language))));
			return;
		}
		// A DM is a conversation: a question past the burst waits for its turn (a few may) rather than being refused.
		const turn = await ctx.flood.turn(message.author.id, message.guildId === null ? ctx.env.ASK_DM_QUEUE : 0);
		if (!turn.ok) {
			ctx.metrics.answer('refused_by_flood_control');
			await message.reply(asMessageReply(notice(floodMessage(turn.waitMs, language))));
			return;
		}
		if (turn.delayMs > 0) await sleep(turn.delayMs);
		const { payload } = await answerQuestion(question, ctx, {
			userId: message.author.id,
			guildId: message.guildId,
			channelId: message.channelId,
			source,
			followUp: message.guildId === null || message.channel.isThread() || replyToBot,
			language,
		});
		await message.reply(asMessageReply(payload));
	} catch (error) {
		await replyToMessageWithError(message, error, ctx.logger, label, language);
	}
}
