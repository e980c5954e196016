/**
 * Issue 6, faults: the network and the store misbehave during bursts; nothing is lost, nothing is
 * doubled, nothing crashes. (Killed processes: crash.test.ts.)
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STORE_FILE } from '../../src/store/store.ts';
import type { Command } from '../../src/discord/types.ts';
import type { Interceptor } from '../support/fakeDiscord.ts';
import { customIdsOf, expectNoPings, messageOf, startTestBot, USERS, type TestBot } from '../support/botHarness.ts';
import { answerIdOf, makeUsers, planBurst, runBurst, summarize, type BurstItem } from './support/burst.ts';

let t: TestBot;
/** Faults injected and survived, for the README's figures. */
const faults: Record<string, number> = {};
const count = (name: string, n = 1) => {
	faults[name] = (faults[name] ?? 0) + n;
};

beforeAll(async () => {
	t = await startTestBot({ env: { LOG_LEVEL: 'info' } });
});

afterAll(async () => {
	console.log(`[reliability] faults injected: ${JSON.stringify(faults)}`);
	await t?.close();
});

/** A burst without cooldown refusals: `n` questions from `n / 2` users over `spreadMs`. */
function burst(n: number, spreadMs: number, seed: number): BurstItem[] {
	const users = makeUsers(Math.ceil(n / 2));
	return planBurst({ users, spaced: 2, impatient: 0, spacingMs: spreadMs / 2, impatientMs: 0, startSpreadMs: spreadMs / 2, seed }).map((item) => ({
		...item,
		expect: 'any' as const,
	}));
}

function intercepting<T>(interceptor: Interceptor, run: () => Promise<T>): Promise<T> {
	const remove = t.discord.intercept(interceptor);
	return run().finally(remove);
}

const rateLimited = (retryAfter: number, global = false) => ({
	status: 429,
	body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
	headers: {
		'retry-after': String(Math.ceil(retryAfter)),
		'x-ratelimit-scope': global ? 'global' : 'user',
		...(global ? { 'x-ratelimit-global': 'true' } : {}),
	},
});

function expectAllAnsweredOnce(outcomes: Awaited<ReturnType<typeof runBurst>>['outcomes'], maxMs = 3_000) {
	const summary = summarize(outcomes);
	expect({ lost: summary.lost, doubled: summary.doubled, other: summary.other }).toEqual({ lost: 0, doubled: 0, other: 0 });
	expect(summary.maxMs).toBeLessThanOrEqual(maxMs);
	return summary;
}

