/**
 * `npm run train`: fits the verifier on the labelled question sets (the project's own in eval/sets, and the
 * public ones in ../shared/eval when present), reports cross-validated figures per set, and writes the model
 * the engine loads (src/verify/model.json). Deterministic: the same sets give the same file.
 */
import { writeFileSync } from 'node:fs';
import { FEATURE_NAMES } from '../src/verify/features.ts';
import { MODEL_FILE, type VerifierModel } from '../src/verify/model.ts';
import { formatFigures, formatReliability, type Outcome } from './lib/metrics.ts';
import { accuracyThreshold, chooseThreshold, crossValidate, DEFAULT_TRAINING, examplesOf, fitRegime } from './lib/pipeline.ts';
import { outcomesOf, perSet } from './lib/report.ts';
import { questionSets } from './lib/sets.ts';

const options = DEFAULT_TRAINING;
const sets = questionSets();
process.stderr.write(`train: ${sets.length} sets: ${sets.map((s) => `${s.name} (${s.questions.length})`).join(', ')}\n`);
const examples = await examplesOf(sets);
const regimes = {} as VerifierModel['regimes'];
const outcomes: Outcome[] = [];
for (const regime of ['curated', 'generic'] as const) {
	const own = examples.filter((e) => e.regime === regime);
	if (!own.length) throw new Error(`train: no question set for the ${regime} regime (is ../shared beside the project?)`);
	const decisions = crossValidate(own, options);
	const threshold = regime === 'curated' ? chooseThreshold(decisions, options.domainPrecision) : accuracyThreshold(decisions);
	outcomes.push(...outcomesOf(decisions, threshold));
	regimes[regime] = fitRegime(own, options, threshold);
	process.stdout.write(`${regime}: threshold ${threshold}\n`);
}
const figures = perSet(outcomes);
process.stdout.write(`\nCross-validated (${options.folds} folds):\n\n${formatFigures(figures)}\n\n${formatReliability(outcomes)}\n`);

const model: VerifierModel = {
	version: 2,
	features: [...FEATURE_NAMES],
	regimes,
	trainedOn: {
		sets: Object.fromEntries(sets.map((s) => [s.name, s.questions.length])),
		folds: options.folds,
		l2: options.l2,
		threshold: {
			curated: `lowest confidence keeping cross-validated answered precision >= ${options.domainPrecision} on the domain sets at it and above`,
			generic: 'confidence of best cross-validated accuracy, at least 0.5',
		},
		crossValidated: Object.fromEntries(figures.map((f) => [f.set, { accuracy: round(f.accuracy), answeredPrecision: round(f.answeredPrecision), calibrationError: round(f.calibrationError) }])),
	},
};
writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, '\t')}\n`);
process.stderr.write(`train: wrote ${MODEL_FILE.pathname}\n`);

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}
