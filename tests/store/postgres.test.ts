/**
 * What only the PostgreSQL store does: a masked password in its errors, back-off after the server's lasting
 * failures, and knowledge changes announced to every listener (LISTEN/NOTIFY), with a catch-up call after a
 * dropped connection.
 */
import type pg from 'pg';
import { expect, test } from 'vitest';
import { FloodControl } from '../../src/discord/floodControl.ts';
import { Store, StoreUnavailableError } from '../../src/store/store.ts';
import { usePostgres, withClient } from '../support/postgres.ts';

const postgres = usePostgres();

function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
	return withClient(postgres.server.adminUrl, run);
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error('condition not met in time');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

/** Ends every connection to `database` but the caller's. */
const terminateAll = (database: string, applicationName?: string) =>
	admin((client) =>
		client.query(
			`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()${applicationName ? ' AND application_name = $2' : ''}`,
			applicationName ? [database, applicationName] : [database],
		),
	);

postgres.describe('the PostgreSQL store', () => {
	test('GIVEN a server that cannot be reached THEN the error names it with the password masked', async () => {
		const url = 'postgres://ombudsbot:s3cret-pass-word@127.0.0.1:1/ombudsbot';
		const error = (await Store.connect(url).catch((caught: unknown) => caught)) as Error;
		expect(error.message).toMatch(/^the PostgreSQL database at postgres:\/\/ombudsbot:\*\*\*@127\.0\.0\.1:1\/ombudsbot cannot be used: .*ECONNREFUSED/);
		expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain('s3cret');
	});

	test('GIVEN the server refusing connections (too many) after dropping the store\'s THEN writes pause for the back-off, reachable says so, and resume after', async () => {
		const name = `limited_${Date.now()}`;
		await admin(async (client) => {
			await client.query(`CREATE ROLE ${name} LOGIN`);
			await client.query(`CREATE DATABASE ${name} OWNER ${name}`);
		});
		const errors: unknown[] = [];
		const store = await Store.connect(`postgres://${name}@127.0.0.1:${new URL(postgres.server.adminUrl).port}/${name}`, {
			backoffMs: 600,
			onError: (error) => errors.push(error),
		});
		try {
			await store.setMeta('k', 'before');
			await admin((client) => client.query(`ALTER DATABASE ${name} CONNECTION LIMIT 0`));
			await terminateAll(name);
			// The pool hears of its idle connection's end (admin shutdown) and drops it.
			await until(() => errors.some((error) => (error as { code?: string }).code === '57P01'));
			await expect(store.setMeta('k', 'during')).rejects.toMatchObject({ code: '53300' });
			const started = Date.now();
			await expect(store.setMeta('k', 'during')).rejects.toBeInstanceOf(StoreUnavailableError);
			expect(Date.now() - started).toBeLessThan(100);
			expect(await store.reachable()).toBe(false);
			expect(errors.filter((error) => error instanceof StoreUnavailableError)).toHaveLength(1);
			await admin((client) => client.query(`ALTER DATABASE ${name} CONNECTION LIMIT -1`));
			await new Promise((resolve) => setTimeout(resolve, 650));
			await store.setMeta('k', 'after');
			expect(await store.getMeta('k')).toBe('after');
			expect(await store.reachable()).toBe(true);
		} finally {
			await store.close();
		}
	});

	test('GIVEN two processes watching THEN a change by one is announced to both with its generation, and a dropped listener catches up on reconnecting', async () => {
		const url = await postgres.server.createDatabase('watch');
		const [one, two] = await Promise.all([Store.connect(url), Store.connect(url)]);
		const heard: (number | null)[] = [];
		const heardByOne: (number | null)[] = [];
		const watching = await two.watchKnowledge((generation) => heard.push(generation));
		await one.watchKnowledge((generation) => heardByOne.push(generation));
		try {
			const generation = await one.changeKnowledge({ kind: 'add', id: 'doc', file: 'doc.md', content: 'Text.' }, { id: '1', name: 'mod' });
			await until(() => heard.includes(generation) && heardByOne.includes(generation));
			// The listener's own connection is cut (a server restart, a network blip): it listens again and says so with null.
			await terminateAll(new URL(url).pathname.slice(1), 'ombudsbot-listen');
			await until(() => heard.includes(null));
			const next = await one.bumpKnowledgeGeneration();
			await until(() => heard.includes(next));
			expect(await two.knowledgeGeneration()).toBe(next);
		} finally {
			await watching?.close();
			await Promise.all([one.close(), two.close()]);
		}
	});

	test('GIVEN two processes sharing flood buckets THEN a user gets one burst in all, wherever the questions land; with the store gone, each process\'s own bucket decides', async () => {
		const url = await postgres.server.createDatabase('flood');
		const [one, two] = await Promise.all([Store.connect(url), Store.connect(url)]);
		const options = { burst: 3, refillMs: 60_000 };
		const floods = [new FloodControl(options, Date.now, one), new FloodControl(options, Date.now, two)];
		try {
			const turns = await Promise.all(Array.from({ length: 10 }, (_, i) => floods[i % 2]!.turn('930000000000000001')));
			expect(turns.filter((turn) => turn.ok)).toHaveLength(3);
			expect(turns.filter((turn) => !turn.ok).every((turn) => !turn.ok && turn.waitMs > 0 && turn.waitMs <= 60_000)).toBe(true);
			// Another user has a bucket of their own.
			expect((await floods[1]!.turn('930000000000000002')).ok).toBe(true);
			// A DM's queue: past the burst, waiting its turn rather than refused.
			expect(await floods[0]!.turn('930000000000000001', 1)).toMatchObject({ ok: true, delayMs: expect.any(Number) });
		} finally {
			await Promise.all([one.close(), two.close()]);
		}
		// Closed store: the process's own (fresh) bucket answers, so a question is never refused for the database's sake.
		expect(await floods[0]!.turn('930000000000000001')).toEqual({ ok: true, delayMs: 0 });
	});
});
