import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { answerQuestion, floodMessage } from '../src/discord/answerFlow.ts';
import { suggestQuestions } from '../src/discord/engine.ts';
import { clip, LIMITS } from '../src/discord/limits.ts';
import { ephemeral, notice } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';
import { listenerOf, replyLanguage } from '../src/discord/language.ts';

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
	// An interaction must be answered within seconds: no queue here, a question past the burst is refused.
	const turn = ctx.flood.take(interaction.user.id);
	if (!turn.ok) {
		ctx.metrics.answer('refused_by_flood_control');
		await respond(interaction, notice(floodMessage(turn.waitMs, await replyLanguage(ctx, listenerOf(interaction), question))));
		return;
	}
	const { payload } = await answerQuestion(question, ctx, {
		userId: interaction.user.id,
		guildId: interaction.guildId,
		channelId: interaction.channelId,
		source: 'slash',
		locale: interaction.locale,
	});
	await respond(interaction, interaction.options.getBoolean('private') ? ephemeral(payload) : payload);
}

/** Questions the knowledge base can answer, as the user types (engine budget: a few ms). */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
	const kb = ctx.knowledge.current;
	if (!kb) {
		await interaction.respond([]);
		return;
	}
	const typed = interaction.options.getFocused().slice(0, 200);
	const seen = new Set<string>();
	const choices = suggestQuestions(kb, typed, LIMITS.autocompleteChoices)
		.map((text: string) => clip(text.replace(/\s+/g, ' ').trim(), LIMITS.choiceName))
		.filter((text) => text.length > 0 && !seen.has(text) && seen.add(text))
		.slice(0, LIMITS.autocompleteChoices)
		.map((text) => ({ name: text, value: clip(text, LIMITS.choiceValue) }));
	await interaction.respond(choices);
}
