/**
 * Starts the real bot (startBot + discord.js) against the fake Discord server, with a temporary
 * copy of the knowledge folder and a temporary data folder.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { startBot, type BotHandle, type StartOptions } from '../../src/discord/bot.ts';
import { parseEnv } from '../../src/env.ts';
import { PERMISSIONS, startFakeDiscord, type FakeDiscord, type FakeUser, type RecordedCall } from './fakeDiscord.ts';

export const TEST_TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GfakeT.fake-token-signature-for-tests-only';
export const MOD_ROLE = '960000000000000001';
export const PROJECT_KNOWLEDGE = resolve(fileURLToPath(new URL('../../knowledge', import.meta.url)));

/** People who use the bot in tests. */
export const USERS = {
	member: { id: '930000000000000001', username: 'member', roles: [], permissions: PERMISSIONS.member },
	other: { id: '930000000000000002', username: 'other', roles: [], permissions: PERMISSIONS.member },
	moderator: { id: '930000000000000003', username: 'moderator', roles: [MOD_ROLE], permissions: PERMISSIONS.member },
	/** Manage Server but not the moderator role: refused when MODERATOR_ROLE_IDS is set. */
	admin: { id: '930000000000000004', username: 'admin', roles: [], permissions: PERMISSIONS.member | PERMISSIONS.manageGuild },
	owner: { id: '930000000000000005', username: 'owner', roles: [], permissions: PERMISSIONS.member },
} satisfies Record<string, FakeUser>;

export interface TestBot {
	discord: FakeDiscord;
	bot: BotHandle;
	logs: string[];
	knowledgeDir: string;
	dataDir: string;
	/** Dispatches an interaction and resolves with the first response callback's body. */
	interact(payload: Record<string, unknown>): Promise<{ token: string; body: any }>;
	/** Waits for the `n`-th call (1-based) made for an interaction token. */
	nthCall(token: string, n: number, timeoutMs?: number): Promise<RecordedCall>;
	close(): Promise<void>;
}

export interface TestBotOptions {
	env?: Record<string, string>;
	/** Fill the knowledge folder (a copy of the project's) before the bot starts. */
	prepareKnowledge?(dir: string): void;
	/** Run as a second process of `other`: same knowledge and data folders (like a shard). */
	shareFoldersWith?: TestBot;
	/** How often the bot checks the store for knowledge changes made by other processes. */
	syncIntervalMs?: number;
	/** Store tuning passed to startBot. */
	store?: StartOptions['store'];
	/** Called with the fake server before the bot starts (e.g. to hold the gateway back). */
	beforeStart?(discord: FakeDiscord): void;
	/** Passed to startBot: told once the health server listens, before login. */
	onHealthListening?: StartOptions['onHealthListening'];
}

/**
 * One test bot for a whole test file: started before its tests, closed after them.
 * @example let t: TestBot; useTestBot((bot) => (t = bot));
 */
