import type { Lexicon } from '../knowledge/schema.ts';
import type { Fact, KnowledgeDocument } from '../knowledge/types.ts';
import { words, type Word } from './analyze.ts';
import { ConceptMatcher } from './concepts.ts';
import type { SearchOptions } from './searchOptions.ts';
import { TypoCorrector } from './typoCorrector.ts';

interface Postings {
	facts: number[];
	/** Field weight of the term in each fact: 1 for its own words, `aboutWeight` for whom it leans on. */
	weights: number[];
}

/**
 * An inverted index over facts: term (word stem or lexicon concept) → facts holding it, with document
 * frequencies for BM25-style weighting, the vocabulary for typo correction and prefix lookups, and each
 * document's subject terms.
 */
export class FactIndex {
	readonly facts: Fact[] = [];
	/** Index of each fact's document in `documents`. */
	readonly factDocument: number[] = [];
	readonly factLength: number[] = [];
	/** Each fact's word stems in order (function words included), for phrase proximity. */
	readonly factStems: string[][] = [];
	readonly averageLength: number;
	readonly concepts: ConceptMatcher;
	readonly typos: TypoCorrector;
	private readonly postings = new Map<string, Postings>();
	/** Every stem in the index, sorted, for prefix lookups. */
	private readonly sortedStems: string[];
	/** Per document: the terms of its subject that tell it apart from the other documents. */
	readonly subjectTerms: Set<string>[];

	constructor(
		readonly documents: readonly KnowledgeDocument[],
		lexicon: Lexicon,
		private readonly options: SearchOptions,
	) {
		this.concepts = new ConceptMatcher(lexicon.synonyms);
		const surfaceFrequency = new Map<string, number>();
		const countSurface = (list: readonly Word[]) => {
			for (const w of list) surfaceFrequency.set(w.surface, (surfaceFrequency.get(w.surface) ?? 0) + 1);
		};
		for (const group of lexicon.synonyms) for (const term of group) countSurface(words(term));
		this.subjectTerms = distinguishingSubjects(documents.map((doc) => new Set(this.termsOf(words(doc.subject.join(' . '))))));
		let totalLength = 0;
		documents.forEach((doc, docIndex) => {
			for (const fact of doc.facts) {
				const factIndex = this.facts.length;
				this.facts.push(fact);
				this.factDocument.push(docIndex);
				const own = words(fact.text);
				countSurface(own);
				this.factStems.push(own.map((w) => w.stem));
				const terms = new Map<string, number>();
				for (const term of this.termsOf(own)) terms.set(term, 1);
				if (fact.about) for (const term of this.termsOf(words(fact.about))) if (!terms.has(term)) terms.set(term, options.aboutWeight);
				for (const [term, weight] of terms) this.addPosting(term, factIndex, weight);
				const length = own.filter((w) => !w.isStopword).length;
				this.factLength.push(length);
				totalLength += length;
			}
		});
		this.averageLength = this.facts.length ? totalLength / this.facts.length : 1;
		this.sortedStems = [...this.postings.keys()].sort();
		this.typos = new TypoCorrector(surfaceFrequency);
	}

	/** Scoring terms of analysed text: content-word stems plus the lexicon concepts it names. */
	termsOf(analysed: readonly Word[]): string[] {
		const terms = analysed.filter((w) => !w.isStopword).map((w) => w.stem);
		for (const match of this.concepts.match(analysed)) terms.push(match.concept);
		return terms;
	}

	private addPosting(term: string, fact: number, weight: number): void {
		let list = this.postings.get(term);
		if (!list) {
			list = { facts: [], weights: [] };
			this.postings.set(term, list);
		}
		list.facts.push(fact);
		list.weights.push(weight);
	}

	has(term: string): boolean {
		return this.postings.has(term);
	}

	postingsOf(term: string): Readonly<Postings> | undefined {
		return this.postings.get(term);
	}

	documentFrequency(term: string): number {
		return this.postings.get(term)?.facts.length ?? 0;
	}

	/** BM25 inverse document frequency; a term in no fact gets the largest value. */
	idf(term: string): number {
		const n = this.facts.length;
		const df = this.documentFrequency(term);
		return Math.log(1 + (n - df + 0.5) / (df + 0.5));
	}

	/** Stems of the index that extend `stem` ("merovia" → "merovian") or that it extends, most frequent first. */
	prefixRelatives(stem: string, limit = 4): string[] {
		const min = this.options.minPrefixLength;
		if (stem.length < min || /\d/.test(stem)) return [];
		const found: string[] = [];
		let lo = 0;
		let hi = this.sortedStems.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.sortedStems[mid]! < stem) lo = mid + 1;
			else hi = mid;
		}
		for (let i = lo; i < this.sortedStems.length && this.sortedStems[i]!.startsWith(stem); i++) {
			if (this.sortedStems[i] !== stem && this.sortedStems[i]!.length - stem.length <= 6) found.push(this.sortedStems[i]!);
			if (found.length > limit * 4) break;
		}
		for (let length = stem.length - 1; length >= min; length--) {
			const shorter = stem.slice(0, length);
			if (this.postings.has(shorter) && stem.length - length <= 6) found.push(shorter);
		}
		return found.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a)).slice(0, limit);
	}
}

/**
 * Keeps, for each document, the subject terms that not every document shares: a subject term stands in for a
 * sentence's missing words only to say which document a question is about, so with one document, or for
 * words all subjects share ("human rights"), it adds nothing.
 */
function distinguishingSubjects(subjects: Set<string>[]): Set<string>[] {
	return subjects.map((terms) => new Set([...terms].filter((term) => subjects.some((other) => !other.has(term)))));
}
