/**
 * `npm run bench [-- --quick] [-- --json] [-- --out FILE.json] [-- --sizes 1000,10000] [-- --no-discord] [-- --keep]`
 *
 * The engine at 1,000, 10,000 and 100,000 facts, side by side with plain Fuse.js and MiniSearch (BM25),
 * over the same facts and queries, in one process and one run (issue 5). Knowledge folders are generated
 * deterministically into a temporary folder and loaded through the normal ingestion path.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answer, buildKnowledgeBase, loadKnowledgeBase, suggestQuestions, type KnowledgeBase } from '../src/answering/index.ts';
import { fuseBaseline, miniSearchBaseline, MINISEARCH_OPTIONS, type Baseline } from './baselines.ts';
import { QUERY_KINDS, writeCorpus, type BenchQuery, type QueryKind } from './corpus.ts';
import { measureDiscord, type DiscordFigures } from './discord.ts';
import { memory, ms, spread, summarize, timeEach, watchEventLoop, type Latency } from './measure.ts';
import { contains, readEvalQuestions, score, type EvalQuestion, type Score } from './quality.ts';
import { printReport } from './report.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KNOWLEDGE = join(ROOT, 'knowledge');
/** During a refresh, one question every this many ms (20 a second): queries keep arriving without starving it. */
const QUESTION_INTERVAL_MS = 50;
const EVAL_QUESTIONS = resolve(ROOT, '..', 'shared', 'eval', 'questions.json');

/** How much of a run each mode may spend, and on what. */
interface Plan {
	sizes: number[];
	queriesPerKind: number;
	/** Questions whose prefixes (1..20 characters) are typed into autocomplete. */
	autocompleteQuestions: number;
	/** Longest a baseline may spend timing one operation at one size (it then stops, on a stated sample). */
	baselineBudgetMs: number;
	/** Same for the engine: a guard, not a sample, unless the engine is very slow. */
	engineBudgetMs: number;
	/** Size at which answer quality on the real questions is compared (engine vs baselines). */
	qualitySize: number;
	/** Whether Fuse.js answers every real question (about 1 s each at 10,000 facts). */
	fuseQuality: boolean;
	discordSize: number | null;
	discordQuestions: number;
}

export interface SystemFigures {
	name: string;
	buildMs: number;
	/** Engine only: the index build alone, from already-ingested documents. */
	indexMs?: number;
	/** Heap the system's index holds (heap after build minus heap before, both after a full GC). */
	heapMB: number;
	/** The whole process's heap and RSS after the build (GC'd). */
	processHeapMB: number;
	rssMB: number;
	ask: Latency & { of: number };
	autocomplete: Latency & { of: number };
	/** Synthetic queries answered with the expected phrase (answerable kinds) or abstained (unanswerable). */
	synthetic: Partial<Record<QueryKind, { correct: number; total: number }>>;
	quality?: Score;
}

export interface RefreshFigures {
	ms: number;
	longestStallMs: number;
	histogramMaxMs: number;
	queriesDuring: number;
	allFromOld: boolean;
}

export interface SizeFigures {
	target: number;
	facts: number;
	documents: number;
	queries: number;
	engine: SystemFigures;
	baselines: SystemFigures[];
	refresh?: RefreshFigures;
}

export interface BenchResult {
	when: string;
	mode: 'quick' | 'full';
	machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string };
	autocompleteFunction: string;
	minisearchOptions: typeof MINISEARCH_OPTIONS;
	sizes: SizeFigures[];
	discord?: { size: number; figures: DiscordFigures | string };
	realQuestions: string;
	/** The engine on the project's knowledge folder alone, for reference: what growth costs in quality. */
	seedQuality?: Score;
	/** Commit, and whether the engine's files had uncommitted changes when this ran. */
	engineVersion: string;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			quick: { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
			sizes: { type: 'string' },
			'no-discord': { type: 'boolean', default: false },
			keep: { type: 'boolean', default: false },
			out: { type: 'string' },
		},
	});
	const quick = values.quick === true;
	const plan: Plan = quick
		? { sizes: [1_000, 10_000], queriesPerKind: 12, autocompleteQuestions: 8, baselineBudgetMs: 2_500, engineBudgetMs: 5_000, qualitySize: 10_000, fuseQuality: false, discordSize: 10_000, discordQuestions: 20 }
		: { sizes: [1_000, 10_000, 100_000], queriesPerKind: 40, autocompleteQuestions: 20, baselineBudgetMs: 25_000, engineBudgetMs: 60_000, qualitySize: 10_000, fuseQuality: true, discordSize: 10_000, discordQuestions: 60 };
	if (values.sizes) plan.sizes = values.sizes.split(',').map((s) => Number(s.replace(/[_k]/g, (m) => (m === 'k' ? '000' : ''))));
	if (values['no-discord']) plan.discordSize = null;
	const log = (line: string) => process.stderr.write(`${line}\n`);

	const evalQuestions = readEvalQuestions(EVAL_QUESTIONS);
	const root = mkdtempSync(join(tmpdir(), 'ombudsbot-bench-'));
	const result: BenchResult = {
		when: new Date().toISOString(),
		mode: quick ? 'quick' : 'full',
		machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '?', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform },
		autocompleteFunction: 'suggestQuestions(kb, typed, 25)',
		minisearchOptions: MINISEARCH_OPTIONS,
		sizes: [],
		engineVersion: engineVersion(),
		realQuestions: evalQuestions ? `${evalQuestions.length} questions from ../shared/eval/questions.json` : 'skipped: ../shared/eval/questions.json not found',
	};
	// Warm-up on the real folder: loads the NLP model and JIT-compiles ingestion before anything is timed.
	const seed = (await loadKnowledgeBase(KNOWLEDGE)).knowledgeBase;
	if (seed && evalQuestions) result.seedQuality = score(evalQuestions, evalQuestions.map((q) => answer(q.q, seed)));
	log(`bench: ${result.mode} run, sizes ${plan.sizes.join(', ')}; folders in ${root}; ${Math.round(freemem() / 2 ** 30)} GB free`);
	try {
		for (const target of plan.sizes) {
			const figures = await measureSize(target, root, plan, evalQuestions, log);
			result.sizes.push(figures.size);
			if (plan.discordSize === target) {
				log(`  discord: /ask through the fake Discord server at ${target} facts`);
				const questions = spread(figures.queries.filter((q) => q.kind !== 'unanswerable'), plan.discordQuestions).map((q) => q.text);
				const prefixes = spread(autocompletePrefixes(figures.queries, plan.autocompleteQuestions), plan.discordQuestions);
				result.discord = { size: target, figures: await measureDiscord(figures.directory, questions, prefixes) };
			}
			if (!values.keep) rmSync(figures.directory, { recursive: true, force: true });
		}
	} finally {
		if (!values.keep) rmSync(root, { recursive: true, force: true });
	}
	if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
	if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
	else printReport(result, (line) => process.stdout.write(`${line}\n`));
}

