import { describe, expect, test } from 'vitest';
import { damerauLevenshtein, TypoCorrector } from '../../src/search/typoCorrector.ts';

const corrector = await TypoCorrector.build(
	new Map(['kazakhstan', 'represented', 'political', 'preventive', 'mechanism', 'group', 'best', 'commission', 'rights', 'does'].map((w) => [w, 1])),
);

describe('TypoCorrector', () => {
	const cases: [string, string | undefined][] = [
		['kazakstan', 'kazakhstan'],
		['represnted', 'represented'],
		['politcal', 'political'],
		['preventiv', 'preventive'],
		['mechansim', 'mechanism'],
		['rihgts', 'rights'],
		['grop', 'group'],
		['dose', 'does'],
		// A changed letter in a four-letter word is more often another word than a typo.
		['test', undefined],
		['asdfghjkl', undefined],
		['kazakhstan', undefined],
	];
	for (const [typed, expected] of cases) {
		test(`GIVEN "${typed}" THEN ${expected ?? 'no correction'}`, () => expect(corrector.correct(typed)?.word).toBe(expected));
	}
});

test('GIVEN a "word" longer than any known word THEN no correction is tried (its deletions would cost the cube of its length)', () => {
	expect(corrector.correct('kazakhstanx')).toEqual({ word: 'kazakhstan', distance: 1 });
	expect(corrector.correct('x'.repeat(1_000))).toBeUndefined();
	expect(corrector.correct('kazakhstankazakhstan')).toBeUndefined();
});

test('damerauLevenshtein counts a transposition as one edit', () => {
	expect(damerauLevenshtein('mechansim', 'mechanism')).toBe(1);
	expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
});
