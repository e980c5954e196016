import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { exampleQuestions } from '../src/discord/engine.ts';
import { plain } from '../src/discord/limits.ts';
import { infoPayload } from '../src/discord/replies.ts';
import { respond } from '../src/discord/respond.ts';
import { isMessageCommand, type BotContext } from '../src/discord/types.ts';
import { listenerOf, replyLanguage } from '../src/discord/language.ts';
import { say } from '../src/i18n/index.ts';
import { localisedDescription } from '../src/i18n/commands.ts';

/** `/help`: how to use the bot, listing the loaded commands. */
export const data = new SlashCommandBuilder().setName('help').setDescription('How to use me');

const EXAMPLES: Record<string, string> = {
	search: '`/search query: annual report`',
	mandate: '`/mandate`',
	independence: '`/independence`',
	cooperation: '`/cooperation`',
	about: '`/about`',
	help: '`/help`',
	kb: '`/kb status`',
	language: '`/language language: kk`',
};

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
	// Examples of questions the knowledge base served now answers: never one it would decline.
	const examples = ctx.knowledge.current ? exampleQuestions(ctx.knowledge.current) : [];
	const shown: Record<string, string> = { ...EXAMPLES, ...(examples[0] ? { ask: `\`/ask question: ${plain(examples[0])}\`` } : {}) };
	const language = await replyLanguage(ctx, listenerOf(interaction));
	// Commands are typed by their English names in every language (Discord matches the localised ones too).
	const lines = [...ctx.commands.values()]
		.filter((command) => !isMessageCommand(command))
		.map((command) => command.data.toJSON() as { name: string; description: string })
		.sort((a, b) => a.name.localeCompare(b.name))
		.map(
			(json) =>
				`**/${json.name}**: ${localisedDescription(json, language)}${shown[json.name] ? `\n  ${say(language, 'helpExample', { example: shown[json.name]! })}` : ''}`,
		);
	const mention = examples[1] ?? examples[0];
	await respond(
		interaction,
		infoPayload(
			say(language, 'helpTitle'),
			[
				say(language, 'helpIntro'),
				say(language, 'helpAsk'),
				mention ? say(language, 'helpDmExample', { example: plain(mention) }) : say(language, 'helpDm'),
				say(language, 'helpFollowUps'),
				...(examples.length > 0 ? [say(language, 'helpExamples', { examples: examples.map((example) => `*${example}*`).join(' · ') })] : []),
				say(language, 'helpButtons'),
				say(language, 'helpUnknown'),
				say(language, 'helpLanguage'),
			].join('\n'),
			[{ name: say(language, 'helpCommands'), value: lines.join('\n') }],
			{ ephemeral: true },
		),
	);
}