describe('gateway', () => {
	test('GIVEN the gateway dropped mid-burst THEN the bot resumes and answers every interaction, those sent while away included', async () => {
		const items = burst(80, 1_600, 1);
		const resumesBefore = t.discord.resumes;
		const { outcomes } = await runBurst(t, items, { during: [{ at: 600, run: () => t.discord.dropConnections() }] });
		count('gateway drop mid-burst');
		expect(t.discord.resumes).toBe(resumesBefore + 1);
		const summary = expectAllAnsweredOnce(outcomes);
		expect(summary.answers).toBe(80);
		expect(t.logs.some((line) => line.includes('gateway resumed'))).toBe(true);
	});

	test('GIVEN the gateway dropped with a code that forbids resuming THEN the bot identifies again and keeps answering', async () => {
		const identifies = t.discord.identifies;
		t.discord.dropConnections(4009); // session timed out: a fresh IDENTIFY
		const deadline = Date.now() + 8_000;
		while (t.discord.identifies === identifies && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		while (!t.discord.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		count('gateway session invalidated');
		const { outcomes } = await runBurst(t, burst(20, 400, 2));
		expectAllAnsweredOnce(outcomes);
	});
});

describe('rate limits', () => {
	test('GIVEN a 429 with retry_after on a third of the reply callbacks THEN every reply still arrives, once', async () => {
		const limited = new Set<string>();
		let n = 0;
		const { outcomes } = await intercepting(
			(call) => {
				if (!call.path.endsWith('/callback') || limited.has(call.path) || n++ % 3 !== 0) return undefined;
				limited.add(call.path);
				return rateLimited(0.25);
			},
			() => runBurst(t, burst(60, 1_000, 3)),
		);
		count('429 on reply callback', limited.size);
		expect(limited.size).toBe(20);
		const summary = expectAllAnsweredOnce(outcomes);
		expect(summary.answers).toBe(60);
		for (const o of outcomes.filter((x) => limited.has(x.calls[0]!.path))) expect(o.calls.map((call) => call.status)).toEqual([429, 204]);
	});

	test('GIVEN a global 429 mid-burst THEN the bot waits it out and every reply still arrives', async () => {
		let fired = false;
		const { outcomes } = await intercepting(
			(call) => {
				if (fired || !call.path.endsWith('/callback')) return undefined;
				fired = true;
				return rateLimited(0.5, true);
			},
			() => runBurst(t, burst(30, 600, 4)),
		);
		count('global 429');
		expect(fired).toBe(true);
		expectAllAnsweredOnce(outcomes);
	});

	test('GIVEN a 429 on the edit of a deferred reply (/kb refresh) THEN the edit still arrives', async () => {
		let hits = 0;
		await intercepting(
			(call) => (call.method === 'PATCH' && call.path.endsWith('/messages/@original') && hits++ === 0 ? rateLimited(0.3) : undefined),
			async () => {
				const { token } = t.discord.interact(t.discord.payloads.slash('kb', [{ name: 'refresh', type: 1, options: [] }], { user: USERS.moderator }));
				const edit = await t.nthCall(token, 3);
				expect(t.discord.callsFor(token).map((call) => call.status)).toEqual([204, 429, 200]);
				expect(messageOf(edit).embeds[0].title).toBe('Knowledge base refreshed');
			},
		);
		count('429 on deferred edit');
	});

	test('GIVEN a 429 on a follow-up message THEN the follow-up still arrives', async () => {
		const commands = t.bot.ctx.commands as Map<string, Command>;
		const original = commands.get('about')!;
		// A handler that replies, then fails: the apology goes out as a follow-up.
		commands.set('about', {
			data: original.data,
			execute: async (interaction, ctx) => {
				await original.execute(interaction, ctx);
				throw new Error('after the reply');
			},
		});
		let hits = 0;
		try {
			await intercepting(
				(call) => (call.method === 'POST' && /^\/webhooks\/\d+\/tok-/.test(call.path) && hits++ === 0 ? rateLimited(0.3) : undefined),
				async () => {
					const { token } = t.discord.interact(t.discord.payloads.slash('about'));
					const followUp = await t.nthCall(token, 3);
					expect(t.discord.callsFor(token).map((call) => `${call.method} ${call.status}`)).toEqual(['POST 204', 'POST 429', 'POST 200']);
					expect(followUp.body).toMatchObject({ flags: 64, content: expect.stringMatching(/Sorry, something went wrong/) });
				},
			);
		} finally {
			commands.set('about', original);
		}
		count('429 on follow-up');
	});

	test('GIVEN a 429 on a DM reply THEN the reply still arrives', async () => {
		let hits = 0;
		await intercepting(
			(call) => (call.method === 'POST' && /^\/channels\/\d+\/messages$/.test(call.path) && hits++ === 0 ? rateLimited(0.3) : undefined),
			async () => {
				const payload = t.discord.payloads.message('When did Kazakhstan join the forum?', { dm: true, user: USERS.other });
				t.discord.sendMessage(payload);
				const reply = await t.discord.waitForCall((call) => call.status === 200 && call.body?.message_reference?.message_id === payload.id);
				expect(reply.body.embeds[0].title).toBe('When did Kazakhstan join the forum?');
				expect(hits).toBe(2);
			},
		);
		count('429 on DM reply');
	});
});

describe('server errors', () => {
	test('GIVEN a 500 once on some reply callbacks THEN each is retried and arrives once', async () => {
		const failed = new Set<string>();
		let n = 0;
		const { outcomes } = await intercepting(
			(call) => {
				if (!call.path.endsWith('/callback') || failed.has(call.path) || n++ % 4 !== 0) return undefined;
				failed.add(call.path);
				return { status: 500, body: { message: '500: Internal Server Error', code: 0 } };
			},
			() => runBurst(t, burst(40, 800, 5)),
		);
		count('500 once on reply callback', failed.size);
		expect(failed.size).toBe(10);
		expectAllAnsweredOnce(outcomes);
	});

	test('GIVEN a 500 after Discord already accepted the reply THEN no second reply, no crash, and the bot keeps answering', async () => {
		let hits = 0;
		const { outcomes } = await intercepting(
			(call) => (call.path.endsWith('/callback') && hits++ === 0 ? { status: 500, body: { message: 'upstream timeout' }, applied: true } : undefined),
			() => runBurst(t, burst(6, 200, 6)),
		);
		count('500 after the reply was applied');
		const [first] = outcomes;
		// The user has the reply; the retry was refused as already acknowledged and nothing else was sent.
		expect(first!.calls.map((call) => call.status)).toEqual([500, 400]);
		expect(outcomes.slice(1).every((o) => o.accepted.length === 1 && o.kind === 'answer')).toBe(true);
	});

	test('GIVEN a callback that keeps failing with 500 THEN the failure is logged, nothing crashes, and the next question is answered', async () => {
		let victim: string | null = null;
		const logsBefore = t.logs.length;
		await intercepting(
			(call) => {
				if (!call.path.endsWith('/callback')) return undefined;
				victim ??= call.path;
				return call.path === victim ? { status: 500, body: { message: 'down' } } : undefined;
			},
			async () => {
				const { token } = t.discord.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'Who hosted the meeting?' }]));
				// discord.js retries, then the bot tries its apology, which fails too: both logged.
				const deadline = Date.now() + 10_000;
				while (!t.logs.slice(logsBefore).some((line) => line.includes('could not send the error reply')) && Date.now() < deadline) {
					await new Promise((r) => setTimeout(r, 50));
				}
				expect(t.discord.callsFor(token).every((call) => call.status === 500)).toBe(true);
			},
		);
		count('persistent 500 on reply callback');
		expect(t.logs.slice(logsBefore).some((line) => line.includes('could not send the error reply'))).toBe(true);
		const { outcomes } = await runBurst(t, burst(4, 100, 7));
		expectAllAnsweredOnce(outcomes);
	});
});

