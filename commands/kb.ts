import {
	ApplicationIntegrationType,
	ChannelType,
	InteractionContextType,
	PermissionFlagsBits,
	SlashCommandBuilder,
	type AutocompleteInteraction,
	type ChatInputCommandInteraction,
} from 'discord.js';
import { findDocuments, parseInstitution } from '../src/discord/engine.ts';
import { addDocument, refreshKnowledge, removeDocument, statusPayload } from '../src/discord/curation.ts';
import { answerGap, factChoices, gapChoices, gapsPayload } from '../src/discord/gapCuration.ts';
import { clip, LIMITS } from '../src/discord/limits.ts';
import { canCurate } from '../src/discord/permissions.ts';
import { notice } from '../src/discord/replies.ts';
import { deferEphemeral, respond } from '../src/discord/respond.ts';
import { institutionAutocomplete, institutionNames } from '../src/discord/topics.ts';
import type { BotContext } from '../src/discord/types.ts';
import { listenerOf, replyLanguage } from '../src/discord/language.ts';
import { isLanguage } from '../src/i18n/choose.ts';
import { say, type Language } from '../src/i18n/index.ts';
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
	.addSubcommand((sub) =>
		sub
			.setName('answer')
			.setDescription('Answer a knowledge gap with the fact that answers it, or dismiss it')
			.addStringOption((option) =>
				option.setName('question').setDescription('A gap from /kb gaps, or a question as people ask it').setRequired(true).setAutocomplete(true).setMaxLength(300),
			)
			.addStringOption((option) => option.setName('fact').setDescription('The fact that answers it (type to search the documents)').setAutocomplete(true).setMaxLength(100))
			.addBooleanOption((option) => option.setName('dismiss').setDescription('Not worth answering: take it off the gaps list')),
	)
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
			)
			.addSubcommand((sub) =>
				sub
					.setName('institution')
					.setDescription('The institution topic commands and /search show by default here (empty: every one)')
					.addStringOption((option) => option.setName('institution').setDescription('One of the institutions the documents are about').setAutocomplete(true).setMaxLength(100)),
			)
			.addSubcommand((sub) =>
				sub
					.setName('forum')
					.setDescription('A help forum whose new posts I answer when confident (empty: off)')
					.addChannelOption((option) => option.setName('channel').setDescription('The forum channel').addChannelTypes(ChannelType.GuildForum)),
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
		const set = subcommand === 'institution' ? setInstitution : subcommand === 'forum' ? setForum : setServerLanguage;
		await respond(interaction, notice(await set(interaction, ctx)));
		return;
	}
	const actor = { id: interaction.user.id, name: interaction.user.username };
	const language = await replyLanguage(ctx, listenerOf(interaction));
	switch (subcommand) {
		case 'answer': {
			// Linking rebuilds the knowledge base: defer first.
			await deferEphemeral(interaction);
			const request = {
				question: interaction.options.getString('question', true).slice(0, 500),
				fact: interaction.options.getString('fact'),
				dismiss: interaction.options.getBoolean('dismiss') ?? false,
			};
			await respond(interaction, await answerGap(ctx, actor, request, language));
			return;
		}
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

/**
 * A server setting kept in the store, said in the moderator's language; in DMs there is no server to set, and a
 * store failure is logged and said.
 */
async function saveSetting(
	interaction: ChatInputCommandInteraction,
	ctx: BotContext,
	language: Language,
	key: 'institution' | 'forumChannel',
	value: string | null,
	done: string,
): Promise<string> {
	if (!interaction.guildId) return say(language, 'settingsDmOnly');
	try {
		await ctx.store.setSetting(interaction.guildId, key, value);
	} catch (error) {
		ctx.logger.error({ err: error, guildId: interaction.guildId, key }, 'store: could not save a server setting');
		return say(language, 'languageStoreFailed');
	}
	ctx.logger.info({ guildId: interaction.guildId, key, value, by: interaction.user.id }, 'server setting set');
	return done;
}

/** `/kb settings institution`: the institution topic commands and `/search` show here unless asked for another; empty clears it. */
async function setInstitution(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<string> {
	const language = await replyLanguage(ctx, listenerOf(interaction));
	const typed = interaction.options.getString('institution')?.trim() ?? '';
	if (!typed) return saveSetting(interaction, ctx, language, 'institution', null, say(language, 'institutionCleared'));
	const kb = ctx.knowledge.current;
	const institution = kb ? parseInstitution(kb, typed) : undefined;
	if (!kb || !institution) return say(language, 'institutionUnknown', { institution: clip(typed, 100), known: institutionNames(kb) });
	return saveSetting(interaction, ctx, language, 'institution', institution.name, say(language, 'institutionSet', { institution: institution.name }));
}

/** `/kb settings forum`: the help forum whose new posts are answered when the engine is confident; empty turns it off. */
async function setForum(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<string> {
	const language = await replyLanguage(ctx, listenerOf(interaction));
	const channel = interaction.options.getChannel('channel');
	if (!channel) return saveSetting(interaction, ctx, language, 'forumChannel', null, say(language, 'forumCleared'));
	if (channel.type !== ChannelType.GuildForum) return say(language, 'forumNotForum');
	// A channel mention names the channel; it never pings anyone.
	return saveSetting(interaction, ctx, language, 'forumChannel', channel.id, say(language, 'forumSet', { channel: `<#${channel.id}>` }));
}

/**
 * Autocomplete, only for those allowed to curate: document ids for `/kb remove`, gaps and facts for `/kb answer`,
 * institutions for `/kb settings institution`.
 */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
	const kb = ctx.knowledge.current;
	if (!kb || !canCurate(interaction, ctx.env).ok) {
		await interaction.respond([]);
		return;
	}
	const focused = interaction.options.getFocused(true);
	const typed = String(focused.value).slice(0, 100);
	switch (focused.name) {
		case 'question':
			await interaction.respond(await gapChoices(ctx, typed));
			return;
		case 'fact':
			await interaction.respond(await factChoices(ctx, kb, typed, interaction.options.getString('question')));
			return;
		case 'institution':
			await institutionAutocomplete(interaction, ctx);
			return;
		default:
			await interaction.respond(
				findDocuments(kb, typed, LIMITS.autocompleteChoices).map((document) => ({
					name: clip(`${document.id}: ${document.title}`, LIMITS.choiceName),
					value: clip(document.id, LIMITS.choiceValue),
				})),
			);
	}
}
