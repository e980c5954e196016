/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) with an L2 penalty:
 * deterministic, exact to the last digit for the same rows, and fast for the few dozen features here.
 */
export interface Fitted {
	weights: number[];
	bias: number;
}

export interface Row {
	x: readonly number[];
	y: 0 | 1;
	/** How much the row counts (1 unless said). */
	weight?: number;
}

export function fitLogistic(rows: readonly Row[], l2: number, iterations = 50): Fitted {
	const d = rows[0]?.x.length ?? 0;
	// The bias is the last coefficient and is not penalised.
	let beta = new Array<number>(d + 1).fill(0);
	for (let it = 0; it < iterations; it++) {
		const gradient = new Array<number>(d + 1).fill(0);
		const hessian = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
		for (const row of rows) {
			const z = dot(beta, row.x);
			const p = 1 / (1 + Math.exp(-z));
			const rowWeight = row.weight ?? 1;
			const w = Math.max(p * (1 - p), 1e-9) * rowWeight;
			const residual = (row.y - p) * rowWeight;
			for (let i = 0; i <= d; i++) {
				const xi = i < d ? row.x[i]! : 1;
				gradient[i]! += residual * xi;
				for (let j = i; j <= d; j++) hessian[i]![j]! += w * xi * (j < d ? row.x[j]! : 1);
			}
		}
		for (let i = 0; i <= d; i++) {
			for (let j = 0; j < i; j++) hessian[i]![j] = hessian[j]![i]!;
			if (i < d) {
				gradient[i]! -= l2 * beta[i]!;
				hessian[i]![i]! += l2;
			}
		}
		const step = solve(hessian, gradient);
		beta = beta.map((b, i) => b + step[i]!);
		if (Math.max(...step.map(Math.abs)) < 1e-8) break;
	}
	return { weights: beta.slice(0, d), bias: beta[d]! };
}

export function logitOf(model: Fitted, x: readonly number[]): number {
	return dot([...model.weights, model.bias], x);
}

function dot(beta: readonly number[], x: readonly number[]): number {
	let z = beta[beta.length - 1]!;
	for (let i = 0; i < x.length; i++) z += beta[i]! * x[i]!;
	return z;
}

/** Gaussian elimination with partial pivoting; the penalised Hessian is positive definite. */
function solve(matrix: number[][], vector: number[]): number[] {
	const n = vector.length;
	const a = matrix.map((row, i) => [...row, vector[i]!]);
	for (let col = 0; col < n; col++) {
		let pivot = col;
		for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
		[a[col], a[pivot]] = [a[pivot]!, a[col]!];
		const p = a[col]![col]! || 1e-12;
		for (let r = col + 1; r < n; r++) {
			const f = a[r]![col]! / p;
			if (f !== 0) for (let c = col; c <= n; c++) a[r]![c]! -= f * a[col]![c]!;
		}
	}
	const x = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let sum = a[r]![n]!;
		for (let c = r + 1; c < n; c++) sum -= a[r]![c]! * x[c]!;
		x[r] = sum / (a[r]![r]! || 1e-12);
	}
	return x;
}

/** One question's candidates for a listwise fit: their inputs and which are right. */
export interface Group {
	xs: readonly (readonly number[])[];
	right: readonly boolean[];
	weight?: number;
}

/**
 * Conditional logit (a softmax over each question's candidates) fitted by Newton's method with an L2 penalty:
 * the ranker learns which candidate of a question is the right one, not how likely each is right on its own, so
 * what all of a question's candidates share carries no weight. Questions with no right candidate say nothing of
 * that and are left out; with several right, each counts alike. The bias is 0: it would cancel in the softmax.
 */
export function fitConditionalLogit(groups: readonly Group[], l2: number, iterations = 50): Fitted {
	const used = groups.filter((g) => g.right.some(Boolean) && g.xs.length > 1);
	const d = used[0]?.xs[0]?.length ?? 0;
	let beta = new Array<number>(d).fill(0);
	for (let it = 0; it < iterations; it++) {
		const gradient = beta.map((b) => -l2 * b);
		const hessian = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? l2 : 0)));
		for (const group of used) {
			const w = group.weight ?? 1;
			const z = group.xs.map((x) => x.reduce((sum, v, i) => sum + v * beta[i]!, 0));
			const top = Math.max(...z);
			const e = z.map((v) => Math.exp(v - top));
			const total = e.reduce((a, b) => a + b, 0);
			const p = e.map((v) => v / total);
			const rightCount = group.right.filter(Boolean).length;
			const target = group.right.map((r) => (r ? 1 / rightCount : 0));
			const mean = new Array<number>(d).fill(0);
			group.xs.forEach((x, c) => x.forEach((v, i) => (mean[i]! += p[c]! * v)));
			group.xs.forEach((x, c) => {
				for (let i = 0; i < d; i++) {
					gradient[i]! += w * (target[c]! - p[c]!) * x[i]!;
					const xi = x[i]! - mean[i]!;
					for (let j = i; j < d; j++) hessian[i]![j]! += w * p[c]! * xi * (x[j]! - mean[j]!);
				}
			});
		}
		for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) hessian[i]![j] = hessian[j]![i]!;
		const step = solve(hessian, gradient);
		beta = beta.map((b, i) => b + step[i]!);
		if (Math.max(...step.map(Math.abs)) < 1e-8) break;
	}
	return { weights: beta, bias: 0 };
}
