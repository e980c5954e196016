import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FEATURE_NAMES, type Features } from './features.ts';

const linearSchema = z.object({ weights: z.array(z.number()), bias: z.number() });

/** What the answer model reads: a candidate's features, the ranker's logit for it and its share of the question's candidates (`rankSharesOf`). */
export const ANSWER_INPUTS = [...FEATURE_NAMES, 'rankLogit', 'rankShare'] as const;
export type AnswerInput = (typeof ANSWER_INPUTS)[number];

/** One step of the answer model: adds `below` to the logit when the input is at most `threshold`, else `above`. */
const stumpSchema = z.object({ input: z.enum(ANSWER_INPUTS), threshold: z.number(), below: z.number(), above: z.number() });

/**
 * One regime's verifier. The ranker, a softmax over each question's candidates of a linear function of their
 * standardised features (so that weights compare; its bias is 0, as it would cancel), judges which candidate answers best. The answer model, fitted on the candidates the ranker chose,
 * judges whether that one is right from its features, the ranker's logit and its share: a logistic regression,
 * which weighs even rare signals (a name the fact lacks), plus boosted one-input steps that bend it where an
 * effect is not linear. Both are additive, so each input's weight and steps sum to its contribution.
 */
const regimeSchema = z.object({
	mean: z.array(z.number()),
	scale: z.array(z.number().positive()),
	ranker: linearSchema,
	answer: linearSchema.extend({ rankLogit: z.number(), rankShare: z.number(), stumps: z.array(stumpSchema) }),
	/** Confidence at or above which the bot answers; how it was chosen is in the model's `trainedOn`. */
	threshold: z.number().min(0).max(1),
});

/**
 * The trained verifier, as `npm run train` writes it (eval/train.ts). Questions to an institution's curated
 * knowledge (a knowledge folder with a field lexicon) and questions about uncurated text (a folder of articles
 * with no lexicon) differ in how their unanswerable questions look: a member asks about what the documents
 * lack, and the lexicon's words then go unmatched; over encyclopedic text, an unanswerable question often
 * reuses a sentence's words with one thing changed. A question in Russian or Kazakh is a third regime: read by
 * other stemmers and word tables, and often matched across languages through the lexicon and transliterated
 * names alone, its features mean other things (an unmatched word is often one the bot cannot translate), and
 * trained with the English questions it pulled their weights (the English seed fell from 43 to 41 of 45 right).
 * It is two: `nonEnglish` when some document is in the question's language, `crossLanguage` when none is and
 * every match is made across languages, where the same evidence is surer. Each regime has its own weights and threshold.
 */
const modelSchema = z.object({
	version: z.literal(2),
	features: z.array(z.enum(FEATURE_NAMES)),
	regimes: z.object({ curated: regimeSchema, generic: regimeSchema, nonEnglish: regimeSchema, crossLanguage: regimeSchema }),
	trainedOn: z.record(z.string(), z.unknown()),
});

export type VerifierModel = z.infer<typeof modelSchema>;
export type Regime = keyof VerifierModel['regimes'];
export type RegimeModel = z.infer<typeof regimeSchema>;

export const MODEL_FILE = new URL('./model.json', import.meta.url);

let shipped: VerifierModel | undefined;

/** The committed model; validated once, on first use. */
export function shippedModel(): VerifierModel {
	shipped ??= parseModel(JSON.parse(readFileSync(MODEL_FILE, 'utf8')));
	return shipped;
}

export function parseModel(data: unknown): VerifierModel {
	const model = modelSchema.parse(data);
	const n = model.features.length;
	for (const regime of Object.values(model.regimes)) {
		if (![regime.mean, regime.scale, regime.ranker.weights, regime.answer.weights].every((list) => list.length === n)) {
			throw new Error('verifier model: features, mean, scale and weights differ in length');
		}
	}
	return model;
}

/** The ranker's logit for a candidate: higher is the likelier answer among the question's candidates. */
export function rankScore(model: VerifierModel, regime: RegimeModel, features: Features): number {
	let logit = regime.ranker.bias;
	model.features.forEach((name, i) => {
		logit += (regime.ranker.weights[i]! * (features[name] - regime.mean[i]!)) / regime.scale[i]!;
	});
	return logit;
}

/** The answer model's logit that a candidate, were it chosen, is right; its sigmoid is the confidence shown. */
export function answerLogit(model: VerifierModel, regime: RegimeModel, inputs: Record<AnswerInput, number>): number {
	let logit = regime.answer.bias;
	answerTerms(model, regime, inputs, (_input, value) => {
		logit += value;
	});
	return logit;
}

/** What each input adds to the answer model's logit (with `bias`, they sum to it): for explanations. */
export function answerContributions(model: VerifierModel, regime: RegimeModel, inputs: Record<AnswerInput, number>): Record<string, number> {
	const contributions: Record<string, number> = { bias: regime.answer.bias };
	answerTerms(model, regime, inputs, (input, value) => {
		contributions[input] = (contributions[input] ?? 0) + value;
	});
	return contributions;
}

/** Every term of the answer model but its bias: each input's weight, then its steps. */
function answerTerms(model: VerifierModel, regime: RegimeModel, inputs: Record<AnswerInput, number>, add: (input: AnswerInput, value: number) => void): void {
	const { answer } = regime;
	model.features.forEach((name, i) => add(name, (answer.weights[i]! * (inputs[name] - regime.mean[i]!)) / regime.scale[i]!));
	add('rankLogit', answer.rankLogit * inputs.rankLogit);
	add('rankShare', answer.rankShare * inputs.rankShare);
	for (const stump of answer.stumps) add(stump.input, inputs[stump.input] <= stump.threshold ? stump.below : stump.above);
}

export function sigmoid(x: number): number {
	return 1 / (1 + Math.exp(-x));
}
