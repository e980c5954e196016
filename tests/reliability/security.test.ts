/**
 * Issue 6, security: curation refused to those not allowed even when Discord's command permissions
 * are bypassed (the payload is sent anyway), only owners in DMs, the token nowhere it could leak,
 * and no user input near a shell, `eval` or an unchecked path.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Command } from '../../src/discord/types.ts';
import { PERMISSIONS, snowflake, startFakeDiscord, type FakeUser } from '../support/fakeDiscord.ts';
import { MOD_ROLE, startTestBot, TEST_TOKEN, USERS, type TestBot } from '../support/botHarness.ts';
import { runMain } from '../support/runMain.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The token and its signature part (a credential on its own). */
const SECRETS = [TEST_TOKEN, TEST_TOKEN.split('.')[2]!];
const expectNoSecret = (text: string, where: string) => {
	for (const secret of SECRETS) expect(text.includes(secret), `${where} contains the token`).toBe(false);
};

let t: TestBot;

beforeAll(async () => {
	t = await startTestBot({ env: { LOG_LEVEL: 'trace' } });
});

afterAll(async () => {
	await t?.close();
});

describe('curation permissions, checked at execution', () => {
	const intruders: { who: string; user: FakeUser; dm?: boolean; reason: RegExp }[] = [
		{ who: 'a member', user: USERS.member, reason: /moderator roles/ },
		{ who: 'a Manage Server admin without the role', user: USERS.admin, reason: /moderator roles/ },
		{ who: 'an Administrator without the role', user: { id: '930000000000000006', username: 'root', roles: [], permissions: PERMISSIONS.member | PERMISSIONS.administrator }, reason: /moderator roles/ },
		{ who: 'a member with a look-alike role', user: { id: '930000000000000007', username: 'mimic', roles: [String(BigInt(MOD_ROLE) + 1n)], permissions: PERMISSIONS.member }, reason: /moderator roles/ },
		{ who: 'a moderator in DMs', user: USERS.moderator, dm: true, reason: /only the bot's owners/ },
		{ who: 'an admin in DMs', user: USERS.admin, dm: true, reason: /only the bot's owners/ },
	];
	const subcommands = (): [string, unknown[], Record<string, unknown>][] => {
		const id = snowflake();
		const url = t.discord.serveFile('intruder.md', 'The intruder wrote this.\n');
		return [
			['refresh', [], {}],
			['status', [], {}],
			['gaps', [], {}],
			['remove', [{ name: 'document', type: 3, value: 'kazakhstan-joins-asia-pacific-forum' }], {}],
			['add', [{ name: 'file', type: 11, value: id }, { name: 'replace', type: 5, value: true }], { resolved: { attachments: { [id]: { id, filename: 'intruder.md', size: 25, url, proxy_url: url } } } }],
		];
	};

	for (const row of intruders) {
		test(`GIVEN ${row.who} sending every /kb subcommand anyway THEN each is refused ephemerally and nothing changes`, async () => {
			const listing = readdirSync(t.knowledgeDir).sort();
			const served = t.bot.ctx.knowledge.current;
			const downloads = t.discord.calls.filter((call) => call.path.startsWith('/attachments')).length;
			for (const [sub, options, extra] of subcommands()) {
				const { body } = await t.interact(t.discord.payloads.slash('kb', [{ name: sub, type: 1, options }], { user: row.user, dm: row.dm ?? false, ...extra }));
				expect(body.type, sub).toBe(4);
				expect(body.data.flags, sub).toBe(64);
				expect(body.data.content, sub).toMatch(row.reason);
			}
			const typed = t.discord.payloads.interaction(
				4,
				{ id: '1', name: 'kb', type: 1, options: [{ name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: '', focused: true }] }] },
				{ user: row.user, dm: row.dm ?? false },
			);
			expect((await t.interact(typed)).body.data.choices).toEqual([]);
			expect(readdirSync(t.knowledgeDir).sort()).toEqual(listing);
			expect(t.bot.ctx.knowledge.current).toBe(served);
			expect(t.discord.calls.filter((call) => call.path.startsWith('/attachments')).length).toBe(downloads);
			expect((await t.bot.ctx.store.recentAudit(50)).filter((entry) => entry.actorId === row.user.id)).toEqual([]);
		});
	}

	test('GIVEN the owner in DMs and a moderator in the server THEN curation works', async () => {
		const owner = await t.interact(t.discord.payloads.slash('kb', [{ name: 'status', type: 1, options: [] }], { user: USERS.owner, dm: true }));
		expect(owner.body.data.embeds[0].title).toBe('Knowledge base status');
		const moderator = await t.interact(t.discord.payloads.slash('kb', [{ name: 'status', type: 1, options: [] }], { user: USERS.moderator }));
		expect(moderator.body.data.embeds[0].title).toBe('Knowledge base status');
	});
});

