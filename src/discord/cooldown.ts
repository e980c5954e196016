/**
 * Per-user cooldowns, in memory. Each shard keeps its own: a user reaching two shards at once
 * gets at most one extra question through, which is harmless; nothing else depends on it.
 */
export class Cooldowns {
	private readonly until = new Map<string, number>();

	constructor(
		/** Cooldown length in milliseconds; 0 disables. */
		private readonly ms: number,
		private readonly now: () => number = Date.now,
	) {}

	/**
	 * Takes the user's turn: returns 0 when they may go ahead (and starts their cooldown),
	 * else the milliseconds left to wait.
	 */
	take(key: string): number {
		if (this.ms <= 0) return 0;
		const now = this.now();
		const until = this.until.get(key) ?? 0;
		if (until > now) return until - now;
		this.until.set(key, now + this.ms);
		// Bound memory under bursts from many users.
		if (this.until.size > 10_000) {
			for (const [user, end] of this.until) if (end <= now) this.until.delete(user);
		}
		return 0;
	}
}
