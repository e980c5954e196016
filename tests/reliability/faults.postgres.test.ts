/**
 * Store faults on PostgreSQL, as faults.store.test.ts has them on SQLite: the server dropping the bot's
 * connections and refusing new ones (too many connections) in the middle of a burst. Answers still go out
 * inside Discord's window (without buttons), the failure is logged and counted, writes pause for the
 * back-off, and once the server takes connections again answers are recorded again.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { customIdsOf, expectNoPings, startTestBot, type TestBot } from '../support/botHarness.ts';
import { usePostgres, withClient } from '../support/postgres.ts';
import { answerIdOf, runBurst } from './support/burst.ts';
import { burst, expectAllAnsweredOnce } from './support/faultKit.ts';

const postgres = usePostgres();
const BACKOFF_MS = 400;
const ROLE = `faults_${process.pid}`;
let t: TestBot | undefined;

async function admin(text: string): Promise<void> {
	await withClient(postgres.server.adminUrl, (client) => client.query(text));
}

postgres.describe('PostgreSQL failing under a burst', () => {
	beforeAll(async () => {
		// A role of its own: the connection limit below does not bind superusers.
		await admin(`CREATE ROLE ${ROLE} LOGIN`);
		await admin(`CREATE DATABASE ${ROLE} OWNER ${ROLE}`);
		const url = `postgres://${ROLE}@127.0.0.1:${new URL(postgres.server.adminUrl).port}/${ROLE}`;
		t = await startTestBot({ env: { LOG_LEVEL: 'info', DATABASE_URL: url }, store: { backoffMs: BACKOFF_MS } });
	});

	afterAll(async () => {
		await t?.close();
	});

	test('GIVEN the server dropping the bot\'s connections and refusing new ones THEN every answer still goes out in time, the failure is logged, and recording resumes after', async () => {
		const bot = t!;
		const logsBefore = bot.logs.length;
		await admin(`ALTER DATABASE ${ROLE} CONNECTION LIMIT 0`);
		await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${ROLE}'`);
		try {
			const { outcomes } = await runBurst(bot, burst(20, 400, 11), { settleMs: 15_000 });
			expectAllAnsweredOnce(outcomes);
			// Some answers (at least the first after the drop) could not be recorded: no buttons on them.
			expect(outcomes.some((o) => customIdsOf(o.accepted[0]!.body.data).length === 0)).toBe(true);
			const failures = bot.logs.slice(logsBefore).filter((line) => line.includes('could not record an answer'));
			expect(failures.some((line) => /too many connections|53300|terminat|57P01/.test(line))).toBe(true);
			// Paused after the first lasting failure: most of the burst was refused at once, not after a connection attempt each.
			expect(failures.some((line) => line.includes('writes paused'))).toBe(true);
		} finally {
			await admin(`ALTER DATABASE ${ROLE} CONNECTION LIMIT -1`);
		}
		await new Promise((resolve) => setTimeout(resolve, BACKOFF_MS + 50));
		const { outcomes } = await runBurst(bot, burst(4, 100, 12));
		expect(outcomes.every((o) => answerIdOf(o) !== null)).toBe(true);
		expect(expectNoPings(bot.discord.calls)).toBeGreaterThan(20);
	});
});
