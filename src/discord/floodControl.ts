import { MAX_DM_QUEUE } from '../env.ts';
import type { FloodBucket } from '../store/store.ts';

/** Flood control's numbers (see `.env.example`: ASK_BURST, ASK_REFILL_SECONDS, ASK_DM_QUEUE). */
export interface FloodOptions {
	/** Questions a user may ask back to back: the bucket's size. */
	burst: number;
	/** Milliseconds to earn one more question once the burst is spent; 0 switches flood control off. */
	refillMs: number;
}

/** What {@link FloodControl.take} decided: go ahead (after `delayMs`, 0 for now), or refused for `waitMs`. */
export type FloodDecision = { ok: true; delayMs: number } | { ok: false; waitMs: number };

/** Buckets kept where every process sees them (the PostgreSQL store; see `Store.withFloodBucket`). */
export interface SharedBuckets {
	withFloodBucket<T>(key: string, initial: FloodBucket, decide: (bucket: FloodBucket) => { next: FloodBucket | null; result: T }): Promise<T>;
	pruneFloodBuckets(before: number): Promise<void>;
}

/** Shared buckets are swept of full ones once in this many turns. */
const PRUNE_EVERY = 1_000;

/**
 * Per-user token buckets: a short burst of questions is answered at once, sustained flooding is held to one
 * question per refill. A caller that can wait (a DM) may queue a few questions past the burst: each is answered
 * when its turn is earned rather than refused.
 *
 * Without shared buckets each process keeps its own, in memory. With them (PostgreSQL) {@link turn} takes the
 * turn from the one bucket every process and machine shares, so a user is held to one burst wherever the
 * interaction lands; should the store fail, the process's own bucket decides meanwhile (a question is never
 * refused because the database is down).
 */
export class FloodControl {
	private readonly buckets = new Map<string, { tokens: number; at: number }>();
	private turns = 0;

	constructor(
		private readonly options: FloodOptions,
		private readonly now: () => number = Date.now,
		private readonly shared?: SharedBuckets,
	) {}

	/**
	 * Takes one question's turn for `key` from this process's bucket. With `queue` > 0, up to that many questions
	 * may wait for a turn (the bucket goes into debt); beyond it, or with no queue, a question without a turn is refused.
	 */
	take(key: string, queue = 0): FloodDecision {
		if (this.options.refillMs <= 0) return { ok: true, delayMs: 0 };
		const now = this.now();
		const { next, result } = this.decide(this.buckets.get(key) ?? { tokens: this.options.burst, at: now }, now, queue);
		if (next) this.buckets.set(key, next);
		this.prune(now);
		return result;
	}

	/** {@link take}, from the shared bucket when there is one. */
	async turn(key: string, queue = 0): Promise<FloodDecision> {
		if (!this.shared || this.options.refillMs <= 0) return this.take(key, queue);
		const now = this.now();
		try {
			const result = await this.shared.withFloodBucket(key, { tokens: this.options.burst, at: now }, (bucket) => this.decide(bucket, now, queue));
			if (++this.turns % PRUNE_EVERY === 0) void this.shared.pruneFloodBuckets(now - this.fullAfterMs()).catch(() => undefined);
			return result;
		} catch {
			// The store counts and logs its own failures; answering goes on under this process's bucket.
			return this.take(key, queue);
		}
	}

	/** The bucket refilled to `now`, and the turn it gives: the bucket to keep (null when refused) and the decision. */
	private decide(bucket: FloodBucket, now: number, queue: number): { next: FloodBucket | null; result: FloodDecision } {
		const { burst, refillMs } = this.options;
		const tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.at) / refillMs);
		// A question needs a whole token: the time to earn what is missing is when its turn comes.
		const delayMs = tokens >= 1 ? 0 : Math.ceil((1 - tokens) * refillMs);
		if (delayMs > 0 && tokens - 1 < -queue) return { next: null, result: { ok: false, waitMs: delayMs } };
		return { next: { tokens: tokens - 1, at: now }, result: { ok: true, delayMs } };
	}

	/** How long after its last turn a bucket is surely full again, the deepest queue (ASK_DM_QUEUE) included: the same as none. */
	private fullAfterMs(): number {
		return (this.options.burst + MAX_DM_QUEUE) * this.options.refillMs;
	}

	/** Bounds memory under bursts from many users: a full bucket is the same as none. */
	private prune(now: number): void {
		if (this.buckets.size <= 10_000) return;
		const { burst, refillMs } = this.options;
		for (const [key, bucket] of this.buckets) if (bucket.tokens + (now - bucket.at) / refillMs >= burst) this.buckets.delete(key);
	}
}
