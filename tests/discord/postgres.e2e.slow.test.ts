/**
 * `npm run test:stress` (one file at a time: it starts nine bot processes, whose start-up would crowd the
 * timing-sensitive tests that `npm test` runs side by side).
 *
 * Two bot processes on one PostgreSQL, as on two machines: each runs `src/main.ts` with its own shard
 * (SHARD_IDS 0 or 1 of TOTAL_SHARDS 2), its own data folder and its own copy of the knowledge folder. Each
 * shard's gateway is a Discord-compatible server of its own, so an interaction lands on the process that
 * owns its shard, as Discord delivers it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { snowflake, startFakeDiscord, type FakeDiscord, type RecordedCall } from '../support/fakeDiscord.ts';
import { customIdsOf, messageOf, MOD_ROLE, PROJECT_KNOWLEDGE, TEST_TOKEN, textOf, USERS } from '../support/botHarness.ts';
import { usePostgres, withClient } from '../support/postgres.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const postgres = usePostgres();

interface BotProcess {
	readonly name: string;
	readonly discord: FakeDiscord;
	child: ChildProcess;
	output: string;
	/** Dispatches an interaction to this process's shard; resolves with the `n`-th REST call made for it. */
	interact(payload: Record<string, unknown>, n?: number): Promise<{ token: string; call: RecordedCall }>;
	/** Starts the process (again, after a kill) and waits until it is logged in. */
	start(): Promise<void>;
	/** SIGKILL: no drain, no shutdown, as a crash or a power cut. */
	kill(): Promise<void>;
	stop(): Promise<void>;
}

function botProcess(name: string, shard: number, databaseUrl: string, root: string, discord: FakeDiscord): BotProcess {
	const knowledgeDir = join(root, `${name}-knowledge`);
	mkdirSync(knowledgeDir);
	cpSync(PROJECT_KNOWLEDGE, knowledgeDir, { recursive: true });
	const env = {
		PATH: process.env.PATH ?? '',
		HOME: process.env.HOME ?? '',
		DISCORD_TOKEN: TEST_TOKEN,
		DISCORD_API_URL: discord.apiUrl,
		KNOWLEDGE_DIR: knowledgeDir,
		DATA_DIR: join(root, `${name}-data`),
		DATABASE_URL: databaseUrl,
		SHARD_IDS: String(shard),
		TOTAL_SHARDS: '2',
		LOG_LEVEL: 'info',
		MODERATOR_ROLE_IDS: MOD_ROLE,
		ASK_REFILL_SECONDS: '0',
	};
	const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
	const bot: BotProcess = {
		name,
		discord,
		child: undefined as unknown as ChildProcess,
		output: '',
		async interact(payload, n = 1) {
			const { token } = discord.interact(payload);
			const deadline = Date.now() + 10_000;
			for (;;) {
				const calls = discord.callsFor(token);
				if (calls.length >= n) return { token, call: calls[n - 1]! };
				if (Date.now() > deadline) throw new Error(`${name}: expected ${n} calls for ${token}, got ${calls.length}\n${bot.output.slice(-2000)}`);
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
		},
		async start() {
			bot.output = '';
			bot.child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
			const collect = (chunk: Buffer) => {
				bot.output += chunk.toString();
			};
			bot.child.stdout!.on('data', collect);
			bot.child.stderr!.on('data', collect);
			const deadline = Date.now() + 60_000;
			while (!bot.output.includes('"msg":"bot ready"')) {
				if (bot.child.exitCode !== null || Date.now() > deadline) throw new Error(`${name} did not start:\n${bot.output.slice(-3000)}`);
				await new Promise((resolve) => setTimeout(resolve, 25));
			}
		},
		async kill() {
			bot.child.kill('SIGKILL');
			await exited(bot.child);
		},
		async stop() {
			if (!bot.child || bot.child.exitCode !== null || bot.child.signalCode !== null) return;
			bot.child.kill('SIGTERM');
			await Promise.race([exited(bot.child), new Promise((resolve) => setTimeout(resolve, 15_000))]);
			if (bot.child.exitCode === null) await bot.kill();
		},
	};
	return bot;
}

let root = '';
let databaseUrl = '';
let a: BotProcess;
let b: BotProcess;
const fakes: FakeDiscord[] = [];

beforeAll(async () => {
	databaseUrl = await postgres.server.createDatabase('e2e');
	root = mkdtempSync(join(tmpdir(), 'ombudsbot-pg-e2e-'));
	for (let i = 0; i < 2; i++) fakes.push(await startFakeDiscord({ token: TEST_TOKEN, roles: [{ id: MOD_ROLE, name: 'Moderators' }] }));
	a = botProcess('a', 0, databaseUrl, root, fakes[0]!);
	b = botProcess('b', 1, databaseUrl, root, fakes[1]!);
	// Both at once: they migrate the empty database together (Kysely's Migrator under its advisory lock).
	await Promise.all([a.start(), b.start()]);
}, 120_000);

afterAll(async () => {
	await Promise.all([a?.stop(), b?.stop()]);
	for (const fake of fakes) await fake.close();
	if (root) rmSync(root, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
	return withClient(databaseUrl, async (client) => (await client.query<T>(text, values)).rows);
}

const ask = (bot: BotProcess, question: string) => bot.interact(bot.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: question }]));

