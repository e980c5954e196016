import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { UserError } from '../src/errors.ts';
import { requireKnowledge } from '../src/discord/answerFlow.ts';
import { searchFacts } from '../src/discord/engine.ts';
import { notice, searchPayload } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import { chosenInstitution, institutionAutocomplete, institutionOption } from '../src/discord/topics.ts';
import type { BotContext } from '../src/discord/types.ts';
import { listenerOf, replyLanguage } from '../src/discord/language.ts';
import { say } from '../src/i18n/index.ts';

/**
 * `/search query [institution]`: the facts that best match some words, with citations; one institution's (the
 * option, else the server's setting), or every institution's, each fact labelled with its own.
 */
export const data = new SlashCommandBuilder()
	.setName('search')
	.setDescription('Find the facts in the documents that best match some words')
	.addStringOption((option) =>
		option.setName('query').setDescription('Words to look for, e.g. "annual report parliament"').setRequired(true).setMaxLength(200),
	)
	.addStringOption(institutionOption);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	// Discord enforces the 200-character limit; the cut guards against a payload that does not.
	const query = interaction.options.getString('query', true).slice(0, 500).trim();
	if (!query) throw new UserError('EmptyQuestion', say('en', 'emptySearch'), 'emptySearch');
	const kb = requireKnowledge(ctx);
	const language = await replyLanguage(ctx, listenerOf(interaction), query);
	const chosen = await chosenInstitution(interaction, ctx, kb, language);
	if (!chosen.ok) {
		await respond(interaction, notice(chosen.text));
		return;
	}
	await respond(interaction, searchPayload(kb, query, searchFacts(kb, query, 8, chosen.institution), language));
}

export const autocomplete = institutionAutocomplete;
