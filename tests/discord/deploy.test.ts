import { describe, expect, test } from 'vitest';
import { answer, exampleQuestions } from '../../src/answering/index.ts';
import { deployCommands, deployReport } from '../../src/cli/deploy.ts';
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
			expect(result.names.sort()).toEqual(['Ask Ombudsbot', 'about', 'ask', 'cooperation', 'help', 'independence', 'kb', 'language', 'mandate', 'search']);
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
				// A message menu command is named as the menu shows it (capitals, spaces) and has no description.
				const menu = node.type === 3;
				const rule = menu ? /^[-_ \p{L}\p{N}]{1,32}$/u : /^[-_\p{L}\p{N}]{1,32}$/u;
				if (!ru || !rule.test(ru) || (!menu && ru !== ru.toLowerCase())) missing.push(`${path}: name ${JSON.stringify(ru)}`);
				const description = node.description_localizations?.ru;
				if (!menu && (!description || description.length > 100)) missing.push(`${path}: description ${JSON.stringify(description)}`);
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
			expect(discord.calls.find((call) => call.method === 'PUT')?.path).toBe('/applications/900000000000000001/commands');
			const wrong = 'OTk5OTk5OTk5OTk5OTk5OTk5.Gother.another-token-the-server-refuses';
			const failure = await deployCommands({ DISCORD_TOKEN: wrong, DISCORD_CLIENT_ID: undefined, DEV_GUILD_ID: undefined, DISCORD_API_URL: discord.apiUrl }).catch((error: Error) => error);
			expect(failure).toBeInstanceOf(Error);
			expect(String((failure as Error).message)).not.toContain(wrong);
		} finally {
			await discord.close();
		}
	});

	test('GIVEN the commands THEN each works user-installed and server-installed in every context Discord allows, /kb only in servers, "Ask Ombudsbot" on messages', async () => {
		const discord = await startFakeDiscord({ token: TEST_TOKEN });
		try {
			await deployCommands({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: undefined, DEV_GUILD_ID: discord.guildId, DISCORD_API_URL: discord.apiUrl });
			const registered = discord.registeredCommands(discord.guildId);
			for (const command of registered.filter((c) => c.name !== 'kb')) {
				expect(command.integration_types, command.name).toEqual([0, 1]);
				expect(command.contexts, command.name).toEqual([0, 1, 2]);
			}
			expect(registered.find((c) => c.name === 'kb')).toMatchObject({ integration_types: [0], contexts: [0], default_member_permissions: '32' });
			expect(registered.find((c) => c.name === 'Ask Ombudsbot')).toMatchObject({ type: 3, name_localizations: { ru: 'Спросить Ombudsbot' } });
			expect(registered.find((c) => c.name === 'Ask Ombudsbot').description ?? '').toBe('');
		} finally {
			await discord.close();
		}
	});

	test('GIVEN commands registered globally THEN a guild deploy removes the global copies and says so; back to global removes the guild ones', async () => {
		const discord = await startFakeDiscord({ token: TEST_TOKEN });
		const env = { DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: undefined, DISCORD_API_URL: discord.apiUrl };
		try {
			const global = await deployCommands({ ...env, DEV_GUILD_ID: undefined });
			// Nothing at the other scope yet: nothing removed, nothing said.
			expect(global.removed).toEqual([]);
			expect(deployReport(global)).not.toMatch(/Removed/);
			expect(discord.registeredCommands('global').length).toBe(global.names.length);

			const guild = await deployCommands({ ...env, DEV_GUILD_ID: discord.guildId });
			expect(discord.registeredCommands('global')).toEqual([]);
			expect(discord.registeredCommands(discord.guildId).length).toBe(guild.names.length);
			expect(guild.removed).toEqual([{ scope: 'global', names: global.names }]);
			expect(deployReport(guild)).toMatch(new RegExp(`^Registered ${guild.names.length} commands to guild ${discord.guildId} \\(available now\\): /about, /ask, "Ask Ombudsbot", /cooperation`));
			expect(deployReport(guild)).toMatch(/\nRemoved 10 commands registered earlier in the global registration, which would have shown twice: \/about, \/ask, "Ask Ombudsbot"/);

			const back = await deployCommands({ ...env, DEV_GUILD_ID: undefined });
			expect(discord.registeredCommands(discord.guildId)).toEqual([]);
			expect(back.removed).toEqual([{ scope: 'guild', guildId: discord.guildId, names: guild.names }]);
			expect(deployReport(back)).toMatch(new RegExp(`Removed 10 commands registered earlier in guild ${discord.guildId}`));
		} finally {
			await discord.close();
		}
	});
});

describe('npm run deploy when the cleanup fails', () => {
	test('GIVEN Discord refusing to list the global commands THEN it fails saying the guild registration stands', async () => {
		const discord = await startFakeDiscord({ token: TEST_TOKEN });
		try {
			discord.intercept((call) => (call.method === 'GET' && call.path.endsWith(`/applications/${discord.applicationId}/commands`) ? { status: 403, body: { message: 'Missing Access', code: 50001 } } : undefined));
			const failure = await deployCommands({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_CLIENT_ID: undefined, DEV_GUILD_ID: discord.guildId, DISCORD_API_URL: discord.apiUrl }).catch((error: Error) => error);
			expect(String((failure as Error).message)).toMatch(new RegExp(`^registered 10 commands to guild ${discord.guildId}, but could not remove the copies at the other scope \\(they may show twice\\): Missing Access`));
			expect(discord.registeredCommands(discord.guildId)).toHaveLength(10);
		} finally {
			await discord.close();
		}
	});
});