export function useTestBot(onStart: (bot: TestBot) => void, options: TestBotOptions = {}): void {
	let bot: TestBot | undefined;
	beforeAll(async () => {
		bot = await startTestBot(options);
		onStart(bot);
	});
	afterAll(async () => {
		await bot?.close();
	});
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
	const discord = await startFakeDiscord({ token: TEST_TOKEN, roles: [{ id: MOD_ROLE, name: 'Moderators' }] });
	const shared = options.shareFoldersWith;
	const root = mkdtempSync(join(tmpdir(), 'ombudsbot-e2e-'));
	const knowledgeDir = shared?.knowledgeDir ?? join(root, 'knowledge');
	const dataDir = shared?.dataDir ?? join(root, 'data');
	if (!shared) {
		mkdirSync(knowledgeDir);
		cpSync(PROJECT_KNOWLEDGE, knowledgeDir, { recursive: true });
	}
	options.prepareKnowledge?.(knowledgeDir);
	options.beforeStart?.(discord);
	const logs: string[] = [];
	const env = parseEnv({
		DISCORD_TOKEN: TEST_TOKEN,
		DISCORD_API_URL: discord.apiUrl,
		KNOWLEDGE_DIR: knowledgeDir,
		DATA_DIR: dataDir,
		LOG_LEVEL: 'debug',
		MODERATOR_ROLE_IDS: MOD_ROLE,
		BOT_OWNER_IDS: USERS.owner.id,
		ASK_REFILL_SECONDS: '0',
		...options.env,
	});
	let bot: BotHandle;
	try {
		bot = await startBot(env, {
			logDestination: { write: (line: string) => void logs.push(line) },
			handleSignals: false,
			...(options.syncIntervalMs ? { syncIntervalMs: options.syncIntervalMs } : {}),
			...(options.store ? { store: options.store } : {}),
			...(options.onHealthListening ? { onHealthListening: options.onHealthListening } : {}),
		});
	} catch (error) {
		await discord.close();
		rmSync(root, { recursive: true, force: true });
		throw error;
	}
	const nthCall = async (token: string, n: number, timeoutMs = 5_000): Promise<RecordedCall> => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const calls = discord.callsFor(token);
			if (calls.length >= n) return calls[n - 1]!;
			if (Date.now() > deadline) throw new Error(`expected ${n} calls for ${token}, got ${calls.length}: ${JSON.stringify(calls.map((c) => c.path))}`);
			await new Promise((r) => setTimeout(r, 10));
		}
	};
	return {
		discord,
		bot,
		logs,
		knowledgeDir,
		dataDir,
		nthCall,
		async interact(payload) {
			const { token } = discord.interact(payload);
			const call = await discord.waitForCall((c) => c.path.includes(`/${token}/callback`));
			return { token, body: call.body };
		},
		async close() {
			await bot.stop('test done');
			await discord.close();
			rmSync(root, { recursive: true, force: true });
		},
	};
}

/** The message part of a REST body: a callback's `data`, or the body itself for webhooks and channel messages. */
export function messageOf(call: RecordedCall): any {
	return call.body?.type !== undefined && call.path.endsWith('/callback') ? call.body.data : call.body;
}

/**
 * Asserts that nothing the bot sent could ping anyone: every message-bearing call sets
 * `allowed_mentions.parse` to `[]`, lists no users or roles and does not ping the replied-to author.
 */
export function expectNoPings(calls: readonly RecordedCall[]): number {
	let checked = 0;
	for (const call of calls) {
		if (call.method === 'GET' || call.path.startsWith('/attachments') || /\/commands$/.test(call.path)) continue;
		const body = messageOf(call);
		if (!body || typeof body !== 'object') continue;
		// Autocomplete choices and bare deferrals carry no message.
		if (call.body?.type === 8 || (call.body?.type === 5 && !body.content && !body.embeds) || call.body?.type === 6) continue;
		if (!('content' in body) && !('embeds' in body) && !('components' in body)) continue;
		checked += 1;
		expect(body.allowed_mentions, `${call.method} ${call.path}`).toBeDefined();
		expect(body.allowed_mentions.parse, `${call.method} ${call.path}`).toEqual([]);
		expect(body.allowed_mentions.users ?? [], `${call.method} ${call.path}`).toEqual([]);
		expect(body.allowed_mentions.roles ?? [], `${call.method} ${call.path}`).toEqual([]);
		expect(body.allowed_mentions.replied_user ?? false, `${call.method} ${call.path}`).toBe(false);
	}
	return checked;
}

/** Every text in a message body: content, embed titles, descriptions, fields, footers. */
export function textOf(body: any): string {
	const parts: string[] = [body?.content ?? ''];
	for (const embed of body?.embeds ?? []) {
		parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
		for (const field of embed.fields ?? []) parts.push(field.name, field.value);
	}
	return parts.join('\n');
}

/** Every component custom id in a message body. */
export function customIdsOf(body: any): string[] {
	return (body?.components ?? []).flatMap((row: any) => (row.components ?? []).map((component: any) => component.custom_id)).filter(Boolean);
}