describe('the token never leaks', () => {
	test('GIVEN a session with errors that carry the token, at trace level THEN no log line, reply or REST body contains it', async () => {
		const commands = t.bot.ctx.commands as Map<string, Command>;
		const original = commands.get('about')!;
		commands.set('about', {
			data: original.data,
			execute: async () => {
				throw new Error(`request failed: Authorization: Bot ${TEST_TOKEN}`);
			},
		});
		try {
			const { body } = await t.interact(t.discord.payloads.slash('about'));
			expect(body.data.content).toMatch(/Sorry, something went wrong/);
			t.bot.ctx.logger.info({ token: TEST_TOKEN, headers: { authorization: `Bot ${TEST_TOKEN}` }, url: `https://x/?t=${SECRETS[1]}` }, `careless ${TEST_TOKEN}`);
		} finally {
			commands.set('about', original);
		}
		expect(t.logs.some((line) => line.includes('request failed'))).toBe(true);
		expectNoSecret(t.logs.join('\n'), 'the logs');
		// What the bot sent (the Authorization header aside, which must carry it).
		expectNoSecret(JSON.stringify(t.discord.calls.map((call) => ({ path: call.path, query: call.query, body: call.body }))), 'a REST call');
	});

	test('GIVEN a login Discord refuses THEN the error, its stack and the trace logs hold no token', async () => {
		const discord = await startFakeDiscord({ token: 'OTk5OTk5OTk5OTk5OTk5OTk5.Gother.another-token-the-server-expects' });
		const lines: string[] = [];
		try {
			const { startBot } = await import('../../src/discord/bot.ts');
			const { parseEnv } = await import('../../src/env.ts');
			const env = parseEnv({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: discord.apiUrl, DATA_DIR: ':memory:', LOG_LEVEL: 'trace' });
			const error = await startBot(env, { logDestination: { write: (line: string) => void lines.push(line) }, handleSignals: false }).then(
				() => null,
				(failure: Error) => failure,
			);
			expect(error?.message).toMatch(/DISCORD_TOKEN is invalid/);
			expectNoSecret(`${error?.message}\n${error?.stack}\n${JSON.stringify(error)}`, 'the error');
			expectNoSecret(lines.join('\n'), 'the logs');
		} finally {
			await discord.close();
		}
	});

	/** Runs `npm start`'s entry point and returns everything it printed; `killAfter` may stop it with SIGTERM. */
	function start(env: Record<string, string>, killAfter?: (output: string) => boolean) {
		return runMain(env, (output, child) => {
			if (killAfter?.(output)) child.kill('SIGTERM');
		});
	}


	test('GIVEN npm start with a malformed token, a refused token, or an unusable data folder THEN it exits cleanly and prints no token', async () => {
		const discord = await startFakeDiscord({ token: 'OTk5OTk5OTk5OTk5OTk5OTk5.Gother.another-token-the-server-expects' });
		const data = mkdtempSync(join(tmpdir(), 'ombudsbot-sec-'));
		try {
			const malformed = 'Bot OTAw.malformed"token-with-quote';
			const runs = await Promise.all([
				start({ DISCORD_TOKEN: malformed, LOG_LEVEL: 'trace' }),
				start({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: discord.apiUrl, DATA_DIR: data, LOG_LEVEL: 'trace' }),
				// A file where the data folder should be: the store cannot open.
				start({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: discord.apiUrl, DATA_DIR: join(ROOT, 'package.json'), LOG_LEVEL: 'trace' }),
			]);
			expect(runs.map((run) => run.code)).toEqual([2, 1, 1]);
			expect(runs[0].output).toMatch(/DISCORD_TOKEN is malformed/);
			expect(runs[0].output).not.toContain('malformed"token');
			expect(runs[1].output).toMatch(/Discord refused the login/);
			expect(runs[2].output).toMatch(/Could not start the Discord bot: the data folder DATA_DIR=.* is a file, not a folder/);
			expect(runs[2].output).not.toMatch(/EEXIST|mkdir/);
			for (const run of runs) expectNoSecret(run.output, 'npm start output');
		} finally {
			await discord.close();
			rmSync(data, { recursive: true, force: true });
		}
	});
});

