/**
 * `npm run deploy`: registers the slash commands found in `commands/` with Discord:
 * to `DEV_GUILD_ID` when set (instant, for development), else globally. Exits non-zero on
 * any failure, so CI notices.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { config } from 'dotenv';
import { EnvError, parseEnv, type Env } from '../env.ts';
import { scrubSecrets } from '../logger.ts';
import { COMMANDS_DIR, loadCommands } from '../discord/registry.ts';
import { exampleQuestions, loadKnowledgeBase } from '../answering/index.ts';
import { localiseCommand } from '../i18n/commands.ts';

export interface DeployResult {
	scope: 'guild' | 'global';
	guildId?: string;
	applicationId: string;
	names: string[];
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
	const body = [...commands.values()].map((command) => localiseCommand((examples.length && command.withExamples ? command.withExamples(examples) : command.data).toJSON()));
	const route = env.DEV_GUILD_ID
		? Routes.applicationGuildCommands(applicationId, env.DEV_GUILD_ID)
		: Routes.applicationCommands(applicationId);
	const registered = (await rest.put(route, { body })) as RESTPutAPIApplicationCommandsResult;
	return {
		scope: env.DEV_GUILD_ID ? 'guild' : 'global',
		...(env.DEV_GUILD_ID ? { guildId: env.DEV_GUILD_ID } : {}),
		applicationId,
		names: registered.map((command) => command.name),
	};
}

/** Examples for the hints from the knowledge folder the bot will serve; none (generic hints) when it cannot be read. */
async function knowledgeExamples(directory: string): Promise<string[]> {
	const { knowledgeBase } = await loadKnowledgeBase(directory);
	if (!knowledgeBase) process.stderr.write(`The knowledge folder "${directory}" has nothing usable: the hints will quote no example question.\n`);
	return knowledgeBase ? exampleQuestions(knowledgeBase) : [];
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
		const list = result.names.map((name) => `/${name}`).join(', ');
		process.stdout.write(
			result.scope === 'guild'
				? `Registered ${result.names.length} commands to guild ${result.guildId} (available now): ${list}\n`
				: `Registered ${result.names.length} commands globally for application ${result.applicationId}: ${list}\nGlobal commands can take a few minutes to appear; set DEV_GUILD_ID to test in one server instantly.\n`,
		);
	} catch (error) {
		process.stderr.write(`Deploy failed: ${scrubSecrets((error as Error).message ?? String(error), [env.DISCORD_TOKEN])}\n`);
		process.exit(1);
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await main();
}
