/**
 * `npm run deploy`: registers the commands found in `commands/` with Discord: to `DEV_GUILD_ID` when set (instant,
 * for development), else globally. The scope deployed to becomes the only one: copies this application registered at
 * the other scope (global ones after a switch to a guild, guild ones after a switch to global) would show every command
 * twice, so they are removed and the output says so. Exits non-zero on any failure, so CI notices.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTGetAPICurrentUserGuildsResult, type RESTGetAPIApplicationCommandsResult, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { config } from 'dotenv';
import { EnvError, parseEnv, type Env } from '../env.ts';
import { scrubSecrets } from '../logger.ts';
import { COMMANDS_DIR, loadCommands } from '../discord/registry.ts';
import { exampleQuestions, loadKnowledgeBase } from '../answering/index.ts';
import { localiseCommand } from '../i18n/commands.ts';

/** Commands removed from where they no longer belong: globally, or in one guild. */
export interface StaleRemoval {
	scope: 'guild' | 'global';
	guildId?: string;
	names: string[];
}

export interface DeployResult {
	scope: 'guild' | 'global';
	guildId?: string;
	applicationId: string;
	names: string[];
	/** What was registered at the other scope and is gone now. */
	removed: StaleRemoval[];
	/** True when the bot is in more guilds than were checked for stale copies. */
	guildsUnchecked: boolean;
}

/**
 * Where Discord allows it, a command works server-installed and user-installed (integration types 0 and 1), in
 * servers, the bot's DMs and other private channels (contexts 0, 1 and 2). A command that states its own (the
 * moderators' /kb: a server's, in the server) keeps them.
 */
function withSurface<T extends { integration_types?: unknown; contexts?: unknown }>(json: T): T {
	if (json.integration_types !== undefined || json.contexts !== undefined) return json;
	return { ...json, integration_types: [0, 1], contexts: [0, 1, 2] };
}

/** Guilds checked for stale copies after a global deploy: one page of the bot's guilds. */
const GUILDS_CHECKED = 200;

/** Removes every command this application registered at the scope not deployed to now. */
async function removeStale(rest: REST, applicationId: string, guildId: string | undefined): Promise<{ removed: StaleRemoval[]; guildsUnchecked: boolean }> {
	const removed: StaleRemoval[] = [];
	const clear = async (route: `/${string}`, removal: Omit<StaleRemoval, 'names'>) => {
		const stale = (await rest.get(route)) as RESTGetAPIApplicationCommandsResult;
		if (stale.length === 0) return;
		await rest.put(route, { body: [] });
		removed.push({ ...removal, names: stale.map((command) => command.name) });
	};
	if (guildId) {
		await clear(Routes.applicationCommands(applicationId), { scope: 'global' });
		return { removed, guildsUnchecked: false };
	}
	const guilds = (await rest.get(Routes.userGuilds(), { query: new URLSearchParams({ limit: String(GUILDS_CHECKED) }) })) as RESTGetAPICurrentUserGuildsResult;
	for (const guild of guilds) await clear(Routes.applicationGuildCommands(applicationId, guild.id), { scope: 'guild', guildId: guild.id });
	return { removed, guildsUnchecked: guilds.length >= GUILDS_CHECKED };
}

/**
 * Registers every command module of `commandsDir`, replacing what was registered before.
 * Throws when a module is malformed (deploying a partial list would delete commands).
 */
