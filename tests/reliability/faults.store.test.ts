/**
 * Issue 6, store faults: the database failing or locked by another process during bursts. Answers
 * still go out inside Discord's window (without buttons), and every failure is logged.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STORE_FILE } from '../../src/store/store.ts';
import { customIdsOf, expectNoPings, startTestBot, USERS, type TestBot } from '../support/botHarness.ts';
import { answerIdOf, runBurst } from './support/burst.ts';
import { burst, expectAllAnsweredOnce, faultCounter } from './support/faultKit.ts';

let t: TestBot;
const { faults, count } = faultCounter();
const BACKOFF_MS = 400;

beforeAll(async () => {
	t = await startTestBot({ env: { LOG_LEVEL: 'info' }, store: { backoffMs: BACKOFF_MS } });
});

afterAll(async () => {
	console.log(`[reliability] store faults injected: ${JSON.stringify(faults)}`);
	await t?.close();
});

describe('store failures', () => {
	test('GIVEN the store failing to write for part of a burst THEN every answer still goes out (without buttons) and each failure is logged', async () => {
		const store = t.bot.ctx.store;
		const original = store.recordAnswer.bind(store);
		let failures = 0;
		const failedQuestions: string[] = [];
		store.recordAnswer = async (record) => {
			if (Math.random() < 0.5) {
				failures += 1;
				failedQuestions.push(`${record.userId} ${record.question}`);
				throw Object.assign(new Error('SQLITE_IOERR: disk I/O error'), { code: 'SQLITE_IOERR' });
			}
			return original(record);
		};
		const logsBefore = t.logs.length;
		try {
			// Answerable questions only, so that "no buttons" means "not recorded".
			const items = burst(40, 600, 8).map((item) => (item.question.includes('France') ? { ...item, question: 'Who hosted the meeting?' } : item));
			const { outcomes } = await runBurst(t, items);
			expectAllAnsweredOnce(outcomes);
			const withoutButtons = outcomes.filter((o) => customIdsOf(o.accepted[0]!.body.data).length === 0);
			expect(withoutButtons.map((o) => `${o.item.user.id} ${o.item.question}`).sort()).toEqual(failedQuestions.sort());
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
		// Once the lock is gone and the back-off over, answers are recorded again (with buttons).
		await new Promise((r) => setTimeout(r, BACKOFF_MS + 50));
		const { outcomes } = await runBurst(t, burst(4, 100, 10));
		expect(outcomes.every((o) => answerIdOf(o) !== null)).toBe(true);
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
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(60);
	});
});