describe('no user input near a shell, eval or an unchecked path', () => {
	const sources = ['src', 'commands'].flatMap((dir) =>
		(readdirSync(join(ROOT, dir), { recursive: true }) as string[])
			.map(String)
			.filter((file) => file.endsWith('.ts'))
			.map((file) => ({
				file: `${dir}/${file}`,
				// Code only: comment lines may mention anything.
				text: readFileSync(join(ROOT, dir, file), 'utf8')
					.split('\n')
					.filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
					.join('\n'),
			})),
	);

	test('GIVEN the source THEN no shell, eval, Function constructor or vm anywhere', () => {
		// `manager.spawn()` (discord.js's ShardingManager starting its own shard processes) is a method, not a shell.
		const forbidden = /child_process|\beval\s*\(|new\s+Function\s*\(|node:vm|\bexecSync\b|\bexecFile\b|(?<![.\w])spawn\s*\(/;
		expect(sources.filter(({ text }) => forbidden.test(text)).map(({ file }) => file)).toEqual([]);
	});

	test('GIVEN the source THEN dynamic imports load only fixed modules or the commands folder', () => {
		const dynamic = sources.flatMap(({ file, text }) => [...text.matchAll(/\bimport\((?!'\.\/[\w/.]+\.ts'\))/g)].map(() => file));
		// The registry imports each `*.ts` file it lists in the commands folder: a folder only admins write. The
		// ingestion pool's worker bootstrap imports tsx's own API and the fixed worker module, both resolved at build.
		expect(dynamic).toEqual(['src/discord/registry.ts', 'src/knowledge/ingestPool.ts']);
	});

	test('GIVEN the source THEN the only file-system writes are the atomic writer, the curation moves and the store folder', () => {
		const writes = /\b(writeFile|writeFileSync|appendFile|appendFileSync|unlink|unlinkSync|rename|renameSync|rm|rmSync|mkdir|mkdirSync|open|copyFile|cpSync|symlink|chmod)\s*\(/g;
		const sites = sources.flatMap(({ file, text }) =>
			text.split('\n').flatMap((line) => (line.match(writes) ?? []).map(() => `${relative('.', file)}:${line.trim().slice(0, 60)}`)),
		);
		// Each is reviewed: paths come from insideFolder(KNOWLEDGE_DIR, safeDocumentName(...)) or
		// from the knowledge base's own file list, the data folder, or the writer's own temporary file.
		expect(sites.map((site) => site.split(':')[0]).sort()).toEqual(
			[
				'src/cli/ask.ts', // Store.open(DATA_DIR) for --session conversations
				'src/discord/curation.ts', // unlink(target) where target = insideFolder(dir, safeName)
				'src/discord/curation.ts', // mkdir(DATA_DIR/removed)
				'src/discord/curation.ts', // unlink(source) where source = insideFolder(dir, document.file)
				'src/discord/uploads.ts', // open(temporary, 'wx')
				'src/discord/uploads.ts', // handle.writeFile
				'src/discord/uploads.ts', // rename(temporary, target)
				'src/discord/uploads.ts', // unlink(temporary)
				'src/discord/uploads.ts', // unlink of a dead writer's temporary file
				'src/knowledge/curated.ts', // unlink(KNOWLEDGE_DIR/curated.yaml): undoing a link that created the file
				'src/language/wordnetCompile.ts', // mkdirSync of the WordNet cache folder under node_modules/.cache
				'src/language/wordnetCompile.ts', // writeFileSync of its temporary file there
				'src/language/wordnetCompile.ts', // renameSync of that file into place
				'src/store/store.ts', // static open(
				'src/store/store.ts', // mkdirSync(dataDir)
				'src/store/store.ts', // openStore: Store.open(DATA_DIR) when no DATABASE_URL is set (the bot's store)
			].sort(),
		);
	});
});
