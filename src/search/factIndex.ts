import type { Lexicon } from '../knowledge/schema.ts';
import type { Fact, KnowledgeDocument } from '../knowledge/types.ts';
import { stem, words, type Word } from './analyze.ts';
import { ConceptMatcher } from './concepts.ts';
import type { SearchOptions } from './searchOptions.ts';
import { TypoCorrector } from './typoCorrector.ts';

export interface Postings {
	/** Facts, in increasing order. */
	facts: Int32Array;
	/** What the term earns in each fact: 1 for its own words, less for whom it leans on or what it refers to. */
	weights: Float32Array;
}

type PostingsBuilder = Map<string, { facts: number[]; weights: number[] }>;

/**
 * An inverted index over facts: term (word stem or lexicon concept) → facts holding it, with document
 * frequencies for BM25-style weighting, the vocabulary for typo correction and prefix lookups, and the
 * facts that earn a term through what their document is about.
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
	/**
	 * Facts that earn a term without holding it: through their document's subject (a question naming the
	 * institution) or a subject name they call by a short form ("the forum"). Kept apart from `postings`
	 * so they neither count in document frequencies (the subject's words would look common) nor make a
	 * fact a candidate on their own.
	 */
	private readonly references = new Map<string, Postings>();
	/** Lower-case words of the proper names in the facts ("kazakhstan", "shakirov"). */
	private readonly nameWords = new Set<string>();
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
		const subjectTerms = distinguishingSubjects(documents.map((doc) => new Set(this.termsOf(words(doc.subject.join(' . '))))));
		let totalLength = 0;
		const building: PostingsBuilder = new Map();
		const referencing: PostingsBuilder = new Map();
		documents.forEach((doc, docIndex) => {
			for (const fact of doc.facts) {
				const factIndex = this.facts.length;
				this.facts.push(fact);
				this.factDocument.push(docIndex);
				const own = words(fact.text);
				countSurface(own);
				this.factStems.push(own.map((w) => w.stem));
				for (const name of fact.names) for (const w of words(name)) this.nameWords.add(w.surface);
				const terms = new Map<string, number>();
				for (const term of this.termsOf(own)) terms.set(term, 1);
				if (fact.about) for (const term of this.termsOf(words(fact.about))) if (!terms.has(term)) terms.set(term, options.aboutWeight);
				for (const [term, weight] of terms) addPosting(building, term, factIndex, weight);
				const referred = new Map<string, number>();
				for (const term of subjectTerms[docIndex]!) referred.set(term, options.subjectWeight);
				for (const term of fact.mentions.flatMap((name) => this.termsOf(words(name)))) referred.set(term, Math.max(referred.get(term) ?? 0, options.aboutWeight));
				for (const [term, weight] of referred) if (weight > (terms.get(term) ?? 0)) addPosting(referencing, term, factIndex, weight);
				const length = own.filter((w) => !w.isStopword).length;
				this.factLength.push(length);
				totalLength += length;
			}
		});
		for (const [term, list] of building) this.postings.set(term, { facts: Int32Array.from(list.facts), weights: Float32Array.from(list.weights) });
		for (const [term, list] of referencing) this.references.set(term, { facts: Int32Array.from(list.facts), weights: Float32Array.from(list.weights) });
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

	/** Whether a word belongs to a proper name in some fact. */
	isNameWord(word: string): boolean {
		return this.nameWords.has(word);
	}

	has(term: string): boolean {
		return this.postings.has(term);
	}

	postingsOf(term: string): Readonly<Postings> | undefined {
		return this.postings.get(term);
	}

	/** Facts that earn the term through their document's subject or a short-form mention (see `references`). */
	referencesOf(term: string): Readonly<Postings> | undefined {
		return this.references.get(term);
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

	/**
	 * For a word the index lacks: stems that differ from it only in the last letter or two after a shared start
	 * of five letters or more ("defend" ~ "defens" of "defense"), most frequent first.
	 */
	wordKin(stem: string, limit = 3): string[] {
		const shared = Math.max(this.options.minPrefixLength, stem.length - 2);
		if (stem.length < this.options.minPrefixLength + 1 || /\d/.test(stem)) return [];
		const start = stem.slice(0, shared);
		const found: string[] = [];
		for (let i = this.lowerBound(start); i < this.sortedStems.length && this.sortedStems[i]!.startsWith(start); i++) {
			if (Math.abs(this.sortedStems[i]!.length - stem.length) <= 2) found.push(this.sortedStems[i]!);
		}
		return found.sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a)).slice(0, limit);
	}

	private lowerBound(value: string): number {
		let lo = 0;
		let hi = this.sortedStems.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.sortedStems[mid]! < value) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/**
	 * Index terms for a word still being typed: stems that start with it (or with its own stem), most
	 * frequent first. "represe" → "repres"; "kaz" → "kazakhstan".
	 */
	completions(prefix: string, limit: number): string[] {
		if (!prefix) return [];
		const found = new Set<string>();
		for (const start of new Set([prefix, stem(prefix)])) {
			for (let i = this.lowerBound(start); i < this.sortedStems.length && this.sortedStems[i]!.startsWith(start); i++) {
				found.add(this.sortedStems[i]!);
				if (found.size >= limit * 8) break;
			}
		}
		if (prefix.length >= 3) for (let cut = prefix.length - 1; cut >= 3 && found.size === 0; cut--) if (this.postings.has(prefix.slice(0, cut))) found.add(prefix.slice(0, cut));
		return [...found].sort((a, b) => this.documentFrequency(b) - this.documentFrequency(a)).slice(0, limit);
	}

	/** Stems of the index that extend `stem` ("merovia" → "merovian") or that it extends, most frequent first. */
	prefixRelatives(stem: string, limit = 4): string[] {
		const min = this.options.minPrefixLength;
		if (stem.length < min || /\d/.test(stem)) return [];
		const found: string[] = [];
		for (let i = this.lowerBound(stem); i < this.sortedStems.length && this.sortedStems[i]!.startsWith(stem); i++) {
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

function addPosting(building: PostingsBuilder, term: string, fact: number, weight: number): void {
	let list = building.get(term);
	if (!list) {
		list = { facts: [], weights: [] };
		building.set(term, list);
	}
	list.facts.push(fact);
	list.weights.push(weight);
}
