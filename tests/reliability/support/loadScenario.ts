/**
 * The load scenario of issue 6, parameterised so `npm test` runs a short version and
 * `npm run test:stress` the full one (1,000 /ask from 200 users within 10 s).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { KnowledgeBase } from '../../../src/discord/engine.ts';
import { expectNoPings, messageOf, startTestBot, USERS, type TestBot } from '../../support/botHarness.ts';
import { answerIdOf, makeUsers, planBurst, runBurst, summarize, type BurstOutcome } from './burst.ts';

export const NEW_DOC = `---
title: Appointment of the ombudsman
---
The ombudsman is appointed by the parliament for a term of five years.
The ombudsman may be reappointed once.
`;
/** Only the document added mid-burst answers these. */
export const NEW_QUESTIONS = ['Is the ombudsman appointed by the parliament?', 'May the ombudsman be reappointed?'];

export interface LoadParameters {
	users: number;
	/** Questions per user spaced beyond the cooldown, and impatient re-asks per user. */
	spaced: number;
	impatient: number;
	startSpreadMs: number;
	/** When the /kb refresh is sent, ms after the start. */
	refreshAtMs: number;
	/** All interactions must be sent within this. */
	sendWithinMs: number;
	seed: number;
}

/**
 * Registers the load tests for `params`. Flood control works as a fixed 3 s cooldown here (burst 1), so a
 * re-ask 400 ms later is refused and one 3.6 s later is answered: both outcomes are exact.
 */
export function loadScenario(label: string, params: LoadParameters): void {
	describe(label, () => {
		let t: TestBot;
		let outcomes: BurstOutcome[];
		let refreshReply: any;
		const seenKnowledge = new Set<KnowledgeBase>();
		let before: KnowledgeBase;

		beforeAll(async () => {
			// A burst of one with a 3 s refill: each user's spaced questions pass, their impatient re-asks do not.
			t = await startTestBot({ env: { ASK_BURST: '1', ASK_REFILL_SECONDS: '3', LOG_LEVEL: 'info' } });
			before = t.bot.ctx.knowledge.current!;
			// Record every knowledge base any handler reads, to prove none was half-built.
			const holder = t.bot.ctx.knowledge;
			const descriptor = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(holder), 'current')!;
			Object.defineProperty(holder, 'current', {
				configurable: true,
				get() {
					const kb = descriptor.get!.call(holder) as KnowledgeBase | null;
					if (kb) seenKnowledge.add(kb);
					return kb;
				},
			});
			const users = makeUsers(params.users);
			const items = planBurst({ users, spaced: params.spaced, impatient: params.impatient, spacingMs: 3_600, impatientMs: 400, startSpreadMs: params.startSpreadMs, seed: params.seed });
			// Some users ask what only the new document answers, before and after the refresh.
			items.forEach((item, index) => {
				if (index % 10 === 3) item.question = NEW_QUESTIONS[index % NEW_QUESTIONS.length]!;
			});
			const result = await runBurst(t, items, {
				settleMs: 5_000,
				during: [
					{
						at: params.refreshAtMs,
						run: async () => {
							writeFileSync(join(t.knowledgeDir, 'appointment.md'), NEW_DOC);
							const { token } = t.discord.interact(t.discord.payloads.slash('kb', [{ name: 'refresh', type: 1, options: [] }], { user: USERS.moderator }));
							refreshReply = messageOf(await t.nthCall(token, 2, 10_000));
						},
					},
				],
			});
			outcomes = result.outcomes;
			const summary = summarize(outcomes);
			console.log(`[reliability] ${label}: ${JSON.stringify({ ...summary, sendSpanMs: result.sendSpanMs, wallMs: result.wallMs })}`);
			expect(result.sendSpanMs).toBeLessThan(params.sendWithinMs);
		}, 120_000);

		afterAll(async () => {
			await t?.close();
		});

		test('GIVEN the burst THEN every interaction got exactly one reply, inside 3 s: none lost, none doubled', () => {
			const summary = summarize(outcomes);
			expect(summary.sent).toBe(params.users * (params.spaced + params.impatient));
			expect(summary.lost).toBe(0);
			expect(summary.doubled).toBe(0);
			expect(summary.other).toBe(0);
			const late = outcomes.filter((o) => (o.latencyMs ?? Infinity) > 3_000);
			expect(late.map((o) => `${o.item.question} after ${o.latencyMs} ms`)).toEqual([]);
		});

		test('GIVEN spaced questions and impatient re-asks THEN the first are answered, the second refused politely and ephemerally', () => {
			const wrong = outcomes.filter((o) => o.kind !== o.item.expect);
			expect(wrong.map((o) => `${o.item.user.username} at ${o.item.at} ms: expected ${o.item.expect}, got ${o.kind}`)).toEqual([]);
			for (const o of outcomes.filter((x) => x.kind === 'cooldown')) {
				expect(o.accepted[0]!.body.data.content).toMatch(/^You're asking quickly: please wait [1-3] seconds? before the next question\.$/);
			}
		});

		test('GIVEN each answer THEN it is the asker\'s question, recorded for the right user and channel, private when asked', async () => {
			for (const o of outcomes.filter((x) => x.kind === 'answer')) {
				const data = o.accepted[0]!.body.data;
				expect(data.embeds[0].title).toBe(o.item.question);
				expect(data.flags ?? 0).toBe(o.item.private ? 64 : 0);
				const id = answerIdOf(o);
				if (id === null) continue; // abstentions without suggestions carry no buttons
				const record = await t.bot.ctx.store.getAnswer(id);
				expect(record).toMatchObject({ userId: o.item.user.id, channelId: o.item.channelId, question: o.item.question, source: 'slash' });
			}
			// Every answer got its own record: buttons work for all of them.
			const ids = outcomes.map(answerIdOf).filter((id): id is string => id !== null);
			expect(new Set(ids).size).toBe(ids.length);
		});

		test('GIVEN a /kb refresh mid-burst THEN every reader saw the whole old or the whole new knowledge base, switching once', () => {
			expect(refreshReply.embeds[0].title).toBe('Knowledge base refreshed');
			const after = t.bot.ctx.knowledge.current!;
			expect(after).not.toBe(before);
			expect(after.documents.length).toBe(before.documents.length + 1);
			expect([...seenKnowledge].every((kb) => kb === before || kb === after)).toBe(true);
			for (const kb of [before, after]) {
				expect(Object.isFrozen(kb)).toBe(true);
				expect(kb.index.facts).toBe(kb.facts);
				expect(kb.factsById.size).toBe(kb.facts.length);
			}
			// Questions only the new document answers: never cited before, then cited from the swap on.
			const newOnes = outcomes
				.filter((o) => o.kind === 'answer' && NEW_QUESTIONS.includes(o.item.question))
				.sort((a, b) => a.accepted[0]!.at - b.accepted[0]!.at);
			const cites = newOnes.map((o) => JSON.stringify(o.accepted[0]!.body.data.embeds[0]).includes('`appointment`'));
			const firstNew = cites.indexOf(true);
			expect(firstNew).toBeGreaterThan(0);
			expect(cites.slice(firstNew).every(Boolean)).toBe(true);
		});

		test('GIVEN everything the bot sent THEN nothing could ping anyone', () => {
			expect(expectNoPings(t.discord.calls)).toBeGreaterThanOrEqual(outcomes.length);
		});
	});
}
