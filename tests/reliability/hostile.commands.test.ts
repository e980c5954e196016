/**
 * Issue 6, hostile input on every command's options, through the fake Discord server (payloads sent
 * as a modified client or a bypassed limit would send them): every interaction gets a reply, no
 * handler crashes, and every message the bot sends has allowed mentions none.
 */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUG_MESSAGE } from '../../src/discord/respond.ts';
import type { FakeUser } from '../support/fakeDiscord.ts';
import { expectNoPings, messageOf, startTestBot, USERS, type TestBot } from '../support/botHarness.ts';
import { expectSendable, hostileText, hugeText } from './support/hostile.ts';

let t: TestBot;
let listing: string[];
const tried: Record<string, number> = {};
const text = fc.oneof({ arbitrary: hostileText, weight: 9 }, { arbitrary: hugeText, weight: 1 });
const RUNS = 100;

beforeAll(async () => {
	t = await startTestBot({ env: { LOG_LEVEL: 'info' } });
	listing = readdirSync(t.knowledgeDir).sort();
});

afterAll(async () => {
	console.log(`[reliability] hostile command inputs tried: ${JSON.stringify(tried)}`);
	await t?.close();
});

/** Sends `payload`, waits for the initial response (and the edit when deferred), checks each is sendable. */
async function roundTrip(kind: string, payload: Record<string, unknown>): Promise<any> {
	tried[kind] = (tried[kind] ?? 0) + 1;
	const { token, body } = await t.interact(payload);
	expect(body.type, kind).toBeDefined();
	let final = body.data;
	if (body.type === 5) final = messageOf(await t.nthCall(token, 2));
	if (body.type !== 8 && body.type !== 6 && final) {
		expectSendable(final);
		expect(final.content ?? '', kind).not.toBe(BUG_MESSAGE);
	}
	if (body.type === 8) {
		expect(body.data.choices.length).toBeLessThanOrEqual(25);
		for (const choice of body.data.choices) {
			expect(choice.name.length).toBeGreaterThan(0);
			expect(choice.name.length).toBeLessThanOrEqual(100);
			expect(choice.value.length).toBeLessThanOrEqual(100);
		}
	}
	return body;
}

const hostileUser = (name: string, base: FakeUser = USERS.member): FakeUser => ({ ...base, username: name.slice(0, 32) || 'x' });

describe('every command option, fuzzed', () => {
	test('GIVEN hostile /ask questions (and the private flag) THEN answered or declined, never a crash', async () => {
		await fc.assert(
			fc.asyncProperty(text, fc.boolean(), async (question, isPrivate) => {
				await roundTrip('/ask question', t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: question }, { name: 'private', type: 5, value: isPrivate }]));
			}),
			{ numRuns: RUNS, seed: 1 },
		);
	});

	test('GIVEN hostile text typed into /ask and /kb remove autocomplete THEN at most 25 valid choices', async () => {
		await fc.assert(
			fc.asyncProperty(text, async (typed) => {
				await roundTrip('/ask autocomplete', t.discord.payloads.autocomplete('ask', 'question', typed));
				const kb = t.discord.payloads.interaction(
					4,
					{ id: '1', name: 'kb', type: 1, options: [{ name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: typed, focused: true }] }] },
					{ user: USERS.moderator },
				);
				await roundTrip('/kb remove autocomplete', kb);
			}),
			{ numRuns: RUNS, seed: 2 },
		);
	});

	test('GIVEN hostile /search queries THEN results or "no fact matches", never a crash', async () => {
		await fc.assert(
			fc.asyncProperty(text, async (query) => {
				await roundTrip('/search query', t.discord.payloads.slash('search', [{ name: 'query', type: 3, value: query }]));
			}),
			{ numRuns: RUNS, seed: 3 },
		);
	});

	test('GIVEN /kb remove with a hostile document id, from a moderator with a hostile name THEN "Nothing removed", and the folder is untouched', async () => {
		await fc.assert(
			fc.asyncProperty(text, hostileText, async (id, name) => {
				const user = hostileUser(name, USERS.moderator);
				await roundTrip('/kb remove document', t.discord.payloads.slash('kb', [{ name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: id }] }], { user }));
			}),
			{ numRuns: RUNS, seed: 4 },
		);
		expect(readdirSync(t.knowledgeDir).sort()).toEqual(listing);
		// The hostile names now sit in the audit log that /kb status and /kb gaps display.
		for (const sub of ['status', 'gaps']) await roundTrip(`/kb ${sub}`, t.discord.payloads.slash('kb', [{ name: sub, type: 1, options: [] }], { user: USERS.moderator }));
	});

	test('GIVEN the option-less commands from users with hostile names THEN each replies', async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom('about', 'help', 'mandate', 'independence', 'cooperation'), hostileText, async (name, username) => {
				await roundTrip(`/${name}`, t.discord.payloads.slash(name, [], { user: hostileUser(username) }));
			}),
			{ numRuns: RUNS, seed: 5 },
		);
	});

	test('GIVEN hostile button ids and select values THEN "not mine / out of date", never a crash', async () => {
		const asked = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'What is the capital of France?' }]));
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(text, fc.constantFrom('vote:a:up', 'dym:zz:999', 'page:mandate:-1:1', 'page:../../x:0:1', 'ctx:', 'dymm:abc')),
				fc.array(text, { maxLength: 3 }),
				async (customId, values) => {
					await roundTrip('button custom_id', t.discord.payloads.button(customId.slice(0, 100), asked.body.data));
					await roundTrip('select values', t.discord.payloads.select(customId.slice(0, 100), values, asked.body.data));
				},
			),
			{ numRuns: RUNS, seed: 6 },
		);
	});

	test('GIVEN hostile DMs and mentions THEN each is answered or declined by a reply that pings no one', async () => {
		await fc.assert(
			fc.asyncProperty(text, fc.boolean(), async (content, dm) => {
				tried[dm ? 'DM content' : 'mention content'] = (tried[dm ? 'DM content' : 'mention content'] ?? 0) + 1;
				const payload = dm
					? t.discord.payloads.message(content, { dm: true })
					: t.discord.payloads.message(`<@${t.discord.botUser.id}> ${content}`, { mentions: [t.discord.payloads.botUser] });
				t.discord.sendMessage(payload);
				const reply = await t.discord.waitForCall((call) => call.method === 'POST' && call.body?.message_reference?.message_id === payload.id);
				expectSendable(reply.body);
				expect(reply.body.allowed_mentions.replied_user).toBe(false);
			}),
			{ numRuns: RUNS, seed: 7 },
		);
	});

	test('GIVEN everything above THEN no handler crashed and nothing the bot sent could ping anyone', () => {
		expect(t.logs.filter((line) => /handler failed|event failed|unhandled/.test(line))).toEqual([]);
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(RUNS * 6);
	});
});