describe('store failures', () => {
	test('GIVEN the store failing to write for part of a burst THEN every answer still goes out (without buttons) and each failure is logged', async () => {
		const store = t.bot.ctx.store;
		const original = store.recordAnswer.bind(store);
		let failures = 0;
		store.recordAnswer = (record) => {
			if (Math.random() < 0.5) {
				failures += 1;
				throw Object.assign(new Error('SQLITE_IOERR: disk I/O error'), { code: 'SQLITE_IOERR' });
			}
			original(record);
		};
		const logsBefore = t.logs.length;
		try {
			const { outcomes } = await runBurst(t, burst(40, 600, 8));
			expectAllAnsweredOnce(outcomes);
			const withoutButtons = outcomes.filter((o) => answerIdOf(o) === null && customIdsOf(o.accepted[0]!.body.data).length === 0);
			expect(withoutButtons.length).toBe(failures);
			expect(t.logs.slice(logsBefore).filter((line) => line.includes('could not record an answer')).length).toBe(failures);
		} finally {
			store.recordAnswer = original;
		}
		count('store write failure (I/O error)', failures);
	});

	test('GIVEN another process holding the store\'s write lock THEN answers still go out inside 3 s and the failure is logged', async () => {
		const other = new Database(join(t.dataDir, STORE_FILE));
		other.pragma('busy_timeout = 0');
		other.exec('BEGIN IMMEDIATE');
		const logsBefore = t.logs.length;
		try {
			const { outcomes } = await runBurst(t, burst(20, 400, 9), { settleMs: 15_000 });
			expectAllAnsweredOnce(outcomes);
			expect(t.logs.slice(logsBefore).some((line) => line.includes('could not record an answer') && /SQLITE_BUSY|locked/.test(line))).toBe(true);
		} finally {
			other.exec('ROLLBACK');
			other.close();
		}
		count('store locked by another process');
		// Once the lock is gone, answers are recorded again (with buttons).
		const { outcomes } = await runBurst(t, burst(4, 100, 10));
		expect(outcomes.every((o) => answerIdOf(o) !== null || o.accepted[0]!.body.data.embeds[0].fields[0].value.startsWith('🔴'))).toBe(true);
	});

	test('GIVEN the store failing on a 👍 THEN a clear ephemeral error, logged, and the vote works once the store is back', async () => {
		const asked = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'Who hosted the meeting?' }], { user: USERS.other }));
		const up = customIdsOf(asked.body.data).find((id) => id.startsWith('vote:'))!;
		const store = t.bot.ctx.store;
		const original = store.recordVote.bind(store);
		store.recordVote = () => {
			throw Object.assign(new Error('SQLITE_FULL: database or disk is full'), { code: 'SQLITE_FULL' });
		};
		try {
			const click = await t.interact(t.discord.payloads.button(up, asked.body.data, { user: USERS.other }));
			expect(click.body.data.flags).toBe(64);
			expect(click.body.data.content).toMatch(/could not record your vote/i);
			expect(t.logs.some((line) => line.includes('SQLITE_FULL'))).toBe(true);
		} finally {
			store.recordVote = original;
		}
		count('store write failure on a vote');
		const again = await t.interact(t.discord.payloads.button(up, asked.body.data, { user: USERS.other }));
		expect(again.body.data.content).toMatch(/recorded/);
	});

	test('GIVEN all of the above THEN nothing the bot sent could ping anyone', () => {
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(200);
	});
});
