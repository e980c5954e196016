import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GOLDEN_FILE, goldenDecisions, type GoldenDecision } from '../../eval/lib/golden.ts';
import { questionSets } from '../../eval/lib/sets.ts';
import { shippedModel } from '../../src/verify/model.ts';

/**
 * The verifier's decisions on the project's own question sets, as `npm run train` recorded them with the model
 * it wrote: a change to retrieval, features or the language module that moves a decision shows here. After a
 * deliberate change, `npm run train` regenerates both the model and this file.
 */
describe('verifier: decisions on the committed golden set', () => {
	const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenDecision[];

	test('GIVEN the shipped model THEN every decision and cited fact is as recorded, and confidence within 0.002', async () => {
		const now = await goldenDecisions(questionSets().filter((s) => s.own), shippedModel());
		expect(now.map(({ confidence, ...rest }) => rest)).toEqual(golden.map(({ confidence, ...rest }) => rest));
		now.forEach((decision, i) => expect(Math.abs(decision.confidence - golden[i]!.confidence)).toBeLessThanOrEqual(0.002));
	});
});
