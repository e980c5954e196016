/** The human-readable report: one table per size, growth exponents, the Discord figure and issue 5's targets. */
import { QUERY_KINDS } from './corpus.ts';
import { ms } from './measure.ts';
import type { BenchResult, SizeFigures, SystemFigures } from './run.ts';

const n = (value: number) => value.toLocaleString('en-US');
const mb = (value: number) => `${Math.round(value)} MB`;
const ratio = (slow: number, fast: number) => (fast > 0 && Number.isFinite(slow) ? `${slow / fast >= 10 ? (slow / fast).toFixed(0) : (slow / fast).toFixed(1)}×` : 'n/a');

function table(rows: string[][]): string[] {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
	return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}

function timed(f: { n: number; of: number }): string {
	return f.n === f.of ? `all ${f.n}` : `${f.n} of ${f.of}`;
}

function synthetic(f: SystemFigures, kind: (typeof QUERY_KINDS)[number]): string {
	const s = f.synthetic[kind];
	return s ? `${s.correct}/${s.total}` : '-';
}

function sizeTable(size: SizeFigures): string[] {
	const systems = [size.engine, ...size.baselines];
	const row = (label: string, cell: (f: SystemFigures) => string) => [label, ...systems.map(cell)];
	const rows = [
		['', ...systems.map((f) => f.name)],
		row('build (read + ingest + index)', (f) => ms(f.buildMs)),
		row('  index only', (f) => (f.indexMs === undefined ? '' : ms(f.indexMs))),
		row('heap held by the index', (f) => mb(f.heapMB)),
		row('process heap / RSS after build', (f) => `${mb(f.processHeapMB)} / ${mb(f.rssMB)}`),
		row('/ask p50', (f) => ms(f.ask.p50)),
		row('/ask p99', (f) => ms(f.ask.p99)),
		row('  queries timed', (f) => timed(f.ask)),
		row('autocomplete p50', (f) => ms(f.autocomplete.p50)),
		row('autocomplete p99', (f) => ms(f.autocomplete.p99)),
		row('  prefixes timed', (f) => timed(f.autocomplete)),
		...QUERY_KINDS.map((kind) => row(`synthetic ${kind}: right`, (f) => synthetic(f, kind))),
	];
	if (systems.some((f) => f.quality)) {
		rows.push(row('real questions (run.mjs scoring)', (f) => (f.quality ? `${f.quality.correct}/${f.quality.total}` : 'full run only')));
		rows.push(row('  answerable / abstain', (f) => (f.quality ? `${f.quality.answerable.correct}/${f.quality.answerable.total} ${f.quality.abstain.correct}/${f.quality.abstain.total}` : '')));
	}
	rows.push(row('/ask p50: baseline ÷ engine', (f) => (f === size.engine ? '' : ratio(f.ask.p50, size.engine.ask.p50))));
	rows.push(row('autocomplete p50: baseline ÷ engine', (f) => (f === size.engine ? '' : ratio(f.autocomplete.p50, size.engine.autocomplete.p50))));
	const lines = [`${n(size.facts)} facts in ${n(size.documents)} documents (target ${n(size.target)}; ${size.queries} mixed queries)`, ...table(rows)];
	const r = size.refresh;
	if (r) {
		lines.push(
			`refresh: ${ms(r.ms)}; longest event-loop stall ${ms(r.longestStallMs)} (delay histogram max ${ms(r.histogramMaxMs)}, which includes the queries' own time); ` +
				`${r.queriesDuring} queries answered during it, ${r.allFromOld ? 'all' : 'NOT all'} from the old knowledge base`,
		);
	}
	return lines;
}

/** Exponent k in time ∝ facts^k between two sizes. */
export function growth(a: SizeFigures, b: SizeFigures, pick: (f: SystemFigures) => number, system: (s: SizeFigures) => SystemFigures | undefined): number {
	const fa = system(a);
	const fb = system(b);
	if (!fa || !fb) return Number.NaN;
	return Math.log(pick(fb) / pick(fa)) / Math.log(b.facts / a.facts);
}

