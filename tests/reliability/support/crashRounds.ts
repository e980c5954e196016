/**
 * Kills the real bot process (`npm start`'s entry point) with SIGKILL in the middle of `/kb add`
 * and `/kb refresh`, restarts it, and checks that the knowledge folder and the store are intact:
 * each document is its old or its new version, never half; the store passes SQLite's integrity check.
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { loadKnowledgeBase } from '../../../src/answering/index.ts';
import { STORE_FILE } from '../../../src/store/store.ts';
import { MOD_ROLE, PROJECT_KNOWLEDGE, TEST_TOKEN, USERS } from '../../support/botHarness.ts';
import { snowflake, startFakeDiscord, type FakeDiscord } from '../../support/fakeDiscord.ts';
import { random } from './burst.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Version `v` of the big document: ~260 KB, so validating and indexing it takes a while to interrupt. */
export function bigDocument(v: number): string {
	const lines = Array.from(
		{ length: 3_000 },
		(_, i) => `Version ${v} of the register lists complaint number ${i} from region ${i % 17}, closed in ${2000 + (i % 20)}.`,
	);
	return `---\ntitle: Complaints register v${v}\n---\n${lines.join('\n')}\n`;
}

interface Child {
	process: ChildProcess;
	output: () => string;
	exited: Promise<number | null>;
}

function spawnBot(env: Record<string, string>): Child {
	const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
		cwd: ROOT,
		env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return { process: child, output: () => output, exited };
}

async function until(check: () => boolean, timeoutMs: number, what: string, output?: () => string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${output ? `\n${output().slice(-2_000)}` : ''}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

export interface CrashReport {
	kills: { action: 'add' | 'refresh'; delayMs: number; found: 'old' | 'new' | 'unchanged' }[];
	temporariesCleaned: number;
}

/**
 * Runs `rounds` kill rounds alternating `/kb add` (replacing `register.md` with its next version)
 * and `/kb refresh`, each killed `delayMs` after the bot started downloading or was asked; delays are
 * spread over the whole operation by a seeded PRNG. After each kill, checks the folder and the store,
 * then restarts the bot for the next round; at the end the restarted bot answers.
 */
export async function crashRounds(options: { rounds: number; seed: number; maxDelayMs: number }): Promise<CrashReport> {
	const discord: FakeDiscord = await startFakeDiscord({ token: TEST_TOKEN, roles: [{ id: MOD_ROLE, name: 'Moderators' }] });
	const root = mkdtempSync(join(tmpdir(), 'ombudsbot-crash-'));
	const knowledgeDir = join(root, 'knowledge');
	const dataDir = join(root, 'data');
	mkdirSync(knowledgeDir);
	cpSync(PROJECT_KNOWLEDGE, knowledgeDir, { recursive: true });
	writeFileSync(join(knowledgeDir, 'register.md'), bigDocument(0));
	const env = {
		DISCORD_TOKEN: TEST_TOKEN,
		DISCORD_API_URL: discord.apiUrl,
		KNOWLEDGE_DIR: knowledgeDir,
		DATA_DIR: dataDir,
		MODERATOR_ROLE_IDS: MOD_ROLE,
		ASK_REFILL_SECONDS: '0',
		LOG_LEVEL: 'info',
	};
	const rand = random(options.seed);
	const report: CrashReport = { kills: [], temporariesCleaned: 0 };
	let version = 0;
	let child: Child | null = null;
	try {
		for (let round = 0; round < options.rounds; round++) {
			child = spawnBot(env);
			const current = child;
			await until(() => current.output().includes('"msg":"bot ready"'), 20_000, 'bot ready', current.output);
			report.temporariesCleaned += (current.output().match(/removed temporary files left by an interrupted write/g) ?? []).length;
			const action = round % 2 === 0 ? 'add' : 'refresh';
			const delayMs = Math.floor(rand() * options.maxDelayMs);
			const next = version + 1;
			let started: () => boolean;
			if (action === 'add') {
				const url = discord.serveFile('register.md', bigDocument(next));
				const id = snowflake();
				const size = Buffer.byteLength(bigDocument(next));
				const before = discord.calls.length;
				discord.interact(
					discord.payloads.slash('kb', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: id }, { name: 'replace', type: 5, value: true }] }], {
						user: USERS.moderator,
						resolved: { attachments: { [id]: { id, filename: 'register.md', size, url, proxy_url: url, content_type: 'text/markdown' } } },
					}),
				);
				started = () => discord.calls.slice(before).some((call) => call.path.startsWith('/attachments/'));
			} else {
				const before = discord.calls.length;
				discord.interact(discord.payloads.slash('kb', [{ name: 'refresh', type: 1, options: [] }], { user: USERS.moderator }));
				started = () => discord.calls.slice(before).some((call) => call.path.endsWith('/callback'));
			}
			await until(started, 10_000, `${action} to start`, current.output);
			await new Promise((resolve) => setTimeout(resolve, delayMs));
			current.process.kill('SIGKILL');
			await current.exited;
			child = null;

			// The folder: every document whole; the one being replaced is its old or its new version.
			const text = existsSync(join(knowledgeDir, 'register.md')) ? readFileSync(join(knowledgeDir, 'register.md'), 'utf8') : null;
			let found: 'old' | 'new' | 'absent' = 'absent';
			if (text === bigDocument(version)) found = 'old';
			else if (text === bigDocument(next)) found = 'new';
			expect(found, `round ${round}: register.md is neither old nor new`).not.toBe('absent');
			if (found === 'new') version = next;
			report.kills.push({ action, delayMs, found: action === 'refresh' ? 'unchanged' : (found as 'old' | 'new') });
			const { knowledgeBase, problems } = await loadKnowledgeBase(knowledgeDir);
			expect(problems).toEqual([]);
			expect(knowledgeBase?.documents.map((document) => document.id).sort()).toEqual(['kazakhstan-joins-asia-pacific-forum', 'register']);
			expect(readdirSync(knowledgeDir).filter((name) => !name.startsWith('.')).sort()).toEqual([
				'kazakhstan-joins-asia-pacific-forum.txt',
				'lexicon.json',
				'register.md',
			]);

			// The store: intact, every audit line readable.
			if (existsSync(join(dataDir, STORE_FILE))) {
				const db = new Database(join(dataDir, STORE_FILE));
				try {
					expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
					for (const row of db.prepare('SELECT detail FROM audit').all() as { detail: string }[]) expect(() => JSON.parse(row.detail)).not.toThrow();
				} finally {
					db.close();
				}
			}
		}

		// Restarted once more: leftovers cleaned, the latest surviving version served, questions answered.
		child = spawnBot(env);
		const last = child;
		await until(() => last.output().includes('"msg":"bot ready"'), 20_000, 'bot ready', last.output);
		report.temporariesCleaned += (last.output().match(/removed temporary files left by an interrupted write/g) ?? []).length;
		expect(readdirSync(knowledgeDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
		const ask = discord.interact(discord.payloads.slash('ask', [{ name: 'question', type: 3, value: `When was complaint number 1234 in version ${version} of the register closed?` }]));
		const reply = await discord.waitForCall((call) => call.path.includes(ask.token), 10_000);
		expect(JSON.stringify(reply.body.data.embeds[0])).toContain('`register`');
		last.process.kill('SIGTERM');
		expect(await last.exited).toBe(0);
		child = null;
		return report;
	} finally {
		if (child) {
			child.process.kill('SIGKILL');
			await child.exited;
		}
		await discord.close();
		rmSync(root, { recursive: true, force: true });
	}
}
