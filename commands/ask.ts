import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerInteraction } from '../src/discord/answerFlow.ts';
import { clip, LIMITS } from '../src/discord/limits.ts';
import { questionScope, questionSuggestions } from '../src/discord/questionSuggestions.ts';
import { ephemeral } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';

/**
 * `/ask question [private]`: a question answered from the documents, with the source. The question's hint quotes
 * an example only when given one the knowledge base answers (`npm run deploy` passes them).
 */
function askCommand(example?: string) {
	const hint = example && `Your question, e.g. "${example}"`;
	return new SlashCommandBuilder()
		.setName('ask')
		.setDescription('Ask a question; the answer comes from the documents, with its source')
		.addStringOption((option) =>
			option
				.setName('question')
				.setDescription(hint && hint.length <= LIMITS.optionDescription ? hint : 'Your question, in plain words (suggestions appear as you type)')
				.setRequired(true)
				.setMaxLength(500)
				.setAutocomplete(true),
		)
		.addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'));
}

export const data = askCommand();

/** The definition with the shortest example in the hint (Discord allows 100 characters there). */
export function withExamples(examples: readonly string[]) {
	return askCommand([...examples].sort((a, b) => a.length - b.length)[0]);
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	const question = interaction.options.getString('question', true);
	const hidden = interaction.options.getBoolean('private') === true;
	// In a thread (or a DM), /ask continues the asker's conversation there, as a message would.
	const payload = await answerInteraction(interaction, question, ctx, { followUp: interaction.channel?.isThread() === true || interaction.guildId === null, private: hidden });
	if (payload) await respond(interaction, hidden ? ephemeral(payload) : payload);
}

/** Questions, as the user types: curated, asked and answered, made from the documents, or what is typed completed (see `questionSuggestions`). */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
	const kb = ctx.knowledge.current;
	if (!kb) {
		await interaction.respond([]);
		return;
	}
	const typed = interaction.options.getFocused().slice(0, 200);
	const seen = new Set<string>();
	const choices = (await questionSuggestions(ctx, kb, questionScope({ guildId: interaction.guildId, userId: interaction.user.id }), typed, LIMITS.autocompleteChoices))
		.map((text) => clip(text, LIMITS.choiceName))
		.filter((text) => text.length > 0 && !seen.has(text) && seen.add(text))
		.map((text) => ({ name: text, value: clip(text, LIMITS.choiceValue) }));
	await interaction.respond(choices);
}
