/**
 * `npx tsx bench/profile.ts [--size 100000] [--what ask|autocomplete|build] [--out FILE.cpuprofile]`
 *
 * Profiles one part of the engine on a generated knowledge folder, with the V8 sampling profiler turned on
 * only around that part (not the folder's generation), and prints the functions with the most self time.
 * The .cpuprofile opens in Chrome DevTools (Performance tab) or VS Code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answer, buildKnowledgeBase, loadKnowledgeBase } from '../src/answering/index.ts';
import { suggestQuestions } from '../src/answering/suggest.ts';
import { writeCorpus } from './corpus.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	hitCount?: number;
}

const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, what: { type: 'string', default: 'ask' }, out: { type: 'string' } } });
const size = Number(values.size);
const root = mkdtempSync(join(tmpdir(), 'ombudsbot-profile-'));
try {
	const corpus = writeCorpus(join(root, 'kb'), size, join(ROOT, 'knowledge'), 40);
	const { knowledgeBase: kb } = await loadKnowledgeBase(corpus.directory);
	if (!kb) throw new Error('profile: the generated folder did not load');
	const questions = corpus.queries.map((q) => q.text);
	const prefixes = corpus.queries.filter((q) => q.kind === 'exact').flatMap((q) => Array.from({ length: 20 }, (_, i) => q.text.slice(0, i + 1)));
	const session = new Session();
	session.connect();
	await session.post('Profiler.enable');
	await session.post('Profiler.setSamplingInterval', { interval: 100 });
	await session.post('Profiler.start');
	const started = performance.now();
	let calls = 0;
	if (values.what === 'build') {
		buildKnowledgeBase(corpus.directory, { documents: [...kb.documents], lexicon: kb.lexicon, problems: [] });
		calls = 1;
	} else {
		for (let round = 0; round < 3; round++) {
			for (const text of values.what === 'autocomplete' ? prefixes : questions) {
				if (values.what === 'autocomplete') suggestQuestions(kb, text, 25);
				else answer(text, kb);
				calls++;
			}
		}
	}
	const elapsed = performance.now() - started;
	const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[] } };
	session.disconnect();
	const out = values.out ?? join(tmpdir(), `ombudsbot-${values.what}-${size}.cpuprofile`);
	writeFileSync(out, JSON.stringify(profile));

	const selfBy = new Map<string, number>();
	for (const node of profile.nodes) {
		const { functionName, url, lineNumber } = node.callFrame;
		const path = url.startsWith('file:') ? relative(ROOT, fileURLToPath(url)) : url;
		const where = url ? `${path}:${lineNumber + 1}` : '(native)';
		const key = `${functionName || '(anonymous)'} ${where}`;
		selfBy.set(key, (selfBy.get(key) ?? 0) + (node.hitCount ?? 0));
	}
	const total = profile.samples.length || 1;
	console.log(`${values.what} at ${kb.facts.length} facts: ${calls} calls in ${elapsed.toFixed(0)} ms (${(elapsed / calls).toFixed(2)} ms each); profile in ${out}`);
	for (const [key, hits] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`);
} finally {
	rmSync(root, { recursive: true, force: true });
}