export function printReport(result: BenchResult, write: (line: string) => void): void {
	const m = result.machine;
	write(`Ombudsbot benchmark (${result.mode}) — ${result.when}`);
	write(`machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGB} GB, node ${m.node} (${m.platform})`);
	write(`autocomplete measured with ${result.autocompleteFunction}; MiniSearch options ${JSON.stringify(result.minisearchOptions)}; Fuse.js default options`);
	write(`engine: ${result.engineVersion}`);
	write(`real questions: ${result.realQuestions}${result.seedQuality ? `; the engine on knowledge/ alone scores ${result.seedQuality.correct}/${result.seedQuality.total}` : ''}`);
	for (const size of result.sizes) {
		write('');
		for (const line of sizeTable(size)) write(line);
	}
	const at = (facts: number) => result.sizes.find((s) => s.target === facts);
	const s10 = at(10_000);
	const s100 = at(100_000);
	const [lo, hi] = s10 && s100 ? [s10, s100] : result.sizes.length >= 2 ? [result.sizes[result.sizes.length - 2]!, result.sizes[result.sizes.length - 1]!] : [];
	if (lo && hi) {
		write('');
		write(`growth ${n(lo.facts)} → ${n(hi.facts)} facts (k in time ∝ facts^k; 1 = linear):`);
		const names = [lo.engine.name, ...lo.baselines.map((b) => b.name)];
		const systemOf = (name: string) => (s: SizeFigures) => (name === 'engine' ? s.engine : s.baselines.find((b) => b.name === name));
		for (const line of table([
			['', '/ask p50', '/ask p99', 'autocomplete p50', 'build'],
			...names.map((name) => [
				name,
				growth(lo, hi, (f) => f.ask.p50, systemOf(name)).toFixed(2),
				growth(lo, hi, (f) => f.ask.p99, systemOf(name)).toFixed(2),
				growth(lo, hi, (f) => f.autocomplete.p50, systemOf(name)).toFixed(2),
				growth(lo, hi, (f) => f.buildMs, systemOf(name)).toFixed(2),
			]),
		]))
			write(`  ${line}`);
	}
	if (result.discord) {
		write('');
		const d = result.discord.figures;
		if (typeof d === 'string') write(`Discord (fake server of the tests, ${n(result.discord.size)} facts): ${d}`);
		else {
			write(
				`Discord (fake server of the tests, ${n(result.discord.size)} facts; bot start ${ms(d.startupMs)}): /ask interaction → reply sent p50 ${ms(d.ask.p50)}, p99 ${ms(d.ask.p99)} (n=${d.ask.n}, response type ${d.callbackTypes.join('/')}); ` +
					`autocomplete → choices p50 ${ms(d.autocomplete.p50)}, p99 ${ms(d.autocomplete.p99)} (n=${d.autocomplete.n})`,
			);
		}
	}
	write('');
	write('issue 5 targets:');
	for (const line of targets(result)) write(`  ${line}`);
}

/** Each target of issue 5 with the measured figure; "not measured" when this run lacks the size. */
export function targets(result: BenchResult): string[] {
	const at = (facts: number) => result.sizes.find((s) => s.target === facts);
	const out: string[] = [];
	const check = (label: string, ok: boolean | undefined, figure: string) => out.push(`${ok === undefined ? '[ - ]' : ok ? '[met]' : '[MISS]'} ${label}: ${figure}`);
	const big = at(100_000);
	const ten = at(10_000);
	if (big) {
		const e = big.engine;
		check('100k /ask p50 ≤ 1 ms', e.ask.p50 <= 1, ms(e.ask.p50));
		check('100k /ask p99 ≤ 5 ms', e.ask.p99 <= 5, ms(e.ask.p99));
		check('100k autocomplete p99 ≤ 2 ms', e.autocomplete.p99 <= 2, ms(e.autocomplete.p99));
		check('100k index build ≤ 5 s', e.buildMs <= 5000, `${ms(e.buildMs)} read+ingest+index (${ms(e.indexMs ?? Number.NaN)} index only)`);
		check('100k heap ≤ 300 MB', e.processHeapMB <= 300, `${mb(e.processHeapMB)} process heap after build (index holds ${mb(e.heapMB)})`);
		const r = big.refresh;
		if (r) check('100k refresh never blocks the loop > 50 ms, old KB answers meanwhile', r.longestStallMs <= 50 && r.allFromOld, `longest stall ${ms(r.longestStallMs)}; old KB answered ${r.allFromOld ? 'all' : 'not all'} ${r.queriesDuring} queries during it`);
	} else {
		out.push('[ - ] 100k targets: not measured in this run (full run only)');
	}
	if (ten) {
		const fuse = ten.baselines.find((b) => b.name === 'Fuse.js');
		if (fuse) check('10k ≥ 50× faster than Fuse.js at p50', fuse.ask.p50 / ten.engine.ask.p50 >= 50, `${ratio(fuse.ask.p50, ten.engine.ask.p50)} (${ms(fuse.ask.p50)} vs ${ms(ten.engine.ask.p50)})`);
		const eq = ten.engine.quality;
		const best = Math.max(...ten.baselines.map((b) => b.quality?.correct ?? -1));
		if (eq) check('10k answers at least as good as the baselines on the real questions', eq.correct >= best, `engine ${eq.correct}/${eq.total}; ${ten.baselines.map((b) => `${b.name} ${b.quality ? `${b.quality.correct}/${b.quality.total}` : 'not run'}`).join(', ')}`);
	}
	if (ten && big) {
		const k = growth(ten, big, (f) => f.ask.p50, (s) => s.engine);
		check('query time grows sub-linearly 10k → 100k', k < 1, `exponent ${k.toFixed(2)} (/ask p50)`);
	}
	const d = result.discord?.figures;
	if (d) check('Discord interaction → reply p50 ≤ 20 ms for /ask', typeof d === 'string' ? undefined : d.ask.p50 <= 20, typeof d === 'string' ? d : `${ms(d.ask.p50)} at ${n(result.discord!.size)} facts`);
	return out;
}
