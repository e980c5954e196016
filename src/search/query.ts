import { stem as stemOf, words, type Word } from './analyze.ts';
import type { FactIndex } from './factIndex.ts';
import type { SearchOptions } from './searchOptions.ts';
import { STOPWORDS } from './stopwords.ts';

/** One thing a question asks about: a word or a lexicon concept, with the index terms that may stand for it. */
export interface QueryTerm {
	/** The word or phrase as the question put it (after typo correction). */
	label: string;
	/** Index terms that match it, each with the credit a match earns (1 for an exact match). */
	variants: { term: string; quality: number }[];
	/** How much the term counts: its IDF, or for a term no fact holds, the unknown-word weight. */
	weight: number;
	/** False when no fact holds any variant: the documents likely lack what it names. */
	known: boolean;
}

/**
 * Reads a question into query terms: corrects typos against the vocabulary, finds lexicon synonyms,
 * widens words to their stems and prefix relatives, and weighs each by rarity.
 */
export function analyseQuestion(question: string, index: FactIndex, options: SearchOptions): QueryTerm[] {
	const corrected = words(question.slice(0, options.maxQuestionLength)).map((word) => correctTypo(word, index, options));
	const terms: QueryTerm[] = [];
	const consumed = new Set<number>();
	for (const match of index.concepts.match(corrected)) {
		const span = corrected.slice(match.start, match.end);
		for (let i = match.start; i < match.end; i++) consumed.add(i);
		const quality = Math.min(...span.map((w) => w.quality));
		const variants = [{ term: match.concept, quality }];
		if (span.length > 1) {
			for (const w of span) if (!w.isStopword) variants.push({ term: w.stem, quality: quality * options.partialPhraseQuality });
		}
		terms.push(weigh(span.map((w) => w.surface).join(' '), variants, index, options));
	}
	corrected.forEach((word, i) => {
		if (consumed.has(i) || word.isStopword) return;
		const variants = index.has(word.stem) ? [{ term: word.stem, quality: word.quality }] : [];
		for (const relative of index.prefixRelatives(word.stem)) variants.push({ term: relative, quality: word.quality * options.prefixQuality });
		terms.push(weigh(word.surface, variants, index, options));
	});
	return dedupe(terms);
}

interface CorrectedWord extends Word {
	quality: number;
}

function correctTypo(word: Word, index: FactIndex, options: SearchOptions): CorrectedWord {
	if (word.isStopword || index.has(word.stem)) return { ...word, quality: 1 };
	const correction = index.typos.correct(word.surface);
	if (!correction) return { ...word, quality: 1 };
	return {
		surface: correction.word,
		stem: stemOf(correction.word),
		isStopword: STOPWORDS.has(correction.word),
		quality: options.typoQuality[correction.distance - 1] ?? 0,
	};
}

function weigh(label: string, variants: QueryTerm['variants'], index: FactIndex, options: SearchOptions): QueryTerm {
	const present = variants.filter((v) => index.has(v.term));
	if (present.length === 0) {
		return { label, variants: [], weight: options.unknownWeight * index.idf('\u0000unknown'), known: false };
	}
	present.sort((a, b) => b.quality - a.quality);
	return { label, variants: present, weight: index.idf(present[0]!.term), known: true };
}

function dedupe(terms: QueryTerm[]): QueryTerm[] {
	const seen = new Set<string>();
	return terms.filter((t) => {
		const key = t.variants[0]?.term ?? `?${t.label}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
