/**
 * `npx tsx bench/stages.ts [--size 100000] [--queries 40]`
 *
 * Where one `/ask` spends its time, stage by stage, on a generated knowledge folder: reading the question,
 * retrieving candidates, the verifier's per-question context (the question's own values, WordNet antonyms),
 * each candidate's values (wink-nlp entity recognition, cached per fact), the remaining features and the
 * models, and `answer()` as a whole. Every question is asked twice: *cold* is the first time (the facts' value
 * cache empty, as for most questions a bot gets), *warm* the second. Figures are p50 / p99 / mean in ms.
 * The stages call the same functions `answer()` calls, in the same order, so they add up to about its time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { answer, loadKnowledgeBase, type KnowledgeBase } from '../src/answering/index.ts';
import { regimeOf } from '../src/answering/answer.ts';
import { readQuestion } from '../src/search/query.ts';
import { rankFacts } from '../src/search/rankFacts.ts';
import { featuresOf, questionContext } from '../src/verify/features.ts';
import { shippedModel } from '../src/verify/model.ts';
import { ValueCache, valuesIn } from '../src/verify/values.ts';
import { verify } from '../src/verify/verify.ts';
import { writeCorpus } from './corpus.ts';
import { ms, summarize } from './measure.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAGES = ['readQuestion', 'rankFacts', 'questionContext', '  of which valuesIn(question)', 'candidate values (NER)', 'featuresOf × candidates', 'verify (all of it)', 'answer()'] as const;
type Stage = (typeof STAGES)[number];

const { values } = parseArgs({ options: { size: { type: 'string', default: '100000' }, queries: { type: 'string', default: '40' } } });
const root = mkdtempSync(join(tmpdir(), 'ombudsbot-stages-'));
try {
	const corpus = writeCorpus(join(root, 'kb'), Number(values.size), join(ROOT, 'knowledge'), Number(values.queries));
	const { knowledgeBase } = await loadKnowledgeBase(corpus.directory);
	if (!knowledgeBase) throw new Error('stages: the generated folder did not load');
	const kb: KnowledgeBase = knowledgeBase;
	const questions = corpus.queries.map((q) => q.text);
	const model = shippedModel();
	const regime = model.regimes[regimeOf(kb)]; // the bench asks in English
	for (const q of questions.slice(0, 5)) answer(q, kb); // loads the models and JIT-compiles; its facts' values stay cached, as in the bench

	const time = <T>(samples: Map<Stage, number[]>, stage: Stage, run: () => T): T => {
		const t = performance.now();
		const result = run();
		samples.get(stage)!.push(performance.now() - t);
		return result;
	};
	const pass = (cache: ValueCache, withAnswer: boolean) => {
		const samples = new Map<Stage, number[]>(STAGES.map((s) => [s, []]));
		for (const text of questions) {
			const read = time(samples, 'readQuestion', () => readQuestion(text, kb.index, kb.options));
			const candidates = time(samples, 'rankFacts', () => rankFacts(kb.index, read, kb.options, kb.options.candidates));
			time(samples, '  of which valuesIn(question)', () => valuesIn(text));
			const context = time(samples, 'questionContext', () => questionContext(text, read, kb.index, cache));
			time(samples, 'candidate values (NER)', () => candidates.forEach((c) => cache.of(c.factIndex, c.fact.text)));
			time(samples, 'featuresOf × candidates', () => candidates.map((c, rank) => featuresOf(context, c, rank, candidates)));
			time(samples, 'verify (all of it)', () => verify(model, regime, text, read, kb.index, cache, candidates));
			if (withAnswer) time(samples, 'answer()', () => answer(text, kb));
		}
		return samples;
	};
	// Cold: a fresh cache, as for questions the bot has not seen; answer() is then timed on kb's own (cold) cache.
	const cold = pass(new ValueCache(), true);
	console.log(`/ask stages at ${kb.facts.length} facts, ${questions.length} questions, ${kb.options.candidates} candidates each (ms: p50 / p99 / mean)`);
	console.log(`${'stage'.padEnd(32)}${'cold'.padStart(30)}${'warm'.padStart(30)}`);
	const warmPass = pass(warmCache(kb, questions), false);
	for (const stage of STAGES) {
		const show = (s: number[] | undefined) => {
			if (!s?.length) return '—';
			const l = summarize(s);
			return `${ms(l.p50)} / ${ms(l.p99)} / ${ms(l.mean)}`;
		};
		console.log(`${stage.padEnd(32)}${show(cold.get(stage)).padStart(30)}${show(stage === 'answer()' ? undefined : warmPass.get(stage)).padStart(30)}`);
	}
} finally {
	rmSync(root, { recursive: true, force: true });
}

/** A value cache that already holds every candidate of these questions. */
function warmCache(kb: KnowledgeBase, questions: readonly string[]): ValueCache {
	const cache = new ValueCache();
	for (const text of questions) {
		for (const c of rankFacts(kb.index, readQuestion(text, kb.index, kb.options), kb.options, kb.options.candidates)) cache.of(c.factIndex, c.fact.text);
	}
	return cache;
}
