/** Flood control's numbers (see `.env.example`: ASK_BURST, ASK_REFILL_SECONDS, ASK_DM_QUEUE). */
export interface FloodOptions {
	/** Questions a user may ask back to back: the bucket's size. */
	burst: number;
	/** Milliseconds to earn one more question once the burst is spent; 0 switches flood control off. */
	refillMs: number;
}

/** What {@link FloodControl.take} decided: go ahead (after `delayMs`, 0 for now), or refused for `waitMs`. */
export type FloodDecision = { ok: true; delayMs: number } | { ok: false; waitMs: number };

/**
 * Per-user token buckets, in memory: a short burst of questions is answered at once, sustained flooding is
 * held to one question per refill. A caller that can wait (a DM) may queue a few questions past the burst: each
 * is answered when its turn is earned rather than refused. Each shard keeps its own buckets: a user reaching two
 * shards at once gets at most a burst more through, which is harmless; nothing else depends on it.
 */
export class FloodControl {
	private readonly buckets = new Map<string, { tokens: number; at: number }>();

	constructor(
		private readonly options: FloodOptions,
		private readonly now: () => number = Date.now,
	) {}

	/**
	 * Takes one question's turn for `key`. With `queue` > 0, up to that many questions may wait for a turn
	 * (the bucket goes into debt); beyond it, or with no queue, a question without a turn is refused.
	 */
	take(key: string, queue = 0): FloodDecision {
		const { burst, refillMs } = this.options;
		if (refillMs <= 0) return { ok: true, delayMs: 0 };
		const now = this.now();
		const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
		const tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / refillMs);
		// A question needs a whole token: the time to earn what is missing is when its turn comes.
		const delayMs = tokens >= 1 ? 0 : Math.ceil((1 - tokens) * refillMs);
		if (delayMs > 0 && tokens - 1 < -queue) return { ok: false, waitMs: delayMs };
		this.buckets.set(key, { tokens: tokens - 1, at: now });
		this.prune(now);
		return { ok: true, delayMs };
	}

	/** Bounds memory under bursts from many users: a full bucket is the same as none. */
	private prune(now: number): void {
		if (this.buckets.size <= 10_000) return;
		const { burst, refillMs } = this.options;
		for (const [key, bucket] of this.buckets) if (bucket.tokens + (now - bucket.at) / refillMs >= burst) this.buckets.delete(key);
	}
}
