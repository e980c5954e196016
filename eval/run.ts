/**
 * `npm run eval`: per question set, accuracy, answered precision, coverage and calibration error (10 bins),
 * and a reliability table. By default the figures are cross-validated (each question judged by models fitted
 * without it, as `npm run train` reports them); `--shipped` judges with the committed model through the
 * answer path, which is a training fit on every set it was trained on; `--unseen`, each set judged by models that
 * saw none of its questions (for an invented document, the figure of a document never seen); `--ablation`, what each feature adds.
 */
import { parseArgs } from 'node:util';
import { answer } from '../src/answering/answer.ts';
import { ablation } from './lib/ablation.ts';
import { answersRightly } from './lib/judge.ts';
import { formatFigures, formatReliability, type Outcome } from './lib/metrics.ts';
import { DEFAULT_TRAINING, examplesOf, trainRegimes } from './lib/pipeline.ts';
import { perSet } from './lib/report.ts';
import { knowledgeBaseFor, questionSets } from './lib/sets.ts';

const { values } = parseArgs({ options: { shipped: { type: 'boolean', default: false }, ablation: { type: 'boolean', default: false }, unseen: { type: 'boolean', default: false } } });
const sets = questionSets();
if (values.ablation) {
	process.stdout.write(`Ablation (cross-validated accuracy, each set counting once within its group):\n\n${await ablation(sets)}\n`);
	process.exit(0);
}
let outcomes: Outcome[];
if (values.shipped) {
	outcomes = [];
	for (const set of sets) {
		const kb = await knowledgeBaseFor(set);
		for (const q of set.questions) {
			const result = answer(q.q, kb);
			outcomes.push({ set: set.name, abstain: q.abstain === true, answered: result.answered, confidence: result.confidence, right: answersRightly(q, result.answer) });
		}
	}
	process.stdout.write('Shipped model through the answer path (a training fit on the sets it was trained on):\n\n');
} else if (values.unseen) {
	outcomes = trainRegimes(await examplesOf(sets), { ...DEFAULT_TRAINING, holdOut: 'set' }).outcomes;
	process.stdout.write('Cross-validated by set (each set judged by models that saw none of its questions):\n\n');
} else {
	outcomes = trainRegimes(await examplesOf(sets), DEFAULT_TRAINING).outcomes;
	process.stdout.write(`Cross-validated (${DEFAULT_TRAINING.folds} folds):\n\n`);
}
process.stdout.write(`${formatFigures(perSet(outcomes))}\n\nReliability (answered questions, all sets):\n\n${formatReliability(outcomes)}\n`);
