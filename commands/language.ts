import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { isLanguage } from '../src/i18n/choose.ts';
import { say } from '../src/i18n/index.ts';
import { listenerOf, replyLanguage } from '../src/discord/language.ts';
import { notice } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';

/** The choices, each in its own language, so a reader finds theirs whatever Discord's language is. */
export const LANGUAGE_CHOICES = [
	{ name: 'English', value: 'en' },
	{ name: 'Русский', value: 'ru' },
	{ name: 'Қазақша', value: 'kk' },
] as const;

/**
 * `/language language`: the language of the bot's messages to this person, wherever they write from. Discord has
 * no Kazakh locale, so this is how a Kazakh speaker gets Kazakh; `auto` clears the setting.
 */
export const data = new SlashCommandBuilder()
	.setName('language')
	.setDescription('The language of my messages to you: English, Russian or Kazakh')
	.addStringOption((option) =>
		option
			.setName('language')
			.setDescription('Your language; "auto" follows your question, Discord and the server')
			.setRequired(true)
			.addChoices({ name: 'auto', value: 'auto' }, ...LANGUAGE_CHOICES),
	);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	const chosen = interaction.options.getString('language', true);
	const language = isLanguage(chosen) ? chosen : null;
	try {
		await ctx.store.setLanguage('user', interaction.user.id, language);
	} catch (error) {
		ctx.logger.error({ err: error, userId: interaction.user.id }, 'store: could not save a language setting');
		await respond(interaction, notice(say(await replyLanguage(ctx, listenerOf(interaction)), 'languageStoreFailed')));
		return;
	}
	ctx.logger.info({ userId: interaction.user.id, language: language ?? 'auto' }, 'language set');
	await respond(interaction, notice(language ? say(language, 'languageSet') : say(await replyLanguage(ctx, listenerOf(interaction)), 'languageReset')));
}
