import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction } from 'discord.js';
import { answerInteraction } from '../src/discord/answerFlow.ts';
import { listenerOf, replyLanguage } from '../src/discord/language.ts';
import { notice } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';
import { say } from '../src/i18n/index.ts';

/**
 * "Ask Ombudsbot" in a message's Apps menu: the message's text asked as a question, through the same path as /ask,
 * the answer posted for the channel to see (the one who picked it is the asker). Discord sends the message's text
 * with the command, so this works without the MessageContent intent and where the bot is not a member.
 */
export const data = new ContextMenuCommandBuilder().setName('Ask Ombudsbot').setType(ApplicationCommandType.Message);

export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
	// Mentions (of the bot or anyone) are no words of the question.
	const question = interaction.targetMessage.content.replace(/<@[!&]?\d+>/g, ' ').replace(/\s+/g, ' ').trim();
	if (!question) {
		await respond(interaction, notice(say(await replyLanguage(ctx, listenerOf(interaction)), 'contextMenuNoText')));
		return;
	}
	const payload = await answerInteraction(interaction, question, ctx, { source: 'menu' });
	if (payload) await respond(interaction, payload);
}
