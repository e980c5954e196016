import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { infoPayload } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';

/** `/help`: how to use the bot, listing the loaded commands. */
export const data = new SlashCommandBuilder().setName('help').setDescription('How to use me');

const EXAMPLES: Record<string, string> = {
	ask: '`/ask question: Who appoints the ombudsman?`',
	search: '`/search query: annual report`',
	mandate: '`/mandate`',
	independence: '`/independence`',
	cooperation: '`/cooperation`',
	about: '`/about`',
	help: '`/help`',
	kb: '`/kb status` (moderators)',
};

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	const lines = [...ctx.commands.values()]
		.map((command) => command.data.toJSON())
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((json) => `**/${json.name}**: ${json.description}${EXAMPLES[json.name] ? `\n  e.g. ${EXAMPLES[json.name]}` : ''}`);
	await respond(
		interaction,
		infoPayload(
			'How to use Ombudsbot',
			[
				'Ask me about the institution: I answer from its documents only and show where each answer comes from.',
				'• Use `/ask`: suggestions appear as you type.',
				'• Or send me a **direct message** with your question, or **mention me** in a channel: `@Ombudsbot who appoints the ombudsman?`',
				'• Under an answer: **Show context** shows the sentences around the source; 👍/👎 tell the moderators how I did.',
				'• When I do not know, I say so and suggest questions I can answer.',
			].join('\n'),
			[{ name: 'Commands', value: lines.join('\n') }],
			{ ephemeral: true },
		),
	);
}
