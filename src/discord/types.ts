import {
	ApplicationCommandType,
	type AutocompleteInteraction,
	type ChatInputCommandInteraction,
	type MessageContextMenuCommandInteraction,
	type RESTPostAPIChatInputApplicationCommandsJSONBody,
	type RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Store } from '../store/store.ts';
import type { FloodControl } from './floodControl.ts';
import type { KnowledgeHolder } from './knowledge.ts';

/**
 * A slash command: one module in `commands/`, found by the registry.
 *
 * @example
 * // commands/ping.ts
 * export const data = new SlashCommandBuilder().setName('ping').setDescription('Replies with pong');
 * export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext) {
 * 	await interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
 * }
 */
export interface Command {
	/** The definition sent to Discord by `npm run deploy` (a `SlashCommandBuilder` or anything with `toJSON`). */
	readonly data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
	execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<unknown>;
	/**
	 * The definition again, with hints that quote `examples` (questions the knowledge base answers): `npm run deploy`
	 * registers this one when the command has it, so a hint never suggests a question the bot cannot answer.
	 */
	withExamples?(examples: readonly string[]): Command['data'];
	/** Answers an option being typed; must respond well inside 3 seconds. */
	autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<unknown>;
}

/**
 * A message context-menu command ("Apps → Ask Ombudsbot" on a message): one module in `commands/` too, told apart by
 * its definition's `type` (3, a `ContextMenuCommandBuilder` with `ApplicationCommandType.Message`).
 */
export interface MessageCommand {
	readonly data: { readonly name: string; toJSON(): RESTPostAPIContextMenuApplicationCommandsJSONBody };
	execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<unknown>;
}

/** Any command module the registry loads. */
export type AnyCommand = Command | MessageCommand;

/**
 * Each definition's answer, worked out once: a definition's type never changes, and serialising a whole builder
 * (`/kb`'s takes some 85 µs) on every interaction, autocomplete's keystrokes included, is work for nothing.
 */
const menuDefinitions = new WeakMap<AnyCommand['data'], boolean>();

/** True for a message context-menu command, false for a slash command. */
export function isMessageCommand(command: AnyCommand): command is MessageCommand {
	let menu = menuDefinitions.get(command.data);
	if (menu === undefined) {
		menu = command.data.toJSON().type === ApplicationCommandType.Message;
		menuDefinitions.set(command.data, menu);
	}
	return menu;
}

/** What every handler gets: the live knowledge base, the store, the logger and the settings. */
export interface BotContext {
	readonly env: Env;
	readonly logger: Logger;
	readonly store: Store;
	readonly knowledge: KnowledgeHolder;
	/** Per-user token buckets for questions (ASK_BURST, ASK_REFILL_SECONDS). */
	readonly flood: FloodControl;
	/** Prometheus counters and histograms (served on HEALTH_PORT's /metrics). */
	readonly metrics: Metrics;
	/** The loaded commands, by name (for /help and routing). */
	readonly commands: ReadonlyMap<string, AnyCommand>;
	/** The package version, for /about. */
	readonly version: string;
	readonly startedAt: Date;
}
