import { regimeOf, shownFacts } from '../../src/answering/answer.ts';
import { readQuestion } from '../../src/search/query.ts';
import { rankFacts } from '../../src/search/rankFacts.ts';
import { FEATURE_NAMES, type FeatureName } from '../../src/verify/features.ts';
import { sigmoid, type Regime, type RegimeModel } from '../../src/verify/model.ts';
import { candidateFeatures, marginOf } from '../../src/verify/verify.ts';
import { answersRightly } from './judge.ts';
import type { Outcome } from './metrics.ts';
import { outcomesOf } from './report.ts';
import { fitLogistic, logitOf, type Fitted } from './logistic.ts';
import { knowledgeBaseFor, type QuestionSet } from './sets.ts';

/** One question with its retrieved candidates, each with its features and whether its answer would be right. */
export interface Example {
	set: string;
	domain: boolean;
	regime: Regime;
	id: string;
	question: string;
	abstain: boolean;
	candidates: { x: number[]; right: boolean; factId: string }[];
}

export async function examplesOf(sets: readonly QuestionSet[]): Promise<Example[]> {
	const examples: Example[] = [];
	for (const set of sets) {
		const kb = await knowledgeBaseFor(set);
		for (const q of set.questions) {
			const text = q.q.replace(/\s+/g, ' ').trim();
			const read = readQuestion(text, kb.index, kb.options);
			const candidates = rankFacts(kb.index, read, kb.options, kb.options.candidates);
			const features = candidateFeatures(text, read, kb.index, kb.values, candidates);
			examples.push({
				set: set.name,
				domain: set.domain,
				regime: regimeOf(kb),
				id: q.id,
				question: text,
				abstain: q.abstain === true,
				candidates: candidates.map((c, i) => ({
					x: FEATURE_NAMES.map((name) => features[i]![name]),
					right: answersRightly(q, shownFacts(kb, c).map((f) => f.standalone).join(' ')),
					factId: c.fact.id,
				})),
			});
		}
	}
	return examples;
}

/** A model's decision on one question, made without having seen it. */
export interface Decision {
	example: Example;
	confidence: number;
	/** Whether the chosen candidate's answer is right. */
	right: boolean;
	factId?: string;
}

export interface TrainingOptions {
	/** L2 penalty on the standardised weights of the ranker and of the answer model. */
	l2: number;
	folds: number;
	/** Features left out (for the ablation): pinned to their mean, so they add nothing. */
	without?: ReadonlySet<FeatureName>;
}

export const DEFAULT_TRAINING: TrainingOptions = { l2: 1, folds: 5 };

interface Standardised {
	mean: number[];
	scale: number[];
}

/** Both stages fitted on some examples; `confidence` judges a new one. */
interface Trained {
	standard: Standardised;
	ranker: Fitted;
	answer: Fitted;
}

function standardisation(examples: readonly Example[]): Standardised {
	const xs = examples.flatMap((e) => e.candidates.map((c) => c.x));
	const d = FEATURE_NAMES.length;
	const mean = Array.from({ length: d }, (_, i) => average(xs.map((x) => x[i]!)));
	const scale = Array.from({ length: d }, (_, i) => Math.sqrt(average(xs.map((x) => (x[i]! - mean[i]!) ** 2))) || 1);
	return { mean, scale };
}

function standardise(x: readonly number[], { mean, scale }: Standardised, options: TrainingOptions): number[] {
	return x.map((v, i) => (options.without?.has(FEATURE_NAMES[i]!) ? 0 : (v - mean[i]!) / scale[i]!));
}

/** The ranker's choice for a question, with the answer model's inputs, as the engine computes them (src/verify/verify.ts). */
function chosen(example: Example, ranker: Fitted, standard: Standardised, options: TrainingOptions): { answerInput: number[]; right: boolean; factId?: string } | undefined {
	const scored = example.candidates.map((c) => ({ c, x: standardise(c.x, standard, options) })).map((s) => ({ ...s, z: logitOf(ranker, s.x) }));
	scored.sort((a, b) => b.z - a.z);
	const best = scored[0];
	if (!best) return undefined;
	return { answerInput: [...best.x, best.z, marginOf(scored.map((s) => s.z), 0)], right: best.c.right, factId: best.c.factId };
}

