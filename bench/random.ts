/**
 * A small seeded PRNG (mulberry32), so every benchmark run writes byte-identical knowledge folders
 * and asks the same questions: figures from two machines compare like for like.
 */
export class Random {
	#state: number;

	constructor(seed: number) {
		this.#state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.#state = (this.#state + 0x6d2b79f5) >>> 0;
		let t = this.#state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	pick<T>(list: readonly T[]): T {
		return list[Math.floor(this.next() * list.length)]!;
	}

	/**
	 * Picks with a Zipf-like skew (a few items often, most rarely), as words and names occur in real text.
	 * @param skew 0 is uniform; 1 is roughly Zipf.
	 */
	zipf<T>(list: readonly T[], skew = 1): T {
		const u = this.next();
		const index = Math.floor(list.length * Math.pow(u, 1 + skew * 1.5));
		return list[Math.min(list.length - 1, index)]!;
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	shuffle<T>(list: T[]): T[] {
		for (let i = list.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[list[i], list[j]] = [list[j]!, list[i]!];
		}
		return list;
	}
}
