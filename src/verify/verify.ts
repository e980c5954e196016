import type { FactIndex } from '../search/factIndex.ts';
import type { ReadQuestion } from '../search/query.ts';
import type { RankedFact } from '../search/rankFacts.ts';
import { featuresOf, questionContext, type Features } from './features.ts';
import { answerContributions, answerLogit, rankScore, sigmoid, type AnswerInput, type RegimeModel, type VerifierModel } from './model.ts';
import type { ValueCache } from './values.ts';

export interface Verdict {
	candidate: RankedFact;
	features: Features;
	/** The ranker's logit: which candidate answers best. */
	rankLogit: number;
	/** The answer model's inputs for this candidate: its features, the ranker's logit and its share. */
	inputs: Record<AnswerInput, number>;
	/** The answer model's logit that this candidate, were it chosen, is right. */
	logit: number;
	/** sigmoid(logit). */
	probability: number;
}

export interface Verification {
	/** Candidates, the one the answer model is surest of first (usually the ranker's choice). */
	verdicts: Verdict[];
	/** Probability that the first verdict's fact answers the question; 0 with no candidate. */
	confidence: number;
	/** The ranker's margin for its choice over the runner-up. */
	margin: number;
}


/** Each retrieved candidate's features, in the retriever's order: what the model judges, and what training fits. */
export function candidateFeatures(text: string, read: ReadQuestion, index: FactIndex, values: ValueCache, candidates: readonly RankedFact[]): Features[] {
	const context = questionContext(text, read, index, values);
	return candidates.map((candidate, rank) => featuresOf(context, candidate, rank, candidates));
}

/**
 * The second stage: the ranker orders the retrieved candidates, the answer model says how likely each, were it
 * chosen, is right; the answer is the one it is surest of.
 */
export function verify(
	model: VerifierModel,
	regime: RegimeModel,
	text: string,
	read: ReadQuestion,
	index: FactIndex,
	values: ValueCache,
	candidates: readonly RankedFact[],
): Verification {
	const features = candidateFeatures(text, read, index, values, candidates);
	const ranked = candidates.map((candidate, i) => ({ candidate, features: features[i]!, rankLogit: rankScore(model, regime, features[i]!) })).sort((a, b) => b.rankLogit - a.rankLogit);
	const logits = ranked.map((r) => r.rankLogit);
	const shares = rankSharesOf(logits);
	const verdicts = ranked.map((r, i): Verdict => {
		const inputs = { ...r.features, rankLogit: r.rankLogit, rankShare: shares[i]! };
		const logit = answerLogit(model, regime, inputs);
		return { ...r, inputs, logit, probability: sigmoid(logit) };
	});
	verdicts.sort((a, b) => b.probability - a.probability);
	return { verdicts, confidence: verdicts[0]?.probability ?? 0, margin: marginOf(logits, 0) };
}

/**
 * A candidate's ranker logit's lead over the best of the others (negative for all but the first), given logits
 * best first. A lone candidate has no lead: one fact sharing a word with the question is weak retrieval, not a
 * clear choice (`candidateCount` says how many there were).
 */
export function marginOf(sortedLogits: readonly number[], at: number): number {
	if (sortedLogits.length < 2) return 0;
	const best = at === 0 ? sortedLogits[1]! : sortedLogits[0]!;
	return sortedLogits[at]! - best;
}

/**
 * Each candidate's share of the ranker's belief over the question's candidates, as a log (softmax over their
 * logits): the logit alone carries what every candidate of a question shares (how many there are, how many
 * words the question has), which says little about whether this one answers. A lone candidate has all of it.
 */
export function rankSharesOf(logits: readonly number[]): number[] {
	const top = Math.max(...logits);
	const logTotal = Math.log(logits.reduce((sum, z) => sum + Math.exp(z - top), 0));
	return logits.map((z) => z - top - logTotal);
}

/** What each input added to a verdict's logit (with `bias`, they sum to it). */
export function contributionsOf(model: VerifierModel, regime: RegimeModel, verdict: Verdict): Record<string, number> {
	return answerContributions(model, regime, verdict.inputs);
}