export async function deployCommands(
	env: Pick<Env, 'DISCORD_TOKEN' | 'DISCORD_CLIENT_ID' | 'DEV_GUILD_ID' | 'DISCORD_API_URL'>,
	commandsDir = COMMANDS_DIR,
	/** Questions the knowledge base answers, quoted in the commands' hints (see `Command.withExamples`). */
	examples: readonly string[] = [],
): Promise<DeployResult> {
	const { commands, problems } = await loadCommands(commandsDir);
	if (problems.length > 0) {
		throw new Error(`command modules are broken, nothing deployed:\n${problems.map((p) => `  - ${p.file}: ${p.issue}`).join('\n')}`);
	}
	const rest = new REST({ version: '10', ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}) }).setToken(env.DISCORD_TOKEN);
	const applicationId = env.DISCORD_CLIENT_ID ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
	const body = [...commands.values()].map((command) =>
		withSurface(localiseCommand((examples.length && 'withExamples' in command && command.withExamples ? command.withExamples(examples) : command.data).toJSON())),
	);
	const route = env.DEV_GUILD_ID
		? Routes.applicationGuildCommands(applicationId, env.DEV_GUILD_ID)
		: Routes.applicationCommands(applicationId);
	const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
	// Only once the new registration stands: a failed deploy leaves the old copies working.
	let stale: Awaited<ReturnType<typeof removeStale>>;
	try {
		stale = await removeStale(rest, applicationId, env.DEV_GUILD_ID);
	} catch (error) {
		// The commands are registered: say so, and what is left to clean, rather than "deploy failed".
		throw new Error(
			`registered ${registered.length} commands ${env.DEV_GUILD_ID ? `to guild ${env.DEV_GUILD_ID}` : 'globally'}, but could not remove the copies at the other scope (they may show twice): ${(error as Error).message}`,
			{ cause: error },
		);
	}
	const { removed, guildsUnchecked } = stale;
	return {
		scope: env.DEV_GUILD_ID ? 'guild' : 'global',
		...(env.DEV_GUILD_ID ? { guildId: env.DEV_GUILD_ID } : {}),
		applicationId,
		names: registered.map((command) => command.name),
		removed,
		guildsUnchecked,
	};
}

/** Examples for the hints from the knowledge folder the bot will serve; none (generic hints) when it cannot be read. */
async function knowledgeExamples(directory: string): Promise<string[]> {
	const { knowledgeBase } = await loadKnowledgeBase(directory);
	if (!knowledgeBase) process.stderr.write(`The knowledge folder "${directory}" has nothing usable: the hints will quote no example question.\n`);
	return knowledgeBase ? exampleQuestions(knowledgeBase) : [];
}

/** A command as people see it: "/ask", or a menu command by its menu name. */
function shown(name: string): string {
	return /^[-_\p{Ll}\p{N}]+$/u.test(name) ? `/${name}` : `"${name}"`;
}

/** What `npm run deploy` prints: what was registered where, and which stale copies went. */
export function deployReport(result: DeployResult): string {
	const list = result.names.map(shown).join(', ');
	const count = (n: number) => (n === 1 ? '1 command' : `${n} commands`);
	const lines = [
		result.scope === 'guild'
			? `Registered ${count(result.names.length)} to guild ${result.guildId} (available now): ${list}`
			: `Registered ${count(result.names.length)} globally for application ${result.applicationId}: ${list}`,
	];
	for (const removal of result.removed) {
		const where = removal.scope === 'global' ? 'the global registration' : `guild ${removal.guildId}`;
		lines.push(`Removed ${count(removal.names.length)} registered earlier in ${where}, which would have shown twice: ${removal.names.map(shown).join(', ')}`);
	}
	if (result.guildsUnchecked) lines.push(`Checked the first ${GUILDS_CHECKED} guilds for earlier guild copies; the bot is in more.`);
	if (result.scope === 'global') lines.push('Global commands can take a few minutes to appear; set DEV_GUILD_ID to test in one server instantly.');
	return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
	config({ quiet: true });
	let env: Env;
	try {
		env = parseEnv(process.env);
	} catch (error) {
		if (error instanceof EnvError) {
			process.stderr.write(`${error.message}\n`);
			process.exit(2);
		}
		throw error;
	}
	try {
		const result = await deployCommands(env, COMMANDS_DIR, await knowledgeExamples(env.KNOWLEDGE_DIR));
		process.stdout.write(deployReport(result));
	} catch (error) {
		process.stderr.write(`Deploy failed: ${scrubSecrets((error as Error).message ?? String(error), [env.DISCORD_TOKEN])}\n`);
		process.exit(1);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await main();
}
