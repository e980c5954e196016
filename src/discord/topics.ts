import {
	SlashCommandBuilder,
	type AutocompleteInteraction,
	type ButtonInteraction,
	type ChatInputCommandInteraction,
	type SlashCommandStringOption,
	type StringSelectMenuInteraction,
} from 'discord.js';
import { say, type Language } from '../i18n/index.ts';
import { requireKnowledge } from './answerFlow.ts';
import { findInstitutions, institutionKey, institutions, parseInstitution, TOPIC_NAMES, topicFacts, type Institution, type KnowledgeBase, type TopicName } from './engine.ts';
import { clip, LIMITS } from './limits.ts';
import { ephemeral, notice, topicPagePayload } from './replies.ts';
import { respond } from './respond.ts';
import type { BotContext, Command } from './types.ts';
import { listenerOf, replyLanguage } from './language.ts';

/** The optional `institution` option of the topic commands and `/search`. */
export function institutionOption(option: SlashCommandStringOption): SlashCommandStringOption {
	return option.setName('institution').setDescription("Whose facts: one of the institutions the documents are about (default: the server's)").setAutocomplete(true).setMaxLength(100);
}

/** The institutions' names for the `institution` option as it is typed. */
export async function institutionAutocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
	const kb = ctx.knowledge.current;
	const typed = String(interaction.options.getFocused()).slice(0, 100);
	await interaction.respond(kb ? findInstitutions(kb, typed, LIMITS.autocompleteChoices).map((i) => ({ name: clip(i.name, LIMITS.choiceName), value: clip(i.name, LIMITS.choiceValue) })) : []);
}

/** The institutions of a knowledge base, for a message that lists them. */
export function institutionNames(kb: KnowledgeBase | null): string {
	return kb ? clip(institutions(kb).map((i) => i.name).join('; '), 1_000) : '—';
}

/**
 * Whose facts a topic command or `/search` shows: the institution asked for; else the server's
 * (`/kb settings institution`), when it still names one; else every institution (listed apart and labelled).
 * With one institution in the knowledge base there is nothing to choose. An unknown name is said, not guessed.
 */
export async function chosenInstitution(
	interaction: ChatInputCommandInteraction,
	ctx: BotContext,
	kb: KnowledgeBase,
	language: Language,
): Promise<{ ok: true; institution: Institution | undefined } | { ok: false; text: string }> {
	const typed = interaction.options.getString('institution')?.trim();
	if (typed) {
		const institution = parseInstitution(kb, typed);
		return institution ? { ok: true, institution } : { ok: false, text: say(language, 'institutionUnknown', { institution: clip(typed, 100), known: institutionNames(kb) }) };
	}
	if (!interaction.guildId || institutions(kb).length < 2) return { ok: true, institution: undefined };
	let setting: string | null = null;
	try {
		setting = await ctx.store.getSetting(interaction.guildId, 'institution');
	} catch (error) {
		// Without the setting every institution is shown, labelled: still right, only less focused.
		ctx.logger.error({ err: error, guildId: interaction.guildId }, 'store: could not read the server institution');
	}
	return { ok: true, institution: setting ? parseInstitution(kb, setting) : undefined };
}

/** A topic command's module: a `Command` whose handlers are plain functions, so a module can export them as they are. */
export interface TopicCommand extends Command {
	readonly execute: (interaction: ChatInputCommandInteraction, ctx: BotContext) => Promise<void>;
	readonly autocomplete: (interaction: AutocompleteInteraction, ctx: BotContext) => Promise<void>;
}

/**
 * A topic command (`/mandate`, `/independence`, `/cooperation`): the topic's facts, most important first, cited and
 * paginated with buttons; one institution's (the option, else the server's setting), or every institution's,
 * grouped and labelled.
 *
 * @example
 * export const { data, execute, autocomplete } = topicCommand('mandate', 'What the institution is for and may do');
 */
export function topicCommand(topic: TopicName, description: string): TopicCommand {
	return {
		data: new SlashCommandBuilder().setName(topic).setDescription(description).addStringOption(institutionOption),
		execute: async (interaction, ctx) => {
			const kb = requireKnowledge(ctx);
			const language = await replyLanguage(ctx, listenerOf(interaction));
			const chosen = await chosenInstitution(interaction, ctx, kb, language);
			if (!chosen.ok) {
				await respond(interaction, notice(chosen.text));
				return;
			}
			await respond(interaction, topicPagePayload(kb, topic, topicFacts(kb, topic, chosen.institution), 0, interaction.user.id, language, chosen.institution));
		},
		autocomplete: institutionAutocomplete,
	};
}

/**
 * ◀ ▶ on a topic page: the page turned for its owner; anyone else gets it to themselves. An institution's page
 * keeps to that institution, found again by its key (gone after a refresh removed it: the button is outdated).
 */
export async function turnTopicPage(
	interaction: ButtonInteraction | StringSelectMenuInteraction,
	ctx: BotContext,
	action: { topic: string; page: number; ownerId: string; institution?: string },
	language: Language,
): Promise<void> {
	const kb = requireKnowledge(ctx);
	const institution = action.institution === undefined ? undefined : institutions(kb).find((i) => institutionKey(i) === action.institution);
	if (!(TOPIC_NAMES as readonly string[]).includes(action.topic) || (action.institution !== undefined && !institution)) {
		await respond(interaction, notice(say(language, 'outdatedButton')));
		return;
	}
	const topic = action.topic as TopicName;
	const facts = topicFacts(kb, topic, institution);
	if (interaction.user.id === action.ownerId) {
		const { flags: _flags, ...rest } = topicPagePayload(kb, topic, facts, action.page, action.ownerId, language, institution);
		await interaction.update(rest);
	} else {
		// Not theirs to turn: show the page to them alone, with buttons of their own.
		await respond(interaction, ephemeral(topicPagePayload(kb, topic, facts, action.page, interaction.user.id, language, institution)));
	}
}