function engineVersion(): string {
	try {
		const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		const dirty = git(['status', '--porcelain', '--', 'src/answering', 'src/search', 'src/knowledge', 'knowledge']);
		return `commit ${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' + uncommitted engine changes' : ''}`;
	} catch {
		return 'unknown (not a git checkout)';
	}
}

/** What a person has typed after 1 to 20 characters of each question. */
function autocompletePrefixes(queries: readonly BenchQuery[], questions: number): string[] {
	const typed = spread(queries.filter((q) => q.kind === 'exact' || q.kind === 'paraphrase'), questions);
	return typed.flatMap((q) => Array.from({ length: 20 }, (_, i) => q.text.slice(0, i + 1)));
}

async function measureSize(
	target: number,
	root: string,
	plan: Plan,
	evalQuestions: EvalQuestion[] | null,
	log: (line: string) => void,
): Promise<{ size: SizeFigures; directory: string; queries: BenchQuery[] }> {
	log(`${target.toLocaleString('en-US')} facts:`);
	const corpus = writeCorpus(join(root, `kb-${target}`), target, KNOWLEDGE, plan.queriesPerKind);
	// Real questions join the mix as what they are: exact questions, typos, keywords or unanswerable ones.
	const realQueries: BenchQuery[] = (evalQuestions ?? []).map((q) => ({ kind: realKind(q), text: q.q }));
	const queries = interleave([...corpus.queries, ...realQueries]);
	const prefixes = autocompletePrefixes(corpus.queries, plan.autocompleteQuestions);

	const before = memory();
	let started = performance.now();
	const { knowledgeBase, problems } = await loadKnowledgeBase(corpus.directory);
	const buildMs = performance.now() - started;
	if (!knowledgeBase || problems.length) throw new Error(`bench: the generated folder did not load cleanly: ${JSON.stringify(problems.slice(0, 3))}`);
	let kb: KnowledgeBase = knowledgeBase;
	const after = memory();
	log(`  engine: loaded ${kb.facts.length} facts from ${kb.documents.length} documents in ${ms(buildMs)}, heap +${after.heapMB - before.heapMB | 0} MB`);
	started = performance.now();
	await buildKnowledgeBase(corpus.directory, { documents: [...kb.documents], lexicon: kb.lexicon, problems: [] });
	const indexMs = performance.now() - started;

	for (const q of queries.slice(0, 10)) answer(q.text, kb); // warm-up, untimed
	const replies = new Map<BenchQuery, { answered: boolean; answer: string }>();
	const ask = timeEach(queries, (q) => {
		const a = answer(q.text, kb);
		replies.set(q, a);
	}, plan.engineBudgetMs);
	log(`  engine: /ask p50 ${ms(summarize(ask.samples).p50)} over ${ask.samples.length} queries`);
	const complete = timeEach(prefixes, (typed) => suggestQuestions(kb, typed, 25), plan.engineBudgetMs);
	const engine: SystemFigures = {
		name: 'engine',
		buildMs,
		indexMs,
		heapMB: after.heapMB - before.heapMB,
		processHeapMB: after.heapMB,
		rssMB: after.rssMB,
		ask: { ...summarize(ask.samples), of: ask.of },
		autocomplete: { ...summarize(complete.samples), of: complete.of },
		synthetic: syntheticScore(corpus.queries, (q) => replies.get(q)),
	};
	if (evalQuestions && target === plan.qualitySize) engine.quality = score(evalQuestions, evalQuestions.map((q) => answer(q.q, kb)));

	// Refresh: the same call KnowledgeHolder.refreshNow makes (await loadKnowledgeBase, then swap one
	// reference), while questions keep arriving and are answered from whatever is live.
	log('  engine: refresh while queries keep arriving');
	let live = kb;
	const old = kb;
	let refreshing = true;
	let during = 0;
	let fromOld = 0;
	let next = 0;
	let lastQuestion = 0;
	const watched = await watchEventLoop(
		async () => {
			const t = performance.now();
			const reloaded = await loadKnowledgeBase(corpus.directory);
			const refreshMs = performance.now() - t;
			live = reloaded.knowledgeBase!;
			refreshing = false;
			return refreshMs;
		},
		() => {
			// The probe ticks every 5 ms; a question arrives at most every QUESTION_INTERVAL_MS, a busy server's rate.
			if (performance.now() - lastQuestion < QUESTION_INTERVAL_MS) return;
			const current = live;
			answer(queries[next++ % queries.length]!.text, current);
			lastQuestion = performance.now();
			if (refreshing) {
				during++;
				if (current === old) fromOld++;
			}
		},
	);
	const refresh: RefreshFigures = { ms: watched.result, longestStallMs: watched.longestStallMs, histogramMaxMs: watched.histogramMaxMs, queriesDuring: during, allFromOld: fromOld === during };
	kb = live;
	log(`  engine: refresh ${ms(refresh.ms)}, longest event-loop stall ${ms(refresh.longestStallMs)}`);

	const baselines: SystemFigures[] = [];
	for (const make of [fuseBaseline, miniSearchBaseline]) {
		const b0 = memory();
		started = performance.now();
		const baseline: Baseline = make(kb.facts);
		const bBuild = performance.now() - started;
		const b1 = memory();
		const hits = new Map<BenchQuery, { answered: boolean; answer: string }>();
		const bAsk = timeEach(queries, (q) => {
			const top = baseline.search(q.text, 1)[0];
			hits.set(q, { answered: top !== undefined, answer: top?.standalone ?? '' });
		}, plan.baselineBudgetMs, 3);
		const bComplete = timeEach(spread(prefixes, Math.min(prefixes.length, 200)), (typed) => baseline.search(typed, 25), plan.baselineBudgetMs, 3);
		const figures: SystemFigures = {
			name: baseline.name,
			buildMs: bBuild,
			heapMB: b1.heapMB - b0.heapMB,
			processHeapMB: b1.heapMB,
			rssMB: b1.rssMB,
			ask: { ...summarize(bAsk.samples), of: bAsk.of },
			autocomplete: { ...summarize(bComplete.samples), of: prefixes.length },
			synthetic: syntheticScore(corpus.queries, (q) => hits.get(q)),
		};
		if (evalQuestions && target === plan.qualitySize && (plan.fuseQuality || baseline.name !== 'Fuse.js')) {
			log(`  ${baseline.name}: answering the ${evalQuestions.length} real questions`);
			figures.quality = score(
				evalQuestions,
				evalQuestions.map((q) => {
					const top = baseline.search(q.q, 1)[0];
					return { answered: top !== undefined, answer: top?.standalone ?? '' };
				}),
			);
		}
		log(`  ${baseline.name}: built in ${ms(bBuild)}, /ask p50 ${ms(figures.ask.p50)} over ${figures.ask.n} of ${figures.ask.of} queries`);
		baselines.push(figures);
	}
	return {
		size: { target, facts: kb.facts.length, documents: kb.documents.length, queries: queries.length, engine, baselines, refresh },
		directory: corpus.directory,
		queries: corpus.queries,
	};
}

