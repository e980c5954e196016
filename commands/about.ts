import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { clip, plain } from '../src/discord/limits.ts';
import { infoPayload, lastRefreshText } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';

/** `/about`: what the bot knows (documents, facts), when it last refreshed, its version. */
export const data = new SlashCommandBuilder().setName('about').setDescription('What I know: documents, facts, last refresh, version');

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	const kb = ctx.knowledge.current;
	const build = ctx.knowledge.lastBuild;
	const documents = kb?.documents ?? [];
	const list = documents
		.slice(0, 20)
		.map((document) => `• ${clip(plain(document.title), 90)} (\`${clip(plain(document.id), 60)}\`, ${document.facts.length} facts)`)
		.join('\n');
	await respond(
		interaction,
		infoPayload(
			'About Ombudsbot',
			'I answer questions about the institution **only from its documents**, and I cite the document and line for every answer. When the documents do not say, I say so.',
			[
				{ name: 'Documents', value: String(documents.length), inline: true },
				{ name: 'Facts', value: String(kb?.facts.length ?? 0), inline: true },
				{ name: 'Version', value: ctx.version, inline: true },
				{
					name: 'Last refresh',
					value: lastRefreshText(build),
					inline: false,
				},
				...(list ? [{ name: documents.length > 20 ? `Sources (first 20 of ${documents.length})` : 'Sources', value: list }] : []),
			],
		),
	);
}
