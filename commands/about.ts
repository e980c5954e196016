import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { clip, plain } from '../src/discord/limits.ts';
import { infoPayload, lastRefreshText } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';
import { listenerOf, replyLanguage } from '../src/discord/language.ts';
import { say } from '../src/i18n/index.ts';

/** `/about`: what the bot knows (documents, facts), when it last refreshed, its version. */
export const data = new SlashCommandBuilder().setName('about').setDescription('What I know: documents, facts, last refresh, version');

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	const kb = ctx.knowledge.current;
	const build = ctx.knowledge.lastBuild;
	const documents = kb?.documents ?? [];
	const language = await replyLanguage(ctx, listenerOf(interaction));
	const list = documents
		.slice(0, 20)
		.map((document) => say(language, 'documentLine', { title: clip(plain(document.title), 90), id: clip(plain(document.id), 60), facts: document.facts.length }))
		.join('\n');
	await respond(
		interaction,
		infoPayload(
			say(language, 'aboutTitle'),
			say(language, 'aboutText'),
			[
				{ name: say(language, 'documentsField'), value: String(documents.length), inline: true },
				{ name: say(language, 'factsField'), value: String(kb?.facts.length ?? 0), inline: true },
				{ name: say(language, 'versionField'), value: ctx.version, inline: true },
				{
					name: say(language, 'lastRefreshField'),
					value: lastRefreshText(build, language),
					inline: false,
				},
				...(list ? [{ name: documents.length > 20 ? say(language, 'sourcesFirst', { count: documents.length }) : say(language, 'sourcesField'), value: list }] : []),
			],
		),
	);
}