/** Synthetic queries scored like the real ones: the expected phrase in the answer, or an abstention. */
function syntheticScore(queries: readonly BenchQuery[], replyOf: (q: BenchQuery) => { answered: boolean; answer: string } | undefined): SystemFigures['synthetic'] {
	const out: SystemFigures['synthetic'] = {};
	for (const q of queries) {
		const reply = replyOf(q);
		if (!reply) continue; // not in the timed sample
		const bucket = (out[q.kind] ??= { correct: 0, total: 0 });
		bucket.total++;
		if (q.expect === undefined ? !reply.answered : reply.answered && contains(reply.answer, q.expect)) bucket.correct++;
	}
	return out;
}

function realKind(q: EvalQuestion): QueryKind {
	if (q.abstain) return 'unanswerable';
	return /\?\s*$/.test(q.q) ? 'exact' : 'keyword';
}

/** Orders queries round-robin by kind, so a sample taken from the front keeps the mix. */
function interleave(queries: readonly BenchQuery[]): BenchQuery[] {
	const byKind = QUERY_KINDS.map((kind) => queries.filter((q) => q.kind === kind));
	const out: BenchQuery[] = [];
	for (let i = 0; out.length < queries.length; i++) for (const list of byKind) if (i < list.length) out.push(list[i]!);
	return out;
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exit(1);
});
