/** The metrics module, the health server's routing and the store's hooks, without Discord. */
import { describe, expect, test } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { healthPortFor, readinessResponse, startHealthServer } from '../../src/observability/health.ts';
import { ANSWER_OUTCOMES, Metrics } from '../../src/observability/metrics.ts';
import { Store } from '../../src/store/store.ts';
import { metricValue } from './support/promText.ts';

describe('Metrics', () => {
	test('GIVEN events THEN each call moves its own metric only', async () => {
		const metrics = new Metrics({ defaultMetrics: false });
		metrics.answer('answered', 2.5);
		metrics.answer('declined', 1);
		metrics.answer('refused_by_flood_control');
		metrics.refresh(true);
		metrics.refresh(false);
		metrics.storeError();
		metrics.reply('component', 0.02);
		const text = await metrics.render();
		expect(metricValue(text, 'ombudsbot_answers_total', { outcome: 'answered' })).toBe(1);
		expect(metricValue(text, 'ombudsbot_answers_total', { outcome: 'declined' })).toBe(1);
		expect(metricValue(text, 'ombudsbot_answers_total', { outcome: 'refused_by_flood_control' })).toBe(1);
		expect(metricValue(text, 'ombudsbot_answers_total', { outcome: 'small_talk' })).toBe(0);
		// A refusal never ran the engine: two engine observations, from Answer.ms in seconds.
		expect(metricValue(text, 'ombudsbot_engine_seconds_count')).toBe(2);
		expect(metricValue(text, 'ombudsbot_engine_seconds_sum')).toBeCloseTo(0.0035, 6);
		expect(metricValue(text, 'ombudsbot_refreshes_total')).toBe(2);
		expect(metricValue(text, 'ombudsbot_refresh_failures_total')).toBe(1);
		expect(metricValue(text, 'ombudsbot_store_errors_total')).toBe(1);
		expect(metricValue(text, 'ombudsbot_reply_seconds_count', { kind: 'component' })).toBe(1);
		expect(metricValue(text, 'ombudsbot_reply_seconds_count', { kind: 'command' })).toBeUndefined();
	});

	test('GIVEN sources THEN the gauges read them at scrape time; an unknown ping is NaN, not 0', async () => {
		const metrics = new Metrics({ defaultMetrics: false });
		let facts = 21;
		let ping = -1;
		metrics.watch({ knowledge: () => ({ documents: 1, facts }), gatewayPingMs: () => ping });
		let text = await metrics.render();
		expect(metricValue(text, 'ombudsbot_knowledge_facts')).toBe(21);
		expect(metricValue(text, 'ombudsbot_gateway_ping_seconds')).toBeNaN();
		facts = 24;
		ping = 42;
		text = await metrics.render();
		expect(metricValue(text, 'ombudsbot_knowledge_facts')).toBe(24);
		expect(metricValue(text, 'ombudsbot_gateway_ping_seconds')).toBeCloseTo(0.042, 6);
	});

	test('GIVEN no knowledge base THEN documents and facts are 0', async () => {
		const metrics = new Metrics({ defaultMetrics: false });
		metrics.watch({ knowledge: () => null, gatewayPingMs: () => null });
		const text = await metrics.render();
		expect(metricValue(text, 'ombudsbot_knowledge_documents')).toBe(0);
		expect(metricValue(text, 'ombudsbot_knowledge_facts')).toBe(0);
	});

	test('GIVEN two bots in one process THEN their registries count apart', async () => {
		const a = new Metrics();
		const b = new Metrics();
		a.answer('answered', 1);
		expect(metricValue(await a.render(), 'ombudsbot_answers_total', { outcome: 'answered' })).toBe(1);
		expect(metricValue(await b.render(), 'ombudsbot_answers_total', { outcome: 'answered' })).toBe(0);
	});

	test('GIVEN the outcomes THEN they are the four the issue names', async () => {
		expect([...ANSWER_OUTCOMES]).toEqual(['answered', 'declined', 'small_talk', 'refused_by_flood_control']);
	});
});

describe('readiness', () => {
	test('GIVEN checks THEN 200 only when all hold, else 503 listing the missing ones', async () => {
		expect(readinessResponse({ gateway: true, knowledge: true, store: true })).toMatchObject({ status: 200, body: { ready: true, missing: [] } });
		expect(readinessResponse({ gateway: false, knowledge: true, store: false })).toMatchObject({
			status: 503,
			body: { ready: false, missing: ['gateway', 'store'] },
		});
	});

	test('GIVEN a readiness check that throws THEN /readyz answers 503, not 500, and the server keeps serving', async () => {
		const health = await startHealthServer({
			host: '127.0.0.1',
			port: 0,
			metrics: new Metrics({ defaultMetrics: false }),
			logger: createLogger({ level: 'silent' }),
			readiness: () => {
				throw new Error('boom');
			},
		});
		try {
			const readyz = await fetch(`${health.url}/readyz`);
			expect(readyz.status).toBe(503);
			expect(await readyz.json()).toMatchObject({ ready: false, missing: ['gateway', 'knowledge', 'store'] });
			expect((await fetch(`${health.url}/healthz`)).status).toBe(200);
		} finally {
			await health.close();
		}
	});

	test('GIVEN a port already taken THEN starting fails with a message naming it', async () => {
		const options = {
			host: '127.0.0.1',
			metrics: new Metrics({ defaultMetrics: false }),
			logger: createLogger({ level: 'silent' }),
			readiness: () => ({ gateway: true, knowledge: true, store: true }),
		};
		const first = await startHealthServer({ ...options, port: 0 });
		try {
			await expect(startHealthServer({ ...options, port: first.port })).rejects.toThrow(`127.0.0.1:${first.port}: EADDRINUSE`);
		} finally {
			await first.close();
		}
	});
});

describe('healthPortFor', () => {
	test('GIVEN shard processes of the ShardingManager THEN each takes the port plus its first shard id', async () => {
		expect(healthPortFor(9464, undefined)).toBe(9464);
		expect(healthPortFor(9464, '0')).toBe(9464);
		expect(healthPortFor(9464, '2')).toBe(9466);
		expect(healthPortFor(9464, '[3,4]')).toBe(9467);
		expect(healthPortFor(0, '2')).toBe(0);
		expect(healthPortFor(9464, 'junk')).toBe(9464);
		expect(healthPortFor(65535, '1')).toBe(65535);
	});
});

describe('store hooks', () => {
	test('GIVEN a write that fails THEN onError hears of it; a closed store is not reachable', async () => {
		const errors: unknown[] = [];
		const store = Store.open(':memory:', { onError: (error) => errors.push(error) });
		expect(await store.reachable()).toBe(true);
		await store.close();
		expect(await store.reachable()).toBe(false);
		await expect(store.setMeta('k', 'v')).rejects.toThrow();
		expect(errors).toHaveLength(1);
	});
});
