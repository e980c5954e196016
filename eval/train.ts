/**
 * `npm run train`: fits the verifier on the labelled question sets (the project's own in eval/sets, and the
 * public ones in ../shared/eval when present), prints cross-validated figures per set, and writes the model
 * the engine loads (src/verify/model.json) and the golden decisions its test checks. Deterministic: the
 * same sets give the same files.
 */
import { writeFileSync } from 'node:fs';
import { FEATURE_NAMES } from '../src/verify/features.ts';
import { MODEL_FILE, type VerifierModel } from '../src/verify/model.ts';
import { writeGolden } from './lib/golden.ts';
import { formatFigures, formatReliability } from './lib/metrics.ts';
import { DEFAULT_TRAINING, examplesOf, trainRegimes } from './lib/pipeline.ts';
import { perSet } from './lib/report.ts';
import { questionSets } from './lib/sets.ts';

const options = DEFAULT_TRAINING;
const sets = questionSets();
process.stderr.write(`train: ${sets.length} sets: ${sets.map((s) => `${s.name} (${s.questions.length})`).join(', ')}\n`);
const { regimes, outcomes } = trainRegimes(await examplesOf(sets), options);
const figures = perSet(outcomes);
process.stdout.write(`Cross-validated (${options.folds} folds); thresholds: ${Object.entries(regimes).map(([name, regime]) => `${name} ${regime.threshold}`).join(', ')}\n\n`);
process.stdout.write(`${formatFigures(figures)}\n\n${formatReliability(outcomes)}\n`);

const model: VerifierModel = {
	version: 2,
	features: [...FEATURE_NAMES],
	regimes,
	trainedOn: {
		sets: Object.fromEntries(sets.map((s) => [s.name, s.questions.length])),
		folds: options.folds,
		l2: options.l2,
		threshold: 'per regime: the confidence of best cross-validated accuracy, at least 0.5',
		crossValidated: Object.fromEntries(figures.map((f) => [f.set, { accuracy: round(f.accuracy), answeredPrecision: round(f.answeredPrecision), calibrationError: round(f.calibrationError) }])),
	},
};
writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, '\t')}\n`);
await writeGolden(sets.filter((s) => s.own), model);
process.stderr.write(`train: wrote ${MODEL_FILE.pathname} and the golden decisions\n`);

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}