/** `/kb add` of a file served by `bot`'s Discord; resolves with the interaction's token (the reply follows the deferral). */
function kbAdd(bot: BotProcess, fileName: string, text: string): { token: string; path: string } {
	const url = bot.discord.serveFile(fileName, text);
	const id = snowflake();
	const { token } = bot.discord.interact(
		bot.discord.payloads.slash('kb', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: id }] }], {
			user: USERS.moderator,
			resolved: { attachments: { [id]: { id, filename: fileName, size: text.length, url, proxy_url: url } } },
		}),
	);
	return { token, path: new URL(url).pathname };
}

test('GIVEN each process on its own shard THEN each identified with its shard of two', () => {
	expect(a.discord.identifyPayloads.map((d) => d.shard)).toEqual([[0, 2]]);
	expect(b.discord.identifyPayloads.map((d) => d.shard)).toEqual([[1, 2]]);
});

test('GIVEN feedback given through one process THEN the other sees it', async () => {
	const asked = await ask(a, 'Where was the 19th annual forum held?');
	const answer = messageOf(asked.call);
	const up = customIdsOf(answer).find((id) => id.startsWith('vote:'))!;
	expect(up).toBeDefined();
	// The 👍 lands on the other process, which finds the answer A recorded.
	const vote = await b.interact(b.discord.payloads.button(up, answer));
	expect(messageOf(vote.call).content).toMatch(/recorded/);
	// Back on A, the same person's same vote is known already.
	const again = await a.interact(a.discord.payloads.button(up, answer));
	expect(messageOf(again.call).content).toMatch(/already voted/);
	expect(await query('SELECT vote FROM feedback WHERE answer_id = $1', [up.split(':')[1]])).toEqual([{ vote: 1 }]);
});

