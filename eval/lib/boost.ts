/**
 * Gradient-boosted stumps under logistic loss: an additive model whose every term depends on one feature, so a
 * decision still splits into per-feature contributions that add up to its logit, while each feature's effect
 * may bend (a little coverage counts for nothing, most of it for a lot). Deterministic.
 */
export interface Stump {
	feature: number;
	threshold: number;
	/** Added to the logit when the feature is at most the threshold, and above it. */
	below: number;
	above: number;
}

export interface Boosted {
	bias: number;
	stumps: Stump[];
}

export interface BoostOptions {
	rounds: number;
	shrinkage: number;
	/** Least rows on each side of a split. */
	minLeaf: number;
	/** Added to each leaf's Hessian: shrinks small leaves towards zero. */
	l2: number;
	/**
	 * Per input, the direction its effect must take (+1 rising, -1 falling), if any: steps against it are never
	 * taken, so more coverage can never lower the confidence however the training questions fell.
	 */
	monotone?: readonly (1 | -1 | 0)[];
}

/**
 * Rows may carry an `offset`, a logit some other model already gives them: the steps then correct that model
 * rather than start from the base rate (the bias is then 0).
 */
export function fitStumps(rows: readonly { x: readonly number[]; y: 0 | 1; weight?: number; offset?: number }[], options: BoostOptions): Boosted {
	const n = rows.length;
	const d = rows[0]?.x.length ?? 0;
	const total = rows.reduce((sum, r) => sum + (r.weight ?? 1), 0);
	const positives = rows.reduce((sum, r) => sum + (r.y === 1 ? (r.weight ?? 1) : 0), 0);
	const offset = rows.some((r) => r.offset !== undefined);
	const bias = offset ? 0 : Math.log((positives + 1) / (total - positives + 1));
	const logits = Float64Array.from(rows, (r) => bias + (r.offset ?? 0));
	// Candidate thresholds per feature: midpoints between distinct values, at most 32 quantiles.
	const orders = Array.from({ length: d }, (_, f) => [...rows.keys()].sort((a, b) => rows[a]!.x[f]! - rows[b]!.x[f]!));
	const stumps: Stump[] = [];
	for (let round = 0; round < options.rounds; round++) {
		const g = new Float64Array(n);
		const h = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const p = 1 / (1 + Math.exp(-logits[i]!));
			const weight = rows[i]!.weight ?? 1;
			g[i] = (rows[i]!.y - p) * weight;
			h[i] = Math.max(p * (1 - p), 1e-6) * weight;
		}
		const G = g.reduce((a, b) => a + b, 0);
		const H = h.reduce((a, b) => a + b, 0);
		let best: (Stump & { gain: number }) | undefined;
		for (let f = 0; f < d; f++) {
			const order = orders[f]!;
			const step = Math.max(1, Math.floor(n / 32));
			let gl = 0;
			let hl = 0;
			let k = 0;
			for (let at = 0; at < n - 1; at++) {
				const i = order[at]!;
				gl += g[i]!;
				hl += h[i]!;
				k++;
				const value = rows[i]!.x[f]!;
				const next = rows[order[at + 1]!]!.x[f]!;
				if (next === value || k < options.minLeaf || n - k < options.minLeaf || (at % step !== 0 && next - value < 1e-9)) continue;
				const gr = G - gl;
				const hr = H - hl;
				const direction = options.monotone?.[f] ?? 0;
				if (direction !== 0 && (gr / (hr + options.l2) - gl / (hl + options.l2)) * direction < 0) continue;
				const gain = (gl * gl) / (hl + options.l2) + (gr * gr) / (hr + options.l2) - (G * G) / (H + options.l2);
				if (!best || gain > best.gain + 1e-12) best = { feature: f, threshold: (value + next) / 2, below: gl / (hl + options.l2), above: gr / (hr + options.l2), gain };
			}
		}
		if (!best || best.gain < 1e-6) break;
		const stump = { feature: best.feature, threshold: best.threshold, below: best.below * options.shrinkage, above: best.above * options.shrinkage };
		stumps.push(stump);
		for (let i = 0; i < n; i++) logits[i]! += rows[i]!.x[stump.feature]! <= stump.threshold ? stump.below : stump.above;
	}
	return { bias, stumps };
}

export function boostedLogit(model: Boosted, x: readonly number[]): number {
	let z = model.bias;
	for (const s of model.stumps) z += x[s.feature]! <= s.threshold ? s.below : s.above;
	return z;
}
