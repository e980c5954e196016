import type { Fact, KnowledgeDocument } from '../knowledge/types.ts';
import type { Language } from '../language/detect.ts';
import { stem } from './analyze.ts';
import type { ConceptMatch, ConceptMatcher } from './concepts.ts';
import type { QueryTerm } from './query.ts';
import type { SearchOptions } from './searchOptions.ts';
import type { TypoCorrector } from './typoCorrector.ts';

export interface Postings {
	/** Facts, in increasing order. */
	facts: Int32Array;
	/** What the term earns in each fact: 1 for its own words, less for whom it leans on or what it refers to. */
	weights: Float32Array;
}

/** Everything an index holds, as built by `buildFactIndex`. */
export interface FactIndexParts {
	documents: readonly KnowledgeDocument[];
	concepts: ConceptMatcher;
	facts: Fact[];
	factDocument: number[];
	factLength: number[];
	factStems: string[][];
	factConcepts: ConceptMatch[][];
	postings: Map<string, Postings>;
	references: Map<string, Postings>;
	nameWords: Set<string>;
	/** Per document, the terms every one of its facts earns through its subject (see `references`). */
	subjectTerms: Set<string>[];
	typos: TypoCorrector;
}

/**
 * An inverted index over facts: term (word stem or lexicon concept) → facts holding it, with document
 * frequencies for BM25-style weighting, the vocabulary for typo correction and prefix lookups, and the
 * facts that earn a term through what their document is about. Built by `buildFactIndex`.
 */
export class FactIndex {
	readonly documents: readonly KnowledgeDocument[];
	readonly facts: readonly Fact[];
	/** Index of each fact's document in `documents`. */
	readonly factDocument: readonly number[];
	readonly factLength: readonly number[];
	/** Each fact's word stems in order (function words included), for phrase proximity. */
	readonly factStems: readonly string[][];
	/** Where each fact names lexicon concepts, over `factStems` positions. */
	readonly factConcepts: readonly ConceptMatch[][];
	readonly averageLength: number;
	readonly concepts: ConceptMatcher;
	readonly typos: TypoCorrector;
	private readonly postings: ReadonlyMap<string, Postings>;
	/**
	 * Facts that earn a term without holding it: through their document's subject (a question naming the
	 * institution) or a subject name they call by a short form ("the forum"). Kept apart from `postings`
	 * so they neither count in document frequencies (the subject's words would look common) nor make a
	 * fact a candidate on their own.
	 */
	private readonly references: ReadonlyMap<string, Postings>;
	/** Lower-case words of the proper names in the facts ("kazakhstan", "shakirov"). */
	private readonly nameWords: ReadonlySet<string>;
	private readonly subjectTerms: readonly ReadonlySet<string>[];
	/** Every stem in the index, sorted, for prefix lookups. */
	private readonly sortedStems: string[];
	/** The languages the documents are written in: a question in another is matched across languages. */
	readonly languages: ReadonlySet<Language>;

	constructor(
		parts: FactIndexParts,
		private readonly options: SearchOptions,
	) {
		this.documents = parts.documents;
		this.concepts = parts.concepts;
		this.facts = parts.facts;
		this.factDocument = parts.factDocument;
		this.factLength = parts.factLength;
		this.factStems = parts.factStems;
		this.factConcepts = parts.factConcepts;
		this.postings = parts.postings;
		this.references = parts.references;
		this.nameWords = parts.nameWords;
		this.subjectTerms = parts.subjectTerms;
		this.typos = parts.typos;
		this.averageLength = parts.factLength.length ? parts.factLength.reduce((a, b) => a + b, 0) / parts.factLength.length : 1;
		this.sortedStems = [...parts.postings.keys()].sort();
		this.languages = new Set(parts.documents.map((d) => d.language));
	}

	/** The language of a fact: its document's. */
	languageOf(factIndex: number): Language {
		return this.documents[this.factDocument[factIndex]!]!.language;
	}


	/** Whether a term is one every fact of the fact's document earns through the document's subject ("Таврии" in Tavria's article). */
	isSubjectTerm(factIndex: number, term: string): boolean {
		return this.subjectTerms[this.factDocument[factIndex]!]!.has(term);
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

	/** Whether a fact earns a question term: holds one of its variants, or has it through what it is about. */
	earns(factIndex: number, term: QueryTerm): boolean {
		return term.variants.some((v) => contains(this.postings.get(v.term), factIndex) || contains(this.references.get(v.term), factIndex));
	}

	/**
	 * What a question term earns in one fact: the best of its variants' credit, and whether the fact holds it in
	 * its own words or only through what it refers to.
	 */
	creditOf(factIndex: number, term: QueryTerm): { credit: number; direct: boolean; quality: number; variant?: string } {
		let best: { credit: number; direct: boolean; quality: number; variant?: string } = { credit: 0, direct: false, quality: 0 };
		for (const v of term.variants) {
			const own = weightIn(this.postings.get(v.term), factIndex) * v.quality;
			const referred = weightIn(this.references.get(v.term), factIndex) * v.quality;
			if (own > best.credit) best = { credit: own, direct: true, quality: v.quality, variant: v.term };
			if (referred > best.credit) best = { credit: referred, direct: false, quality: v.quality, variant: v.term };
		}
		return best;
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

function contains(postings: Postings | undefined, fact: number): boolean {
	return weightIn(postings, fact) > 0;
}

/** What a posting list gives a fact: its weight there, or 0 when the fact is not in it. */
function weightIn(postings: Postings | undefined, fact: number): number {
	if (!postings) return 0;
	let lo = 0;
	let hi = postings.facts.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		const at = postings.facts[mid]!;
		if (at === fact) return postings.weights[mid]!;
		if (at < fact) lo = mid + 1;
		else hi = mid - 1;
	}
	return 0;
}
