/** Timing and memory helpers shared by the benchmark's parts. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before each memory reading, without asking the user to start node with --expose-gc.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Latency figures in milliseconds over `n` timed calls. */
export interface Latency {
	n: number;
	p50: number;
	p99: number;
	max: number;
	mean: number;
}

/** Nearest-rank percentile of a sorted list (the convention of ../shared/eval/run.mjs). */
export function percentile(sorted: readonly number[], p: number): number {
	return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : Number.NaN;
}

export function summarize(samples: readonly number[]): Latency {
	const sorted = [...samples].sort((a, b) => a - b);
	return {
		n: sorted.length,
		p50: percentile(sorted, 0.5),
		p99: percentile(sorted, 0.99),
		max: sorted[sorted.length - 1] ?? Number.NaN,
		mean: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1),
	};
}

/**
 * Times `run` once per input. With a `budgetMs`, stops once that much time is spent (after at least
 * `minimum` calls): how a baseline that takes seconds per query is timed on a stated sample.
 */
export function timeEach<T>(inputs: readonly T[], run: (input: T) => unknown, budgetMs = Infinity, minimum = 5): { samples: number[]; of: number } {
	const samples: number[] = [];
	const started = performance.now();
	for (const input of inputs) {
		if (samples.length >= minimum && performance.now() - started > budgetMs) break;
		const t = performance.now();
		run(input);
		samples.push(performance.now() - t);
	}
	return { samples, of: inputs.length };
}

/** Picks inputs spread evenly over a list, so a sample of the query set keeps its mix of kinds. */
export function spread<T>(list: readonly T[], count: number): T[] {
	if (count >= list.length) return [...list];
	const step = list.length / count;
	return Array.from({ length: count }, (_, i) => list[Math.floor(i * step)]!);
}

export interface Memory {
	heapMB: number;
	rssMB: number;
}

/** Heap and RSS after a full garbage collection. */
export function memory(): Memory {
	collect();
	collect();
	const usage = process.memoryUsage();
	return { heapMB: usage.heapUsed / 2 ** 20, rssMB: usage.rss / 2 ** 20 };
}

/**
 * Runs `work` while watching the event loop: a 1 ms-resolution delay histogram and a probe timer that
 * also runs `onTick` (queries arriving while the work goes on). Returns the longest stall in ms: the
 * longest time between two ticks beyond the interval, not counting the ticks' own work; the histogram's
 * maximum (which does count it) is returned beside it.
 */
export async function watchEventLoop<T>(work: () => Promise<T>, onTick: () => void, intervalMs = 5): Promise<{ result: T; longestStallMs: number; histogramMaxMs: number; ticks: number }> {
	const histogram = monitorEventLoopDelay({ resolution: 1 });
	let last = performance.now();
	let longestGap = 0;
	let ticks = 0;
	const probe = setInterval(() => {
		const now = performance.now();
		longestGap = Math.max(longestGap, now - last - intervalMs);
		ticks++;
		onTick();
		// Measured from the end of this tick: the next gap is time the loop spent on other work (the
		// refresh), not on answering the query that arrived now.
		last = performance.now();
	}, intervalMs);
	histogram.enable();
	try {
		const result = await work();
		// One more tick, so a stall at the very end of the work is seen too.
		await new Promise((resolve) => setTimeout(resolve, intervalMs * 2));
		const now = performance.now();
		longestGap = Math.max(longestGap, now - last - intervalMs * 2);
		return { result, longestStallMs: Math.max(0, longestGap), histogramMaxMs: histogram.max / 1e6, ticks };
	} finally {
		histogram.disable();
		clearInterval(probe);
	}
}

/** Milliseconds for a table: "0.42 ms", "37 ms", "1.78 s". */
export function ms(value: number): string {
	if (!Number.isFinite(value)) return 'n/a';
	if (value >= 1000) return `${(value / 1000).toFixed(2)} s`;
	if (value >= 10) return `${value.toFixed(0)} ms`;
	return `${value.toFixed(2)} ms`;
}