test('GIVEN a document added through one process THEN the other answers from it within 2 s', async () => {
	const question = 'How long is the term of the Zemblian ombudsman?';
	expect(textOf(messageOf((await ask(b, question)).call))).not.toMatch(/eleven years/);
	const { token } = kbAdd(a, 'zemblian-term.md', '---\ntitle: Term of the Zemblian ombudsman\n---\nThe Zemblian ombudsman serves a single term of eleven years.\n');
	const added = await waitForCall(a, token, 2);
	expect(messageOf(added).embeds[0].title).toBe('Document added');
	const addedAt = Date.now();
	let answeredAfter = Infinity;
	while (Date.now() - addedAt < 5_000) {
		if (/eleven years/.test(textOf(messageOf((await ask(b, question)).call)))) {
			answeredAfter = Date.now() - addedAt;
			break;
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	console.log(`[postgres e2e] a document added through A answered by B after ${answeredAfter} ms`);
	expect(answeredAfter).toBeLessThan(2_000);
	expect(await query('SELECT document_id, action, file FROM knowledge_documents')).toEqual([{ document_id: 'zemblian-term', action: 'add', file: 'zemblian-term.md' }]);
});

test('GIVEN a process killed at points through a /kb add THEN the database holds the document whole or not at all, and both processes serve what it holds', async () => {
	const outcomes: string[] = [];
	// From the download's start to past the commit: the download, the build aside and the commit take tens of milliseconds.
	for (const [i, delayMs] of [0, 10, 25, 40, 50, 60, 400].entries()) {
		const id = `crash-${i}`;
		const word = ['amber', 'basalt', 'cobalt', 'dolomite', 'emerald', 'feldspar', 'garnet'][i]!;
		const text = `---\ntitle: Crash report ${i}\n---\nThe Zemblian crash inquiry number ${i} was chaired by the ${word} committee.\n`;
		const { token, path } = kbAdd(a, `${id}.md`, text);
		// The attachment's download is recorded as it is served: the kill is timed from there.
		const deadline = Date.now() + 10_000;
		while (!a.discord.calls.some((call) => call.path === path)) {
			if (Date.now() > deadline) throw new Error(`A never downloaded the upload:\n${a.output.slice(-2000)}`);
			await new Promise((resolve) => setTimeout(resolve, 2));
		}
		await new Promise((resolve) => setTimeout(resolve, delayMs));
		await a.kill();
		const rows = await query<{ content: string }>('SELECT content FROM knowledge_documents WHERE document_id = $1', [id]);
		// Whole or nothing: one row with every byte of the upload, or none.
		expect(rows.length).toBeLessThanOrEqual(1);
		if (rows.length === 1) expect(rows[0]!.content).toBe(text);
		const stored = rows.length === 1;
		const question = `Who chaired the Zemblian crash inquiry number ${i}?`;
		const serves = async (bot: BotProcess) => new RegExp(word).test(textOf(messageOf((await ask(bot, question)).call)));
		// B serves what the database holds (a commit it was told of, or nothing new), and still answers.
		const synced = Date.now() + 2_000;
		while ((await serves(b)) !== stored && Date.now() < synced) await new Promise((resolve) => setTimeout(resolve, 50));
		expect(await serves(b)).toBe(stored);
		// A, started again, serves the same.
		await a.start();
		expect(await serves(a)).toBe(stored);
		outcomes.push(`${delayMs} ms: ${stored ? 'stored' : 'not stored'}${a.discord.callsFor(token).length > 1 ? ', replied' : ''}`);
	}
	console.log(`[postgres e2e] /kb add killed after the download began: ${outcomes.join('; ')}`);
	// The last kill comes well after the commit: at least one run must have stored the document.
	expect(outcomes.some((outcome) => outcome.includes(': stored'))).toBe(true);
}, 120_000);

test('GIVEN an upload that does not build THEN nothing is stored; GIVEN a shipped document removed through one process THEN neither serves it, the removal a row of its own', async () => {
	const before = await query('SELECT seq FROM knowledge_documents');
	const broken = kbAdd(a, 'broken.md', '---\ntitle: [unclosed\n---\nText.\n');
	expect(messageOf(await waitForCall(a, broken.token, 2)).embeds[0].title).toBe('Upload refused');
	expect(await query('SELECT seq FROM knowledge_documents')).toEqual(before);

	const shipped = 'kazakhstan-joins-asia-pacific-forum';
	const question = 'Where was the 19th annual forum held?';
	const servesForum = async (bot: BotProcess) => /Leela Palace/.test(textOf(messageOf((await ask(bot, question)).call)));
	expect(await servesForum(a)).toBe(true);
	const removal = b.discord.interact(
		b.discord.payloads.slash('kb', [{ name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: shipped }] }], { user: USERS.moderator }),
	);
	expect(messageOf(await waitForCall(b, removal.token, 2)).embeds[0].title).toBe('Document removed');
	const removedAt = Date.now();
	while ((await servesForum(a)) && Date.now() - removedAt < 2_000) await new Promise((resolve) => setTimeout(resolve, 50));
	expect(await servesForum(a)).toBe(false);
	expect(await servesForum(b)).toBe(false);
	// The folder's file is still on both machines' disks: the database's row hides it.
	expect(await query('SELECT document_id, action, content FROM knowledge_documents WHERE document_id = $1', [shipped])).toEqual([
		{ document_id: shipped, action: 'remove', content: null },
	]);
	// What was added through Discord before is still served.
	expect(textOf(messageOf((await ask(a, 'How long is the term of the Zemblian ombudsman?')).call))).toMatch(/eleven years/);
});

