import stemWord from 'wink-porter2-stemmer';
import { isQuestionWord, STOPWORDS } from '../language/english.ts';

/** A word as it appears in text: lower-cased, without diacritics or possessive 's. */
export interface Word {
	surface: string;
	stem: string;
	/** A function word or small talk: kept for phrase matching, skipped for scoring. */
	isStopword: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const stemCache = new Map<string, string>();

/**
 * Splits text into lower-case words. Digit groups ("2,340") stay one number; "Shakirov's" becomes "shakirov".
 * @example words("The Ombudsman's office") // → surfaces ["the", "ombudsman", "office"]
 */
export function words(text: string): Word[] {
	const normalized = text
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/(\d),(?=\d{3}\b)/g, '$1');
	const out: Word[] = [];
	for (const match of normalized.matchAll(WORD)) {
		const surface = match[0].replace(/['’](?:s|d|ll|re|ve|m|t)$/u, '').replace(/['’]/g, '');
		if (!surface) continue;
		out.push({ surface, stem: stem(surface), isStopword: STOPWORDS.has(surface) || isQuestionWord(surface) });
	}
	return out;
}

/** Porter2 stem of a lower-case word; numbers and short words stay as they are. */
export function stem(surface: string): string {
	if (surface.length < 4 || /\d/.test(surface)) return surface;
	let stemmed = stemCache.get(surface);
	if (stemmed === undefined) {
		stemmed = stemWord(surface);
		if (stemCache.size < 200_000) stemCache.set(surface, stemmed);
	}
	return stemmed;
}
