import { Client, Events, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fakeDiscord.ts';

const TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GfakeT.fake-token-signature-for-tests-only';

// The fake server is itself tested against the real discord.js client, so bot tests can trust it.
describe('fake Discord server', () => {
	let discord: FakeDiscord;
	let client: Client;

	beforeAll(async () => {
		discord = await startFakeDiscord({ token: TOKEN });
		client = new Client({
			intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages, GatewayIntentBits.GuildMessages],
			partials: [Partials.Channel],
			rest: { api: discord.apiUrl },
		});
		client.on(Events.InteractionCreate, (interaction) => {
			if (interaction.isChatInputCommand()) {
				void interaction.reply({ content: `pong ${interaction.options.getString('text') ?? ''}`, flags: MessageFlags.Ephemeral });
			}
		});
		client.on(Events.MessageCreate, (message) => {
			if (message.author.bot) return;
			void message.reply({ content: `echo ${message.content}`, allowedMentions: { parse: [] } });
		});
		const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
		await client.login(TOKEN);
		await ready;
	});

	afterAll(async () => {
		await client?.destroy();
		await discord?.close();
	});

	test('GIVEN a login THEN READY carries the application id and the guild is cached', () => {
		expect(client.application?.id).toBe(discord.applicationId);
		expect(client.guilds.cache.get(discord.guildId)?.channels.cache.has(discord.channelId)).toBe(true);
	});

	test('GIVEN a slash command THEN the reply reaches the callback route', async () => {
		const { token } = discord.interact(discord.payloads.slash('ping', [{ name: 'text', type: 3, value: 'hi' }]));
		const call = await discord.waitForCall((c) => c.path.includes(token));
		expect(call.body).toMatchObject({ type: 4, data: { content: 'pong hi', flags: 64 } });
	});

	test('GIVEN a DM THEN the client (Channel partial) receives and replies in that channel', async () => {
		const payload = discord.payloads.message('hello', { dm: true });
		discord.sendMessage(payload);
		const call = await discord.waitForCall((c) => c.path === `/channels/${payload.channel_id as string}/messages`);
		expect(call.body).toMatchObject({ content: 'echo hello', allowed_mentions: { parse: [] } });
	});

	test('GIVEN a dropped connection THEN the client resumes and gets events sent meanwhile', async () => {
		discord.dropConnections();
		const { token } = discord.interact(discord.payloads.slash('ping', [{ name: 'text', type: 3, value: 'again' }]));
		const call = await discord.waitForCall((c) => c.path.includes(token), 8_000);
		expect(call.body.data.content).toBe('pong again');
		expect(discord.resumes).toBeGreaterThanOrEqual(1);
	});

	test('GIVEN a forum post THEN the client sees a new thread under the forum and can fetch its first message', async () => {
		const created = new Promise<{ parentId: string | null; name: string; newly: boolean; content: string }>((resolve) =>
			client.once(Events.ThreadCreate, (thread, newly) => {
				void thread.fetchStarterMessage().then((starter) => resolve({ parentId: thread.parentId, name: thread.name, newly, content: starter?.content ?? '' }));
			}),
		);
		const id = discord.forumPost('A title', 'The body');
		expect(await created).toEqual({ parentId: discord.forumId, name: 'A title', newly: true, content: 'The body' });
		expect(client.channels.cache.get(id)?.isThread()).toBe(true);
	});

	test('GIVEN commands put globally and to the guild THEN each scope keeps its own, listed and deleted by id', async () => {
		const headers = { authorization: `Bot ${TOKEN}`, 'content-type': 'application/json' };
		const base = `${discord.apiUrl}/v10/applications/${discord.applicationId}`;
		await fetch(`${base}/commands`, { method: 'PUT', headers, body: JSON.stringify([{ name: 'a', description: 'a' }]) });
		await fetch(`${base}/guilds/${discord.guildId}/commands`, { method: 'PUT', headers, body: JSON.stringify([{ name: 'b', description: 'b' }]) });
		const global = (await (await fetch(`${base}/commands`, { headers })).json()) as { id: string; name: string }[];
		expect(global.map((c) => c.name)).toEqual(['a']);
		expect(discord.registeredCommands(discord.guildId).map((c) => c.name)).toEqual(['b']);
		expect((await fetch(`${base}/commands/${global[0]!.id}`, { method: 'DELETE', headers })).status).toBe(204);
		expect(discord.registeredCommands('global')).toEqual([]);
	});

	test('GIVEN a wrong token on REST THEN 401', async () => {
		const response = await fetch(`${discord.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot wrong' } });
		expect(response.status).toBe(401);
	});
});