function train(examples: readonly Example[], options: TrainingOptions): Trained {
	const standard = standardisation(examples);
	const rows = examples.flatMap((e) => e.candidates.map((c) => ({ x: standardise(c.x, standard, options), y: (c.right ? 1 : 0) as 0 | 1 })));
	const ranker = fitLogistic(rows, options.l2);
	const picks = examples.flatMap((e) => chosen(e, ranker, standard, options) ?? []);
	const answer = fitLogistic(picks.map((p) => ({ x: p.answerInput, y: (p.right ? 1 : 0) as 0 | 1 })), options.l2);
	return { standard, ranker, answer };
}

/** Which fold a question falls in: fixed by its set and id, so folds never change between runs. */
function foldOf(example: Example, folds: number): number {
	let h = 2166136261;
	for (const ch of `${example.set}/${example.id}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
	return (h >>> 0) % folds;
}

/**
 * Cross-validated decisions: each question judged by models fitted on the other folds only, so every figure
 * reported from them is one the models had not seen.
 */
export function crossValidate(examples: readonly Example[], options: TrainingOptions): Decision[] {
	const fold = examples.map((e) => foldOf(e, options.folds));
	const decisions: Decision[] = [];
	for (let k = 0; k < options.folds; k++) {
		const trained = train(examples.filter((_, i) => fold[i] !== k), options);
		examples.forEach((example, i) => {
			if (fold[i] !== k) return;
			const pick = chosen(example, trained.ranker, trained.standard, options);
			if (!pick) return void decisions.push({ example, confidence: 0, right: false });
			decisions.push({ example, confidence: sigmoid(logitOf(trained.answer, pick.answerInput)), right: pick.right, ...(pick.factId ? { factId: pick.factId } : {}) });
		});
	}
	return decisions;
}

/**
 * The threshold of best cross-validated accuracy, never below one half: under it an answer would be likelier
 * wrong than right. Because the confidence is calibrated, the answered precision at it is what the
 * reliability table shows, not a number tuned to a target.
 */
export function accuracyThreshold(decisions: readonly Decision[]): number {
	let best = { t: 0.5, correct: -1 };
	for (let step = 50; step <= 99; step++) {
		const t = step / 100;
		const correct = decisions.filter((d) => (d.example.abstain ? d.confidence < t : d.confidence >= t && d.right)).length;
		if (correct > best.correct) best = { t, correct };
	}
	return best.t;
}

/** One regime's two stages fitted on all its examples, as the engine loads them. */
export function fitRegime(examples: readonly Example[], options: TrainingOptions, threshold: number): RegimeModel {
	const { standard, ranker, answer } = train(examples, options);
	const d = FEATURE_NAMES.length;
	return {
		mean: standard.mean.map(round),
		scale: standard.scale.map(round),
		ranker: { weights: ranker.weights.map(round), bias: round(ranker.bias) },
		answer: { weights: answer.weights.slice(0, d).map(round), rankLogit: round(answer.weights[d]!), margin: round(answer.weights[d + 1]!), bias: round(answer.bias) },
		threshold,
	};
}

function round(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}

function average(values: readonly number[]): number {
	return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/**
 * Both regimes cross-validated and fitted: the outcomes every figure is reported from (each question judged by
 * models that had not seen it), and the models fitted on all examples, as the engine loads them.
 */
export function trainRegimes(examples: readonly Example[], options: TrainingOptions): { regimes: Record<Regime, RegimeModel>; outcomes: Outcome[] } {
	const regimes = {} as Record<Regime, RegimeModel>;
	const outcomes: Outcome[] = [];
	for (const regime of REGIMES) {
		const own = examples.filter((e) => e.regime === regime);
		if (!own.length) throw new Error(`no question set for the ${regime} regime (is ../shared beside the project?)`);
		const decisions = crossValidate(own, options);
		const threshold = accuracyThreshold(decisions);
		outcomes.push(...outcomesOf(decisions, threshold));
		regimes[regime] = fitRegime(own, options, threshold);
	}
	return { regimes, outcomes };
}

const REGIMES: readonly Regime[] = ['curated', 'generic'];
