/**
 * Issue 6, faults on the network: a dropped gateway, 429s and 500s during bursts. Every reply
 * still arrives, once; nothing crashes. (Store failures: faults.store.test.ts; kills: crash.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Command } from '../../src/discord/types.ts';
import { expectNoPings, messageOf, startTestBot, USERS, type TestBot } from '../support/botHarness.ts';
import { runBurst } from './support/burst.ts';
import { burst, expectAllAnsweredOnce, faultCounter, intercepting, rateLimited } from './support/faultKit.ts';

let t: TestBot;
const { faults, count } = faultCounter();

beforeAll(async () => {
	t = await startTestBot({ env: { LOG_LEVEL: 'info' } });
});

afterAll(async () => {
	console.log(`[reliability] network faults injected: ${JSON.stringify(faults)}`);
	await t?.close();
});

describe('gateway', () => {
	test('GIVEN the gateway dropped mid-burst THEN the bot resumes and answers every interaction, those sent while away included', async () => {
		const items = burst(60, 1_000, 1);
		const resumesBefore = t.discord.resumes;
		const { outcomes } = await runBurst(t, items, { during: [{ at: 400, run: () => t.discord.dropConnections() }] });
		count('gateway drop mid-burst');
		expect(t.discord.resumes).toBe(resumesBefore + 1);
		const summary = expectAllAnsweredOnce(outcomes);
		expect(summary.answers).toBe(60);
		expect(t.logs.some((line) => line.includes('gateway resumed'))).toBe(true);
	});
});

describe('rate limits', () => {
	test('GIVEN a 429 with retry_after on a third of the reply callbacks THEN every reply still arrives, once', async () => {
		const limited = new Set<string>();
		let n = 0;
		const { outcomes } = await intercepting(
			t,
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
			t,
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
			t,
			(call) => (call.method === 'PATCH' && /\/messages\/(@|%40)original$/.test(call.path) && hits++ === 0 ? rateLimited(0.3) : undefined),
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
			t,
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
			t,
			(call) => (call.method === 'POST' && /^\/channels\/\d+\/messages$/.test(call.path) && hits++ === 0 ? rateLimited(0.3) : undefined),
			async () => {
				const payload = t.discord.payloads.message('Where was the 19th annual forum held?', { dm: true, user: USERS.other });
				t.discord.sendMessage(payload);
				const reply = await t.discord.waitForCall((call) => call.status === 200 && call.body?.message_reference?.message_id === payload.id);
				expect(reply.body.embeds[0].title).toBe('Where was the 19th annual forum held?');
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
			t,
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
			t,
			(call) => (call.path.endsWith('/callback') && hits++ === 0 ? { status: 500, body: { message: 'upstream timeout' }, applied: true } : undefined),
			() => runBurst(t, burst(6, 200, 6), { settleMs: 800 }),
		);
		count('500 after the reply was applied');
		const [first] = outcomes;
		// The retry is refused as already acknowledged; the bot then edits that reply (same content), sending no second message.
		expect(first!.calls.map((call) => `${call.method} ${call.status}`)).toEqual(['POST 500', 'POST 400', 'PATCH 200']);
		expect(first!.calls[2]!.body.embeds[0].title).toBe(first!.item.question);
		expect(t.logs.some((line) => line.includes('interaction handler failed') && line.includes('already been acknowledged'))).toBe(false);
		expect(outcomes.slice(1).every((o) => o.accepted.length === 1 && o.kind === 'answer')).toBe(true);
	});

	test('GIVEN a callback that keeps failing with 500 THEN the failure is logged, nothing crashes, and the next question is answered', async () => {
		let victim: string | null = null;
		const logsBefore = t.logs.length;
		await intercepting(
			t,
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

test('GIVEN all of the above THEN nothing the bot sent could ping anyone', () => {
	expect(expectNoPings(t.discord.calls)).toBeGreaterThan(150);
});
