/**
 * Issue 12, health and metrics: the real bot against the local Discord server, probed over HTTP
 * the way a supervisor and a Prometheus scraper would.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HealthServer } from '../../src/observability/health.ts';
import { STORE_FILE } from '../../src/store/store.ts';
import { messageOf, startTestBot, USERS, type TestBot } from '../support/botHarness.ts';
import { metricValue, waitForMetric } from './support/promText.ts';

const ANSWERABLE = 'Where was the 19th annual forum held?';
const UNANSWERABLE = 'What is the capital of France?';
// Writes fail at once while another connection holds the lock, and stay paused long past this file's run.
const STORE = { busyTimeoutMs: 0, backoffMs: 10 * 60_000 };

let t: TestBot;
let health: HealthServer;
let beforeLogin: { healthz: number; readyz: number; body: any };

const get = async (path: string) => {
	const response = await fetch(`${health.url}${path}`);
	return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
};
const metrics = async () => (await get('/metrics')).text;
const ask = (question: string) => t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: question }]));

beforeAll(async () => {
	let release: (() => void) | undefined;
	let listening!: (server: HealthServer) => void;
	const heard = new Promise<HealthServer>((resolve) => (listening = resolve));
	const started = startTestBot({
		env: { HEALTH_PORT: '0' },
		store: STORE,
		// The gateway holds READY back until the probes below have run: "alive, not ready" is observed, not raced.
		beforeStart: (discord) => (release = discord.holdIdentify()),
		onHealthListening: listening,
	});
	health = await Promise.race([heard, started.then(() => Promise.reject(new Error('bot started without calling onHealthListening')))]);
	const healthz = await fetch(`${health.url}/healthz`);
	const readyz = await fetch(`${health.url}/readyz`);
	beforeLogin = { healthz: healthz.status, readyz: readyz.status, body: await readyz.json() };
	release!();
	t = await started;
});

afterAll(async () => {
	await t?.close();
});

describe('/healthz and /readyz', () => {
	test('GIVEN HEALTH_PORT=0 THEN the server binds loopback on a port the system picked', () => {
		expect(health.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(health.port).toBeGreaterThan(0);
		expect(t.bot.health).toBe(health);
		expect(t.logs.some((line) => line.includes('health server listening') && line.includes(health.url))).toBe(true);
	});

	test('GIVEN the gateway not yet logged in THEN /healthz is 200 and /readyz is 503 naming the gateway', () => {
		expect(beforeLogin.healthz).toBe(200);
		expect(beforeLogin.readyz).toBe(503);
		expect(beforeLogin.body.ready).toBe(false);
		expect(beforeLogin.body.missing).toContain('gateway');
		expect(beforeLogin.body.checks.gateway).toBe(false);
	});

	test('GIVEN the bot logged in with its knowledge base and store THEN /readyz is 200', async () => {
		const readyz = await get('/readyz');
		expect(readyz.status).toBe(200);
		expect(readyz.type).toMatch(/^application\/json/);
		expect(JSON.parse(readyz.text)).toEqual({ ready: true, missing: [], checks: { gateway: true, knowledge: true, store: true } });
		const healthz = await get('/healthz');
		expect(healthz.status).toBe(200);
		expect(JSON.parse(healthz.text)).toEqual({ status: 'ok' });
	});

	test('GIVEN an unknown path, a query string or another method THEN 404, the route, 405', async () => {
		expect((await get('/nope')).status).toBe(404);
		expect((await get('/healthz?probe=1')).status).toBe(200);
		expect((await fetch(`${health.url}/readyz`, { method: 'POST' })).status).toBe(405);
		expect((await fetch(`${health.url}/healthz`, { method: 'HEAD' })).status).toBe(200);
	});
});

describe('/metrics', () => {
	test('GIVEN a scrape THEN it is Prometheus text whose every metric is named ombudsbot_*, default process metrics included', async () => {
		const scrape = await get('/metrics');
		expect(scrape.status).toBe(200);
		expect(scrape.type).toMatch(/^text\/plain; version=0\.0\.4/);
		const names = new Set(scrape.text.split('\n').filter((line) => line.startsWith('# TYPE ')).map((line) => line.split(' ')[2]!));
		for (const name of [
			'ombudsbot_answers_total',
			'ombudsbot_engine_seconds',
			'ombudsbot_reply_seconds',
			'ombudsbot_knowledge_documents',
			'ombudsbot_knowledge_facts',
			'ombudsbot_refreshes_total',
			'ombudsbot_refresh_failures_total',
			'ombudsbot_gateway_ping_seconds',
			'ombudsbot_store_errors_total',
			'ombudsbot_process_cpu_seconds_total',
			'ombudsbot_nodejs_eventloop_lag_seconds',
		]) {
			expect(names, name).toContain(name);
		}
		expect([...names].filter((name) => !name.startsWith('ombudsbot_'))).toEqual([]);
	});

	test('GIVEN the live knowledge base THEN the gauges show its documents and facts', async () => {
		const text = await metrics();
		const kb = t.bot.ctx.knowledge.current!;
		expect(metricValue(text, 'ombudsbot_knowledge_documents')).toBe(kb.documents.length);
		expect(metricValue(text, 'ombudsbot_knowledge_facts')).toBe(kb.facts.length);
		expect(kb.facts.length).toBeGreaterThan(0);
	});

	test('GIVEN every outcome THEN each is exported from the first scrape, at 0 before it first happens', async () => {
		const text = await metrics();
		for (const outcome of ['answered', 'declined', 'small_talk', 'refused_by_flood_control']) {
			expect(metricValue(text, 'ombudsbot_answers_total', { outcome }), outcome).toBe(0);
		}
	});

	test('GIVEN an /ask answered THEN answers{answered}, the engine histogram and the reply histogram each rise by one', async () => {
		const before = await metrics();
		const { body } = await ask(ANSWERABLE);
		expect(body.data.embeds[0].description).toMatch(/Leela Palace Hotel/);
		// The reply is observed when the handler returns, just after Discord got it: wait for the scrape to show it.
		const after = await waitForMetric(metrics, 'ombudsbot_reply_seconds_count', { kind: 'command' }, (value) => value > (metricValue(before, 'ombudsbot_reply_seconds_count', { kind: 'command' }) ?? 0));
		expect(metricValue(after, 'ombudsbot_answers_total', { outcome: 'answered' })).toBe(metricValue(before, 'ombudsbot_answers_total', { outcome: 'answered' })! + 1);
		expect(metricValue(after, 'ombudsbot_answers_total', { outcome: 'declined' })).toBe(metricValue(before, 'ombudsbot_answers_total', { outcome: 'declined' }));
		expect(metricValue(after, 'ombudsbot_engine_seconds_count')).toBe((metricValue(before, 'ombudsbot_engine_seconds_count') ?? 0) + 1);
		expect(metricValue(after, 'ombudsbot_engine_seconds_bucket', { le: '+Inf' })).toBe(metricValue(after, 'ombudsbot_engine_seconds_count'));
	});

	test('GIVEN a question the documents do not answer THEN answers{declined} rises', async () => {
		const before = metricValue(await metrics(), 'ombudsbot_answers_total', { outcome: 'declined' })!;
		await ask(UNANSWERABLE);
		expect(metricValue(await metrics(), 'ombudsbot_answers_total', { outcome: 'declined' })).toBe(before + 1);
	});

	test('GIVEN small talk THEN answers{small_talk} rises and the engine histogram does not', async () => {
		const before = await metrics();
		await ask('hello');
		const after = await metrics();
		expect(metricValue(after, 'ombudsbot_answers_total', { outcome: 'small_talk' })).toBe(metricValue(before, 'ombudsbot_answers_total', { outcome: 'small_talk' })! + 1);
		expect(metricValue(after, 'ombudsbot_engine_seconds_count')).toBe(metricValue(before, 'ombudsbot_engine_seconds_count'));
	});

	test('GIVEN an /ask past the user\'s burst THEN answers{refused_by_flood_control} rises', async () => {
		const cooled = await startTestBot({ env: { ASK_BURST: '1', ASK_REFILL_SECONDS: '60', HEALTH_PORT: '0' } });
		try {
			const scrape = async () => (await fetch(`${cooled.bot.health!.url}/metrics`)).text();
			const question = () => cooled.interact(cooled.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: ANSWERABLE }]));
			await question();
			const { body } = await question();
			expect(body.data.content).toMatch(/asking quickly/);
			const text = await scrape();
			expect(metricValue(text, 'ombudsbot_answers_total', { outcome: 'answered' })).toBe(1);
			expect(metricValue(text, 'ombudsbot_answers_total', { outcome: 'refused_by_flood_control' })).toBe(1);
		} finally {
			await cooled.close();
		}
	});

	test('GIVEN /kb refresh THEN refreshes rise; a failed one also counts as a failure', async () => {
		const refresh = async () => {
			const { token } = await t.interact(t.discord.payloads.slash('kb', [{ name: 'refresh', type: 1, options: [] }], { user: USERS.moderator }));
			return messageOf(await t.nthCall(token, 2)).embeds[0].title as string;
		};
		const before = await metrics();
		expect(await refresh()).toBe('Knowledge base refreshed');
		const afterGood = await metrics();
		expect(metricValue(afterGood, 'ombudsbot_refreshes_total')).toBe(metricValue(before, 'ombudsbot_refreshes_total')! + 1);
		expect(metricValue(afterGood, 'ombudsbot_refresh_failures_total')).toBe(metricValue(before, 'ombudsbot_refresh_failures_total'));

		const { writeFileSync, rmSync } = await import('node:fs');
		const broken = join(t.knowledgeDir, 'broken.md');
		writeFileSync(broken, '---\ntitle: [unclosed\n---\nText.\n');
		try {
			expect(await refresh()).not.toBe('Knowledge base refreshed');
		} finally {
			rmSync(broken);
		}
		const afterBad = await metrics();
		expect(metricValue(afterBad, 'ombudsbot_refreshes_total')).toBe(metricValue(before, 'ombudsbot_refreshes_total')! + 2);
		expect(metricValue(afterBad, 'ombudsbot_refresh_failures_total')).toBe(metricValue(before, 'ombudsbot_refresh_failures_total')! + 1);
		// The old knowledge base is still served, so the bot stays ready.
		expect((await get('/readyz')).status).toBe(200);
	});
});

// Last: the store stays paused (STORE.backoffMs) for the rest of this file once a write has failed.
describe('store errors', () => {
	test('GIVEN another process holding the store lock THEN the failed write is counted and /readyz says the store is missing', async () => {
		const before = metricValue(await metrics(), 'ombudsbot_store_errors_total')!;
		const other = new Database(join(t.dataDir, STORE_FILE));
		other.pragma('busy_timeout = 0');
		other.exec('BEGIN IMMEDIATE');
		try {
			const { body } = await ask(ANSWERABLE);
			// The answer still goes out (without buttons): the store failure costs the buttons only.
			expect(body.data.embeds[0].description).toMatch(/Leela Palace Hotel/);
		} finally {
			other.exec('ROLLBACK');
			other.close();
		}
		// The conversation's save and the answer's record both fail (the second refused during the back-off): each counts.
		expect(metricValue(await metrics(), 'ombudsbot_store_errors_total')).toBe(before + 2);
		const readyz = await get('/readyz');
		expect(readyz.status).toBe(503);
		expect(JSON.parse(readyz.text)).toMatchObject({ ready: false, missing: ['store'] });
	});
});

describe('graceful shutdown', () => {
	test('GIVEN the bot stopped THEN the health server no longer listens', async () => {
		const url = health.url;
		await t.bot.stop('test: shutdown closes the health server');
		await expect(fetch(`${url}/healthz`)).rejects.toThrow();
	});
});

describe('without HEALTH_PORT', () => {
	let plain: TestBot;
	beforeAll(async () => {
		plain = await startTestBot();
	});
	afterAll(async () => {
		await plain?.close();
	});

	test('GIVEN HEALTH_PORT unset THEN no health server is started', () => {
		expect(plain.bot.health).toBeNull();
		expect(plain.logs.some((line) => line.includes('health server listening'))).toBe(false);
	});
});
