import { describe, expect, test } from 'vitest';
import type { Command } from '../../src/discord/types.ts';
import { textOf, useTestBot, type TestBot } from '../support/botHarness.ts';

const ANSWERABLE = 'Where was the 19th annual forum held?';
let t: TestBot;

useTestBot((bot) => (t = bot));

const askToken = () => t.discord.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: ANSWERABLE }])).token;

describe('faults', () => {
	test('GIVEN a 429 with retry_after on the reply callback THEN the reply still arrives', async () => {
		let hits = 0;
		const remove = t.discord.intercept((call) => {
			if (!call.path.endsWith('/callback') || hits > 0) return undefined;
			hits += 1;
			return { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.2, global: false }, headers: { 'retry-after': '0.2', 'x-ratelimit-scope': 'user' } };
		});
		try {
			const token = askToken();
			const calls = await (async () => {
				const deadline = Date.now() + 5_000;
				while (Date.now() < deadline) {
					const made = t.discord.callsFor(token);
					if (made.some((call) => call.status === 204)) return made;
					await new Promise((r) => setTimeout(r, 20));
				}
				return t.discord.callsFor(token);
			})();
			expect(calls.map((call) => call.status)).toEqual([429, 204]);
		} finally {
			remove();
		}
	});

	test('GIVEN a 500 once on the reply callback THEN it is retried and arrives', async () => {
		let hits = 0;
		const remove = t.discord.intercept((call) => (call.path.endsWith('/callback') && hits++ === 0 ? { status: 500, body: { message: 'oops' } } : undefined));
		try {
			const token = askToken();
			await t.discord.waitForCall((call) => call.path.includes(token) && call.status === 204);
			expect(t.discord.callsFor(token).map((call) => call.status)).toEqual([500, 204]);
		} finally {
			remove();
		}
	});

	test('GIVEN the store failing to write THEN the answer still goes out (without buttons) and the failure is logged', async () => {
		const store = t.bot.ctx.store;
		const original = store.recordAnswer.bind(store);
		store.recordAnswer = () => {
			throw new Error('SQLITE_FULL: database or disk is full');
		};
		try {
			const { body } = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: ANSWERABLE }]));
			expect(textOf(body.data)).toMatch(/confidence/);
			expect(body.data.components).toEqual([]);
			expect(t.logs.some((line) => line.includes('could not record an answer') && line.includes('SQLITE_FULL'))).toBe(true);
		} finally {
			store.recordAnswer = original;
		}
	});

	test('GIVEN a handler bug THEN an ephemeral apology and a log line, and the bot keeps answering', async () => {
		const commands = t.bot.ctx.commands as Map<string, Command>;
		const original = commands.get('about')!;
		commands.set('about', {
			...original,
			data: original.data,
			execute: async () => {
				throw new TypeError('boom');
			},
		});
		try {
			const { body } = await t.interact(t.discord.payloads.slash('about'));
			expect(body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/Sorry, something went wrong/) });
			expect(body.data.content).not.toContain('boom');
			expect(t.logs.some((line) => line.includes('interaction handler failed') && line.includes('boom'))).toBe(true);
		} finally {
			commands.set('about', original);
		}
		const { body } = await t.interact(t.discord.payloads.slash('about'));
		expect(body.data.embeds[0].title).toBe('About Ombudsbot');
	});

	test('GIVEN the gateway dropped THEN the bot resumes and answers what arrives after', async () => {
		t.discord.dropConnections();
		const token = askToken();
		const call = await t.discord.waitForCall((c) => c.path.includes(token), 8_000);
		expect(call.body.data.embeds[0].title).toBe(ANSWERABLE);
	});
});
