import type { Fact } from '../knowledge/types.ts';
import { meetsExpectation, type Expectation } from './expectation.ts';
import type { FactIndex } from './factIndex.ts';
import type { QueryTerm } from './query.ts';
import type { SearchOptions } from './searchOptions.ts';

export interface RankedFact {
	fact: Fact;
	/** Share (0..1) of the question's weighted terms that the fact, whom it leans on, or its document's subject covers. */
	coverage: number;
	/** Whether the fact holds the kind of value the question wants. */
	meetsExpectation: boolean;
	/** Coverage adjusted for the expectation: what confidence is computed from. */
	evidence: number;
	/** Ranking score: evidence, then a slight preference for concise facts. */
	score: number;
}

/**
 * Scores every fact that shares at least one term with the question and returns the best, best first.
 * A term's credit in a fact is the best of its variants; a document's subject can stand in for a term the
 * sentence lacks, at reduced weight, but never makes a fact a candidate on its own.
 */
export function rankFacts(
	index: FactIndex,
	terms: readonly QueryTerm[],
	expectation: Expectation,
	options: SearchOptions,
	limit: number,
): RankedFact[] {
	const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
	if (totalWeight === 0) return [];
	const credit = new Map<number, Float64Array>();
	terms.forEach((term, termIndex) => {
		for (const { term: variant, quality } of term.variants) {
			const postings = index.postingsOf(variant);
			if (!postings) continue;
			for (let i = 0; i < postings.facts.length; i++) {
				const fact = postings.facts[i]!;
				let row = credit.get(fact);
				if (!row) {
					row = new Float64Array(terms.length);
					credit.set(fact, row);
				}
				row[termIndex] = Math.max(row[termIndex]!, quality * postings.weights[i]!);
			}
		}
	});

	const ranked: RankedFact[] = [];
	for (const [factIndex, row] of credit) {
		const subject = index.subjectTerms[index.factDocument[factIndex]!]!;
		let matched = 0;
		terms.forEach((term, termIndex) => {
			let best = row[termIndex]!;
			if (best < options.subjectWeight) {
				for (const v of term.variants) if (subject.has(v.term)) best = Math.max(best, v.quality * options.subjectWeight);
			}
			matched += term.weight * best;
		});
		const fact = index.facts[factIndex]!;
		const coverage = matched / totalWeight;
		const meets = meetsExpectation(fact, expectation);
		const evidence = coverage + (expectation === 'none' ? 0 : meets ? options.expectationBonus : -options.expectationPenalty);
		const relativeLength = index.factLength[factIndex]! / index.averageLength;
		const concision = 1 / (1 + options.lengthNormalisation * relativeLength);
		ranked.push({ fact, coverage, meetsExpectation: meets, evidence, score: evidence + 0.05 * concision });
	}
	ranked.sort((a, b) => b.score - a.score || a.fact.position - b.fact.position);
	return ranked.slice(0, limit);
}
