import type { FactIndex } from './factIndex.ts';
import type { QueryTerm } from './query.ts';
import type { SearchOptions } from './searchOptions.ts';

export interface Covered {
	factIndex: number;
	/** Share (0..1) of the question's weight the fact covers. */
	coverage: number;
}

/**
 * A term held by more than this share of all facts (and by more than `COMMON_MIN` facts) is too common to
 * make a fact a candidate by itself: it only adds to candidates that rarer terms found. Small knowledge
 * bases are scored exhaustively.
 */
const COMMON_SHARE = 0.05;
const COMMON_MIN = 2000;

/**
 * Buffers reused by every question on one index, so that scoring allocates nothing per fact: at 100,000
 * facts a common word touches most of them.
 */
export class CoverageScratch {
	private generation = 0;
	private readonly stamp: Int32Array;
	private readonly slotOf: Int32Array;
	private factOfSlot = new Int32Array(1024);
	private credit = new Float32Array(1024 * 8);

	constructor(factCount: number) {
		this.stamp = new Int32Array(factCount);
		this.slotOf = new Int32Array(factCount);
	}

	/**
	 * Coverage of every candidate fact: those holding a variant of a term that is not too common (or of
	 * any term, when all are common). Common terms then add their credit to those candidates only.
	 */
	cover(index: FactIndex, terms: readonly QueryTerm[], options: SearchOptions): Covered[] {
		const termCount = terms.length;
		const totalWeight = terms.reduce((sum, t) => sum + t.weight, 0);
		if (totalWeight === 0 || termCount === 0) return [];
		this.generation++;
		let slots = 0;
		const commonLimit = Math.max(COMMON_MIN, index.facts.length * COMMON_SHARE);
		const postingsSize = terms.map((t) => t.variants.reduce((sum, v) => sum + index.documentFrequency(v.term), 0));
		const rareExists = postingsSize.some((size, t) => size > 0 && size <= commonLimit && terms[t]!.known);
		const isCommon = (t: number) => rareExists && postingsSize[t]! > commonLimit;

		for (let t = 0; t < termCount; t++) {
			if (isCommon(t)) continue;
			for (const { term, quality } of terms[t]!.variants) {
				const postings = index.postingsOf(term);
				if (!postings) continue;
				for (let i = 0; i < postings.facts.length; i++) {
					const fact = postings.facts[i]!;
					let slot: number;
					if (this.stamp[fact] === this.generation) slot = this.slotOf[fact]!;
					else {
						slot = slots++;
						this.ensureCapacity(slots, termCount);
						this.stamp[fact] = this.generation;
						this.slotOf[fact] = slot;
						this.factOfSlot[slot] = fact;
						this.credit.fill(0, slot * termCount, slot * termCount + termCount);
					}
					const credit = quality * postings.weights[i]!;
					if (credit > this.credit[slot * termCount + t]!) this.credit[slot * termCount + t] = credit;
				}
			}
		}
		for (let t = 0; t < termCount; t++) {
			if (!isCommon(t)) continue;
			for (const { term, quality } of terms[t]!.variants) {
				const postings = index.postingsOf(term)!;
				for (let slot = 0; slot < slots; slot++) {
					const at = binarySearch(postings.facts, this.factOfSlot[slot]!);
					if (at < 0) continue;
					const credit = quality * postings.weights[at]!;
					if (credit > this.credit[slot * termCount + t]!) this.credit[slot * termCount + t] = credit;
				}
			}
		}

		const subjectCredit = new Map<number, Float32Array>();
		const covered: Covered[] = new Array(slots);
		for (let slot = 0; slot < slots; slot++) {
			const fact = this.factOfSlot[slot]!;
			const document = index.factDocument[fact]!;
			let bySubject = subjectCredit.get(document);
			if (!bySubject) {
				bySubject = this.subjectCreditOf(index, document, terms, options);
				subjectCredit.set(document, bySubject);
			}
			const mentioned = index.mentionTerms[fact]!;
			let matched = 0;
			for (let t = 0; t < termCount; t++) {
				let best = Math.max(this.credit[slot * termCount + t]!, bySubject[t]!);
				if (mentioned.size && best < options.aboutWeight) {
					for (const v of terms[t]!.variants) if (mentioned.has(v.term)) best = Math.max(best, v.quality * options.aboutWeight);
				}
				matched += terms[t]!.weight * best;
			}
			covered[slot] = { factIndex: fact, coverage: matched / totalWeight };
		}
		return covered;
	}

	/** What a document's subject earns each term, for the facts of that document that lack it. */
	private subjectCreditOf(index: FactIndex, document: number, terms: readonly QueryTerm[], options: SearchOptions): Float32Array {
		const subject = index.subjectTerms[document]!;
		const credit = new Float32Array(terms.length);
		if (subject.size === 0) return credit;
		terms.forEach((term, t) => {
			for (const v of term.variants) if (subject.has(v.term)) credit[t] = Math.max(credit[t]!, v.quality * options.subjectWeight);
		});
		return credit;
	}

	private ensureCapacity(slots: number, termCount: number): void {
		if (slots > this.factOfSlot.length) {
			const grown = new Int32Array(this.factOfSlot.length * 2);
			grown.set(this.factOfSlot);
			this.factOfSlot = grown;
		}
		if (slots * termCount > this.credit.length) {
			const grown = new Float32Array(Math.max(this.credit.length * 2, slots * termCount));
			grown.set(this.credit);
			this.credit = grown;
		}
	}
}

function binarySearch(sorted: Int32Array, value: number): number {
	let lo = 0;
	let hi = sorted.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const at = sorted[mid]!;
		if (at === value) return mid;
		if (at < value) lo = mid + 1;
		else hi = mid - 1;
	}
	return -1;
}
