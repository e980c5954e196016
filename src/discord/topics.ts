import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { requireKnowledge } from './answerFlow.ts';
import { topicFacts, type TopicName } from './engine.ts';
import { topicPagePayload } from './replies.ts';
import { respond } from './respond.ts';
import type { BotContext, Command } from './types.ts';
import { listenerOf, replyLanguage } from './language.ts';

/**
 * A topic command (`/mandate`, `/independence`, `/cooperation`): the topic's facts, most
 * important first, cited and paginated with buttons.
 *
 * @example
 * export const { data, execute } = topicCommand('mandate', 'What the institution is for and may do');
 */
export function topicCommand(topic: TopicName, description: string): Command {
	return {
		data: new SlashCommandBuilder().setName(topic).setDescription(description),
		async execute(interaction: ChatInputCommandInteraction, ctx: BotContext) {
			const kb = requireKnowledge(ctx);
			await respond(interaction, topicPagePayload(kb, topic, topicFacts(kb, topic), 0, interaction.user.id, await replyLanguage(ctx, listenerOf(interaction))));
		},
	};
}
