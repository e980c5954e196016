/**
 * `npx tsx bench/profile.ts [--size 100000] [--what ask|autocomplete|build|load] [--rounds 3] [--cold] [--out FILE.cpuprofile]`
 *
 * Profiles one part of the engine on a generated knowledge folder, with the V8 sampling profiler turned on
 * only around that part (not the folder's generation), and prints the functions with the most self time,
 * each with its total (self and callees) time, at the line where it starts in the TypeScript source (tsx
 * compiles each file to one line; its source maps lead back). `--what load` profiles `loadKnowledge` (reading
 * and ingestion); `--cold` gives each round of questions an empty value cache, as the bench's single pass has.
 * The .cpuprofile opens in Chrome DevTools (Performance tab) or VS Code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answer, buildKnowledgeBase, loadKnowledgeBase } from '../src/answering/index.ts';
import { suggestQuestions } from '../src/answering/suggest.ts';
import { loadKnowledge } from '../src/knowledge/loadKnowledge.ts';
import { ValueCache } from '../src/verify/values.ts';
import { writeCorpus } from './corpus.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	hitCount?: number;
	children?: number[];
}

const { values } = parseArgs({
	options: { size: { type: 'string', default: '100000' }, what: { type: 'string', default: 'ask' }, rounds: { type: 'string', default: '3' }, cold: { type: 'boolean', default: false }, out: { type: 'string' } },
});
const size = Number(values.size);
const root = mkdtempSync(join(tmpdir(), 'ombudsbot-profile-'));
try {
	const corpus = writeCorpus(join(root, 'kb'), size, join(ROOT, 'knowledge'), 40);
	const { knowledgeBase: kb } = await loadKnowledgeBase(corpus.directory);
	if (!kb) throw new Error('profile: the generated folder did not load');
	const questions = corpus.queries.map((q) => q.text);
	const prefixes = corpus.queries.filter((q) => q.kind === 'exact').flatMap((q) => Array.from({ length: 20 }, (_, i) => q.text.slice(0, i + 1)));
	// Loads the entity recogniser and WordNet, and JIT-compiles, before the profiler starts (on a cache thrown away).
	if (values.what === 'ask') for (const text of questions.slice(0, 10)) answer(text, { ...kb, values: new ValueCache() });
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 100 });
	await session.post('Profiler.start');
	const started = performance.now();
	let calls = 0;
	if (values.what === 'build') {
		await buildKnowledgeBase(corpus.directory, { documents: [...kb.documents], lexicon: kb.lexicon, problems: [] });
		calls = 1;
	} else if (values.what === 'load') {
		await loadKnowledge(corpus.directory, { workers: 0 }); // in this thread, where the profiler sees it
		calls = 1;
	} else {
		for (let round = 0; round < Number(values.rounds); round++) {
			const asked = values.cold ? { ...kb, values: new ValueCache() } : kb;
			for (const text of values.what === 'autocomplete' ? prefixes : questions) {
				if (values.what === 'autocomplete') suggestQuestions(asked, text, 25);
				else answer(text, asked);
				calls++;
			}
		}
	}
	const elapsed = performance.now() - started;
	const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[] } };
	session.disconnect();
	const out = values.out ?? join(tmpdir(), `ombudsbot-${values.what}-${size}.cpuprofile`);
	writeFileSync(out, JSON.stringify(profile));

	// Self hits per function, and total hits (self and callees, each sample counted once per function even in recursion).
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const keyOf = new Map(profile.nodes.map((node) => [node.id, functionKey(node)]));
	const selfBy = new Map<string, number>();
	const totalBy = new Map<string, number>();
	const walk = (id: number, onStack: ReadonlySet<string>): number => {
		const node = byId.get(id)!;
		const key = keyOf.get(id)!;
		selfBy.set(key, (selfBy.get(key) ?? 0) + (node.hitCount ?? 0));
		const stack = new Set(onStack).add(key);
		const hits = (node.hitCount ?? 0) + (node.children ?? []).reduce((sum, child) => sum + walk(child, stack), 0);
		if (!onStack.has(key)) totalBy.set(key, (totalBy.get(key) ?? 0) + hits);
		return hits;
	};
	walk(profile.nodes[0]!.id, new Set());
	const total = profile.samples.length || 1;
	const pct = (hits: number) => `${((100 * hits) / total).toFixed(1).padStart(5)}%`;
	console.log(`${values.what} at ${kb.facts.length} facts: ${calls} calls in ${elapsed.toFixed(0)} ms (${(elapsed / calls).toFixed(2)} ms each); profile in ${out}`);
	console.log('   self   total  function');
	for (const [key, hits] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(hits)}  ${pct(totalBy.get(key) ?? 0)}  ${key}`);
	console.log('the project\'s functions with the most total time:');
	const ours = [...totalBy].filter(([key]) => / (?:src|bench)\//.test(key));
	for (const [key, hits] of ours.sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${pct(selfBy.get(key) ?? 0)}  ${pct(hits)}  ${key}`);
} finally {
	rmSync(root, { recursive: true, force: true });
}

/** A function's name and where it starts: in the TypeScript source when a source map says so. */
function functionKey(node: ProfileNode): string {
	const { functionName, url, lineNumber, columnNumber } = node.callFrame;
	const name = functionName || '(anonymous)';
	if (!url) return `${name} (native)`;
	const path = url.startsWith('file:') ? relative(ROOT, fileURLToPath(url)) : url;
	const entry = url.startsWith('file:') && lineNumber >= 0 ? findSourceMap(fileURLToPath(url))?.findEntry(lineNumber, columnNumber) : undefined;
	const line = entry && 'originalLine' in entry ? (entry as { originalLine: number }).originalLine + 1 : lineNumber + 1;
	return `${name} ${path}:${line}`;
}
