/**
 * The bot's Prometheus metrics, in one place, so the rest of the code makes one call per event
 * (an answer given, a refresh, a store failure) and knows nothing of prom-client.
 *
 * Every name starts with `ombudsbot_`, the default process metrics included (prom-client's
 * `prefix`): a scrape of a host running several services can then tell this bot's numbers apart.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const METRIC_PREFIX = 'ombudsbot_';

/** What became of a question; `refused_by_flood_control`: past the user's burst (src/discord/floodControl.ts). */
export const ANSWER_OUTCOMES = ['answered', 'declined', 'small_talk', 'refused_by_flood_control'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

/** How a reply was asked for: a slash command, or a button / select menu on an earlier message. */
export type ReplyKind = 'command' | 'component';

/** Read at scrape time, so the gauges never lag behind the live knowledge base or gateway. */
export interface MetricSources {
	/** Documents and facts of the live knowledge base; null when none is loaded. */
	knowledge(): { documents: number; facts: number } | null;
	/** Gateway heartbeat round trip in ms; null or negative while unknown (before the first heartbeat). */
	gatewayPingMs(): number | null;
}

// Engine time is a few ms (README, Benchmarks); the buckets resolve that range and its tail.
const ENGINE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
// Discord drops an interaction not answered within 3 s: the 3 s bucket shows how close replies come.
const REPLY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

/**
 * One registry per bot, not prom-client's global one: tests run several bots in one process,
 * and each must count only its own work.
 *
 * @example
 * const metrics = new Metrics();
 * metrics.watch({ knowledge: () => counts, gatewayPingMs: () => client.ws.ping });
 * metrics.answer('answered', result.ms);
 * const text = await metrics.render();
 */
export class Metrics {
	readonly registry = new Registry();
	#sources: MetricSources | null = null;
	readonly #answers: Counter<'outcome'>;
	readonly #engineSeconds: Histogram;
	readonly #replySeconds: Histogram<'kind'>;
	readonly #refreshes: Counter;
	readonly #refreshFailures: Counter;
	readonly #storeErrors: Counter;

	constructor(options: { defaultMetrics?: boolean } = {}) {
		const registers = [this.registry];
		if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: METRIC_PREFIX });
		this.#answers = new Counter({
			name: `${METRIC_PREFIX}answers_total`,
			help: 'Questions handled, by outcome',
			labelNames: ['outcome'],
			registers,
		});
		// Every outcome shows from the first scrape, at 0, so rate() and alerts work before it first happens.
		for (const outcome of ANSWER_OUTCOMES) this.#answers.labels(outcome).inc(0);
		this.#engineSeconds = new Histogram({
			name: `${METRIC_PREFIX}engine_seconds`,
			help: 'Answer engine time per question, in seconds',
			buckets: ENGINE_BUCKETS,
			registers,
		});
		this.#replySeconds = new Histogram({
			name: `${METRIC_PREFIX}reply_seconds`,
			help: 'Time from an interaction reaching the bot to its handler having replied, in seconds',
			labelNames: ['kind'],
			buckets: REPLY_BUCKETS,
			registers,
		});
		this.#refreshes = new Counter({
			name: `${METRIC_PREFIX}refreshes_total`,
			help: 'Knowledge base rebuilds attempted after startup (/kb refresh, add, remove, sync from another process)',
			registers,
		});
		this.#refreshFailures = new Counter({
			name: `${METRIC_PREFIX}refresh_failures_total`,
			help: 'Knowledge base rebuilds that failed and kept the old knowledge base',
			registers,
		});
		this.#storeErrors = new Counter({
			name: `${METRIC_PREFIX}store_errors_total`,
			help: 'Store operations that failed (or were refused while writes were paused after a failure)',
			registers,
		});
		const sources = () => this.#sources;
		const gauge = (name: string, help: string, read: () => number) =>
			new Gauge({
				name: `${METRIC_PREFIX}${name}`,
				help,
				registers,
				collect() {
					this.set(read());
				},
			});
		gauge('knowledge_documents', 'Documents in the live knowledge base', () => sources()?.knowledge()?.documents ?? 0);
		gauge('knowledge_facts', 'Facts in the live knowledge base', () => sources()?.knowledge()?.facts ?? 0);
		gauge('gateway_ping_seconds', 'Discord gateway heartbeat round trip, in seconds (NaN until the first heartbeat)', () => {
			const ms = sources()?.gatewayPingMs();
			// discord.js reports -1 before the first heartbeat: unknown, not zero latency.
			return ms === null || ms === undefined || ms < 0 ? Number.NaN : ms / 1000;
		});
	}

	/** Where the gauges read the live knowledge base and gateway from. */
	watch(sources: MetricSources): void {
		this.#sources = sources;
	}

	/** One question handled; `engineMs` (Answer.ms) when the engine ran. */
	answer(outcome: AnswerOutcome, engineMs?: number): void {
		this.#answers.labels(outcome).inc();
		if (engineMs !== undefined && Number.isFinite(engineMs)) this.#engineSeconds.observe(Math.max(0, engineMs) / 1000);
	}

	reply(kind: ReplyKind, seconds: number): void {
		this.#replySeconds.labels(kind).observe(Math.max(0, seconds));
	}

	refresh(ok: boolean): void {
		this.#refreshes.inc();
		if (!ok) this.#refreshFailures.inc();
	}

	storeError(): void {
		this.#storeErrors.inc();
	}

	/** The Prometheus text exposition of every metric. */
	render(): Promise<string> {
		return this.registry.metrics();
	}

	get contentType(): string {
		return this.registry.contentType;
	}
}
