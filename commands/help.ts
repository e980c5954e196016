import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { exampleQuestions } from '../src/discord/engine.ts';
import { plain } from '../src/discord/limits.ts';
import { infoPayload } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import type { BotContext } from '../src/discord/types.ts';

/** `/help`: how to use the bot, listing the loaded commands. */
export const data = new SlashCommandBuilder().setName('help').setDescription('How to use me');

const EXAMPLES: Record<string, string> = {
	search: '`/search query: annual report`',
	mandate: '`/mandate`',
	independence: '`/independence`',
	cooperation: '`/cooperation`',
	about: '`/about`',
	help: '`/help`',
	kb: '`/kb status` (moderators)',
};

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	// Examples of questions the knowledge base served now answers: never one it would decline.
	const examples = ctx.knowledge.current ? exampleQuestions(ctx.knowledge.current) : [];
	const shown: Record<string, string> = { ...EXAMPLES, ...(examples[0] ? { ask: `\`/ask question: ${plain(examples[0])}\`` } : {}) };
	const lines = [...ctx.commands.values()]
		.map((command) => command.data.toJSON())
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((json) => `**/${json.name}**: ${json.description}${shown[json.name] ? `\n  e.g. ${shown[json.name]}` : ''}`);
	const mention = examples[1] ?? examples[0];
	await respond(
		interaction,
		infoPayload(
			'How to use Ombudsbot',
			[
				'Ask me about the institution: I answer from its documents only and show where each answer comes from.',
				'• Use `/ask`: suggestions appear as you type.',
				`• Or send me a **direct message** with your question, or **mention me** in a channel${mention ? `: \`@Ombudsbot ${plain(mention)}\`` : ''}.`,
				...(examples.length > 0 ? [`• Questions I can answer: ${examples.map((example) => `*${example}*`).join(' · ')}`] : []),
				'• Under an answer: **Show context** shows the sentences around the source; 👍/👎 tell the moderators how I did.',
				'• When I do not know, I say so and suggest questions I can answer.',
			].join('\n'),
			[{ name: 'Commands', value: lines.join('\n') }],
			{ ephemeral: true },
		),
	);
}
