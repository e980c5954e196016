import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { coverFacts } from '../../src/search/coverage.ts';
import type { FactIndex } from '../../src/search/factIndex.ts';
import { readQuestion, type QueryTerm } from '../../src/search/query.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE, twoInstitutions } from '../helpers.ts';

/**
 * The retriever prunes (MaxScore, a seed from the strongest term, a margin behind the best): none of that may
 * change which fact covers a question best. Exhaustive scoring of every fact is the reference.
 */
function bestByExhaustiveScoring(index: FactIndex, terms: readonly QueryTerm[], minCoverage: number): { factIndex: number; coverage: number } | undefined {
	const total = terms.reduce((sum, t) => sum + t.weight, 0);
	if (total === 0) return undefined;
	let best: { factIndex: number; coverage: number } | undefined;
	for (let f = 0; f < index.facts.length; f++) {
		const credits = terms.map((t) => index.creditOf(f, t));
		// A fact is a candidate only through a term it holds in its own words.
		if (!credits.some((c) => c.direct && c.credit > 0)) continue;
		const coverage = credits.reduce((sum, c, t) => sum + terms[t]!.weight * c.credit, 0) / total;
		if (coverage >= minCoverage && (!best || coverage > best.coverage + 1e-6)) best = { factIndex: f, coverage };
	}
	return best;
}

describe('coverFacts: pruning never changes the best fact', async () => {
	const bases = [await knowledgeBaseOf(PROJECT_KNOWLEDGE), await knowledgeBaseOf(twoInstitutions())];
	test.each(bases.map((kb, i) => [i === 0 ? 'the shipped knowledge' : 'two institutions', kb] as const))('GIVEN random questions over %s THEN its best fact is the exhaustive best', (_name, kb) => {
		const vocabulary = [...new Set(kb.facts.flatMap((f) => f.text.split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 2))];
		const word = fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom('when', 'who', 'how many', 'the', 'ombudsman', 'xylophone'));
		fc.assert(
			fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (list) => {
				const { terms } = readQuestion(list.join(' '), kb.index, kb.options);
				const pruned = coverFacts(kb.index, terms, kb.options, 1)[0];
				const exhaustive = bestByExhaustiveScoring(kb.index, terms, kb.options.minCoverage);
				expect(pruned?.coverage ?? 0).toBeCloseTo(exhaustive?.coverage ?? 0, 5);
			}),
			{ numRuns: 300, seed: 20261201 },
		);
	});
});
