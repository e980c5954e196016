import { describe, expect, test } from 'vitest';
import { fitConditionalLogit, type Group } from '../../eval/lib/logistic.ts';

/** The verifier's ranker (eval/lib/logistic.ts): a softmax over each question's candidates, fitted by Newton's method. */
describe('fitConditionalLogit', () => {
	// Feature 0 tells the right candidate apart; feature 1 is the same for every candidate of a question (how long the question is).
	const groups: Group[] = Array.from({ length: 40 }, (_, q) => {
		const shared = q % 5;
		const right = q % 3;
		return { xs: [0, 1, 2].map((c) => [c === right ? 1 + (q % 4) * 0.1 : (q % 7) * 0.1, shared]), right: [0, 1, 2].map((c) => c === right) };
	});

	test('GIVEN a feature that tells the right candidate apart THEN it is weighed for it', () => {
		expect(fitConditionalLogit(groups, 1).weights[0]).toBeGreaterThan(1);
	});

	test('GIVEN a feature every candidate of a question shares THEN it weighs nothing: it cancels in the softmax', () => {
		expect(Math.abs(fitConditionalLogit(groups, 1).weights[1]!)).toBeLessThan(1e-9);
	});

	test('GIVEN questions with no right candidate, or one candidate THEN they change nothing', () => {
		const noise: Group[] = [{ xs: [[5, 0], [0, 0]], right: [false, false] }, { xs: [[9, 1]], right: [true] }];
		expect(fitConditionalLogit([...groups, ...noise], 1).weights).toEqual(fitConditionalLogit(groups, 1).weights);
	});

	test('GIVEN a heavier penalty THEN smaller weights', () => {
		expect(fitConditionalLogit(groups, 10).weights[0]).toBeLessThan(fitConditionalLogit(groups, 1).weights[0]!);
	});
});
