import { describe, expect, test } from 'vitest';
import { answer, exampleQuestions } from '../../src/answering/index.ts';
import { deployCommands } from '../../src/cli/deploy.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE } from '../helpers.ts';
import { startFakeDiscord } from '../support/fakeDiscord.ts';
import { TEST_TOKEN } from '../support/botHarness.ts';

describe('npm run deploy', () => {
	test('GIVEN DEV_GUILD_ID THEN the commands are put to that guild, for the application the token belongs to', async () => {
		const discord = await startFakeDiscord({ token: TEST_TOKEN });
		try {
			const result = await deployCommands({
				DISCORD_TOKEN: TEST_TOKEN,
				DISCORD_CLIENT_ID: undefined,
				DEV_GUILD_ID: discord.guildId,
				DISCORD_API_URL: discord.apiUrl,
			});
			expect(result).toMatchObject({ scope: 'guild', guildId: discord.guildId, applicationId: discord.applicationId });
			expect(result.names.sort()).toEqual(['about', 'ask', 'cooperation', 'help', 'independence', 'kb', 'language', 'mandate', 'search']);
			const put = discord.calls.find((call) => call.method === 'PUT')!;
			expect(put.path).toBe(`/applications/${discord.applicationId}/guilds/${discord.guildId}/commands`);
			expect(put.body.find((command: any) => command.name === 'ask').options[0]).toMatchObject({ name: 'question', autocomplete: true });
		} finally {
			await discord.close();
		}
	});

	test('GIVEN the knowledge base\'s examples THEN /ask\'s hint quotes one it answers, within Discord\'s 100 characters', async () => {
		const discord = await startFakeDiscord({ token: TEST_TOKEN });
		try {
			const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);
			await deployCommands({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: undefined, DEV_GUILD_ID: discord.guildId, DISCORD_API_URL: discord.apiUrl }, undefined, exampleQuestions(kb));
			const put = discord.calls.find((call) => call.method === 'PUT')!;
			const hint: string = put.body.find((command: any) => command.name === 'ask').options[0].description;
			expect(hint.length).toBeLessThanOrEqual(100);
			const example = /^Your question, e\.g\. "(.+)"$/.exec(hint)?.[1];
			expect(example).toBeDefined();
			expect(answer(example!, kb).answered).toBe(true);
		} finally {
			await discord.close();
		}
	});

	test('GIVEN the commands THEN every command, option and choice is registered with a Russian name (Discord\'s rules) and every description with a Russian one', async () => {
		const discord = await startFakeDiscord({ token: TEST_TOKEN });
		try {
			await deployCommands({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: undefined, DEV_GUILD_ID: discord.guildId, DISCORD_API_URL: discord.apiUrl });
			const put = discord.calls.find((call) => call.method === 'PUT')!;
			const missing: string[] = [];
			const visit = (node: any, path: string) => {
				const ru = node.name_localizations?.ru;
				if (!ru || !/^[-_\p{L}\p{N}]{1,32}$/u.test(ru) || ru !== ru.toLowerCase()) missing.push(`${path}: name ${JSON.stringify(ru)}`);
				const description = node.description_localizations?.ru;
				if (!description || description.length > 100) missing.push(`${path}: description ${JSON.stringify(description)}`);
				for (const choice of node.choices ?? []) {
					const name = choice.name_localizations?.ru;
					if (!name || name.length > 100) missing.push(`${path}=${choice.value}: name`);
				}
				for (const option of node.options ?? []) visit(option, `${path}.${option.name}`);
			};
			for (const command of put.body) visit(command, command.name);
			expect(missing).toEqual([]);
			const ask = put.body.find((command: any) => command.name === 'ask');
			expect(ask.name_localizations).toEqual({ ru: 'спросить' });
			const kb = put.body.find((command: any) => command.name === 'kb');
			const settings = kb.options.find((option: any) => option.name === 'settings');
			expect(settings.options[0]).toMatchObject({ name: 'language', name_localizations: { ru: 'язык' } });
			// Names are unique per level in Russian too (Discord refuses duplicates).
			const unique = (nodes: any[]) => new Set(nodes.map((n) => n.name_localizations.ru)).size === nodes.length;
			expect(unique(put.body)).toBe(true);
			for (const command of put.body) if (command.options) expect(unique(command.options)).toBe(true);
		} finally {
			await discord.close();
		}
	});

	test('GIVEN no guild THEN global; GIVEN a rejected token THEN it throws without echoing the token', async () => {
		const discord = await startFakeDiscord({ token: TEST_TOKEN });
		try {
			const result = await deployCommands({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: '900000000000000001', DEV_GUILD_ID: undefined, DISCORD_API_URL: discord.apiUrl });
			expect(result.scope).toBe('global');
			expect(discord.calls.at(-1)?.path).toBe('/applications/900000000000000001/commands');
			const wrong = 'OTk5OTk5OTk5OTk5OTk5OTk5.Gother.another-token-the-server-refuses';
			const failure = await deployCommands({ DISCORD_TOKEN: wrong, DISCORD_CLIENT_ID: undefined, DEV_GUILD_ID: undefined, DISCORD_API_URL: discord.apiUrl }).catch((error: Error) => error);
			expect(failure).toBeInstanceOf(Error);
			expect(String((failure as Error).message)).not.toContain(wrong);
		} finally {
			await discord.close();
		}
	});
});
