import { FEATURE_NAMES, type FeatureName } from '../../src/verify/features.ts';
import { isCorrect, type Outcome } from './metrics.ts';
import { DEFAULT_TRAINING, examplesOf, trainRegimes, type Example } from './pipeline.ts';
import type { QuestionSet } from './sets.ts';

/** Accuracy over groups of sets, each set counting once: what a row of the ablation compares. */
const GROUPS: { name: string; test: (set: string) => boolean }[] = [
	{ name: 'curated (own)', test: (set) => set.startsWith('own/') && !set.startsWith('own/generic-') },
	{ name: 'public seed + multi-doc', test: (set) => set === 'public/seed' || set === 'public/multi-doc' },
	{ name: 'generic (own)', test: (set) => set.startsWith('own/generic-') },
	{ name: 'SQuAD', test: (set) => set === 'public/squad' },
];

function groupAccuracy(outcomes: readonly Outcome[]): number[] {
	return GROUPS.map((group) => {
		const sets = [...new Set(outcomes.map((o) => o.set))].filter(group.test);
		if (!sets.length) return Number.NaN;
		return sets.reduce((sum, set) => {
			const own = outcomes.filter((o) => o.set === set);
			return sum + own.filter(isCorrect).length / own.length;
		}, 0) / sets.length;
	});
}

/**
 * What each feature and resource adds: cross-validated accuracy with everything, then the change when one is
 * left out (a feature is pinned to its mean; WordNet is left out of retrieval and of the antonym feature).
 */
export async function ablation(sets: readonly QuestionSet[]): Promise<string> {
	const examples = await examplesOf(sets);
	const base = groupAccuracy(trainRegimes(examples, DEFAULT_TRAINING).outcomes);
	const rows: string[] = [];
	const row = (name: string, accuracy: number[]) =>
		rows.push(`| ${name} | ${accuracy.map((a, i) => (Number.isNaN(a) ? 'n/a' : `${signed(a - base[i]!)}`)).join(' | ')} |`);
	const without = (names: FeatureName[], list: readonly Example[] = examples) => groupAccuracy(trainRegimes(list, { ...DEFAULT_TRAINING, without: new Set(names) }).outcomes);
	for (const feature of FEATURE_NAMES) row(`without ${feature}`, without([feature]));
	row('without WordNet (retrieval variants and antonyms)', without(['antonymInFact'], await examplesOf(sets, { relatedQuality: 0 })));
	return [
		`| | ${GROUPS.map((g) => g.name).join(' | ')} |`,
		`|---|${GROUPS.map(() => '---:').join('|')}|`,
		`| all features (accuracy) | ${base.map((a) => (Number.isNaN(a) ? 'n/a' : a.toFixed(3))).join(' | ')} |`,
		...rows,
	].join('\n');
}

function signed(value: number): string {
	return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)}`;
}
