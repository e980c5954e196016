import {
	ApplicationIntegrationType,
	InteractionContextType,
	PermissionFlagsBits,
	SlashCommandBuilder,
	type AutocompleteInteraction,
	type ChatInputCommandInteraction,
} from 'discord.js';
import { findDocuments } from '../src/discord/engine.ts';
import { addDocument, gapsPayload, refreshKnowledge, removeDocument, statusPayload } from '../src/discord/curation.ts';
import { clip, LIMITS } from '../src/discord/limits.ts';
import { canCurate } from '../src/discord/permissions.ts';
import { notice } from '../src/discord/replies.ts';
import { deferEphemeral, respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';
import { listenerOf, replyLanguage } from '../src/discord/language.ts';
import { isLanguage } from '../src/i18n/choose.ts';
import { say } from '../src/i18n/index.ts';
import { LANGUAGE_CHOICES } from './language.ts';

/**
 * `/kb`: moderators curate the knowledge base live. Discord hides it from members without
 * Manage Server, and every subcommand checks again at execution (see `canCurate`).
 */
export const data = new SlashCommandBuilder()
	.setName('kb')
	.setDescription('Moderators: manage the knowledge base')
	.setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
	// A server's moderators' command: installed with the server, used in it (never user-installed, never in DMs).
	.setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
	.setContexts(InteractionContextType.Guild)
	.addSubcommand((sub) => sub.setName('refresh').setDescription('Reload the knowledge folder; keeps the current one if anything is wrong'))
	.addSubcommand((sub) =>
		sub
			.setName('add')
			.setDescription('Add (or replace) a .md or .txt document')
			.addAttachmentOption((option) => option.setName('file').setDescription('A .md or .txt file, UTF-8').setRequired(true))
			.addBooleanOption((option) => option.setName('replace').setDescription('Overwrite a document with the same name')),
	)
	.addSubcommand((sub) =>
		sub
			.setName('remove')
			.setDescription('Remove a document (a copy is kept in the data folder)')
			.addStringOption((option) =>
				option.setName('document').setDescription('The document id').setRequired(true).setAutocomplete(true).setMaxLength(100),
			),
	)
	.addSubcommand((sub) => sub.setName('status').setDescription('Documents, facts, last refresh and recent changes'))
	.addSubcommand((sub) => sub.setName('gaps').setDescription('The questions most often unanswered or voted 👎'))
	.addSubcommandGroup((group) =>
		group
			.setName('settings')
			.setDescription('Server settings')
			.addSubcommand((sub) =>
				sub
					.setName('language')
					.setDescription("My messages' language in this server, for members without a setting of their own")
					.addStringOption((option) =>
						option.setName('language').setDescription('The server language').setRequired(true).addChoices(...LANGUAGE_CHOICES),
					),
			),
	);

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	const subcommand = interaction.options.getSubcommand(true);
	const allowed = canCurate(interaction, ctx.env);
	if (!allowed.ok) {
		ctx.logger.warn({ userId: interaction.user.id, guildId: interaction.guildId, subcommand }, 'kb: refused');
		await respond(interaction, notice(say(await replyLanguage(ctx, listenerOf(interaction)), allowed.key)));
		return;
	}
	if (interaction.options.getSubcommandGroup() === 'settings') {
		await respond(interaction, notice(await setServerLanguage(interaction, ctx)));
		return;
	}
	const actor = { id: interaction.user.id, name: interaction.user.username };
	const language = await replyLanguage(ctx, listenerOf(interaction));
	switch (subcommand) {
		case 'status':
			await respond(interaction, await statusPayload(ctx, language));
			return;
		case 'gaps':
			await respond(interaction, await gapsPayload(ctx, language));
			return;
		case 'refresh':
			// Building can pass Discord's 3-second window: defer first.
			await deferEphemeral(interaction);
			await respond(interaction, await refreshKnowledge(ctx, actor, language));
			return;
		case 'add': {
			await deferEphemeral(interaction);
			const file = interaction.options.getAttachment('file', true);
			const replace = interaction.options.getBoolean('replace') ?? false;
			await respond(interaction, await addDocument(ctx, actor, { name: file.name, size: file.size, url: file.url }, replace, language));
			return;
		}
		case 'remove': {
			await deferEphemeral(interaction);
			await respond(interaction, await removeDocument(ctx, actor, interaction.options.getString('document', true), language));
			return;
		}
		default:
			await respond(interaction, notice(say(language, 'unknownSubcommand')));
	}
}

/** `/kb settings language`: the server's language, said in the language just chosen. */
async function setServerLanguage(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<string> {
	const chosen = interaction.options.getString('language', true);
	// An owner may run /kb in DMs; a DM has no server to set.
	if (!interaction.guildId || !isLanguage(chosen)) return say(await replyLanguage(ctx, listenerOf(interaction)), 'settingsDmOnly');
	try {
		await ctx.store.setLanguage('guild', interaction.guildId, chosen);
	} catch (error) {
		ctx.logger.error({ err: error, guildId: interaction.guildId }, 'store: could not save the server language');
		return say(await replyLanguage(ctx, listenerOf(interaction)), 'languageStoreFailed');
	}
	ctx.logger.info({ guildId: interaction.guildId, language: chosen, by: interaction.user.id }, 'server language set');
	return say(chosen, 'guildLanguageSet', { language: say(chosen, `languageName_${chosen}`) });
}

/** Document ids for `/kb remove`, only for those allowed to curate. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
	const kb = ctx.knowledge.current;
	if (!kb || !canCurate(interaction, ctx.env).ok) {
		await interaction.respond([]);
		return;
	}
	const choices = findDocuments(kb, interaction.options.getFocused().slice(0, 100), LIMITS.autocompleteChoices).map((document) => ({
			name: clip(`${document.id}: ${document.title}`, LIMITS.choiceName),
			value: clip(document.id, LIMITS.choiceValue),
		}));
	await interaction.respond(choices);
}
