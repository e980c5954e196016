import { figuresOf, type Outcome, type SetFigures } from './metrics.ts';
import type { Decision } from './pipeline.ts';

/** Decisions at a threshold: answered when the confidence reaches it. */
export function outcomesOf(decisions: readonly Decision[], threshold: number): Outcome[] {
	return decisions.map((d) => ({ set: d.example.set, abstain: d.example.abstain, answered: d.confidence >= threshold, confidence: d.confidence, right: d.right }));
}

/** Figures for every set, in the order the sets came. */
export function perSet(outcomes: readonly Outcome[]): SetFigures[] {
	const names = [...new Set(outcomes.map((o) => o.set))];
	return names.map((name) => figuresOf(name, outcomes.filter((o) => o.set === name)));
}