test('GIVEN a question linked to a fact through one process THEN the other answers it; GIVEN the fact\'s document removed through the other THEN the link goes with it and both still rebuild', async () => {
	const kb = (bot: BotProcess, sub: string, options: unknown[]) => bot.discord.interact(bot.discord.payloads.slash('kb', [{ name: sub, type: 1, options }], { user: USERS.moderator }));
	const question = 'Where do I knock?';
	const VISITORS = /4 Orl Street/;
	const answers = async (bot: BotProcess) => VISITORS.test(textOf(messageOf((await ask(bot, question)).call)));
	const added = kbAdd(a, 'zemblian-visitors.md', '---\ntitle: Visiting the Zemblian ombudsman\n---\nThe Zemblian ombudsman receives visitors at 4 Orl Street.\n');
	expect(messageOf(await waitForCall(a, added.token, 2)).embeds[0].title).toBe('Document added');
	expect(await answers(b)).toBe(false);

	const typed = a.discord.payloads.interaction(4, { id: '1', name: 'kb', type: 1, options: [{ name: 'answer', type: 1, options: [{ name: 'question', type: 3, value: question }, { name: 'fact', type: 3, value: 'receives visitors Orl Street', focused: true }] }] }, { user: USERS.moderator });
	const factId: string = (await a.interact(typed)).call.body.data.choices[0].value;
	expect(factId).toMatch(/^zemblian-visitors:/);
	const link = kb(a, 'answer', [{ name: 'question', type: 3, value: question }, { name: 'fact', type: 3, value: factId }]);
	expect(messageOf(await waitForCall(a, link.token, 2)).embeds[0].title).toBe('Question answered');
	const linkedAt = Date.now();
	while (!(await answers(b)) && Date.now() - linkedAt < 2_000) await new Promise((resolve) => setTimeout(resolve, 50));
	expect(await answers(b)).toBe(true);
	// The link lives in the database, not in A's folder: A's copy of the knowledge folder has no curated.yaml.
	expect(existsSync(join(root, 'a-knowledge', 'curated.yaml'))).toBe(false);
	expect((await query<{ content: string }>('SELECT content FROM knowledge_curated ORDER BY seq DESC LIMIT 1'))[0]!.content).toContain(question);

	// Removed through B, the document takes its curated entry with it in the same change: A's rebuild has no stale
	// entry to refuse, so A stops serving the document (before, A kept it, its own curated.yaml naming it).
	const removal = kb(b, 'remove', [{ name: 'document', type: 3, value: 'zemblian-visitors' }]);
	expect(textOf(messageOf(await waitForCall(b, removal.token, 2)))).toMatch(/dropped from `curated.yaml`: 1\./);
	const removedAt = Date.now();
	while ((await answers(a)) && Date.now() - removedAt < 2_000) await new Promise((resolve) => setTimeout(resolve, 50));
	expect(await answers(a)).toBe(false);
	expect(await answers(b)).toBe(false);
	expect((await query<{ content: string }>('SELECT content FROM knowledge_curated ORDER BY seq DESC LIMIT 1'))[0]!.content).not.toContain(question);
	expect(a.output).not.toMatch(/curated\.yaml.*is not in the knowledge folder/);
});

async function waitForCall(bot: BotProcess, token: string, n: number, timeoutMs = 10_000): Promise<RecordedCall> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const calls = bot.discord.callsFor(token);
		if (calls.length >= n) return calls[n - 1]!;
		if (Date.now() > deadline) throw new Error(`${bot.name}: expected ${n} calls for ${token}, got ${calls.length}\n${bot.output.slice(-2000)}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
