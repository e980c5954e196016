import { stemmer as russianStem } from '@orama/stemmers/russian';
import stemWord from 'wink-porter2-stemmer';
import type { Language } from '../language/detect.ts';
import { isQuestionWord, STOPWORDS } from '../language/english.ts';
import { KAZAKH_LETTERS, KAZAKH_QUESTION_WORDS, KAZAKH_STOPWORDS, kazakhStem } from '../language/kazakh.ts';
import { RUSSIAN_QUESTION_WORDS, RUSSIAN_STOPWORDS } from '../language/russian.ts';

/** A word as it appears in text: lower-cased, without diacritics or possessive 's. */
export interface Word {
	surface: string;
	stem: string;
	/** A function word or small talk: kept for phrase matching, skipped for scoring. */
	isStopword: boolean;
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const stemCache = new Map<string, string>();

/**
 * Splits text into lower-case words. Digit groups ("2,340") stay one number; "Shakirov's" becomes "shakirov".
 * The one place where words get their stems: a Latin word by Porter2, a Cyrillic one by the Snowball Russian
 * stemmer or, in Kazakh text or with a Kazakh letter, the Kazakh suffix stripper. A Cyrillic word in an English
 * text is read as Russian, the commoner of the two. Function words of the word's own script's languages are
 * stop words whatever the text's language, so a Kazakh question read as Russian still skips "ма".
 * @example words("The Ombudsman's office") // → surfaces ["the", "ombudsman", "office"]
 */
export function words(text: string, language: Language = 'en'): Word[] {
	const normalized = text
		.normalize('NFKD')
		// Accents go, except on Cyrillic letters, where they make other letters ("й" is not "и").
		.replace(/(?<!\p{Script=Cyrillic})\p{M}+/gu, '')
		.normalize('NFC')
		.toLowerCase()
		.replace(/ё/g, 'е')
		.replace(/(\d),(?=\d{3}\b)/g, '$1');
	const out: Word[] = [];
	for (const match of normalized.matchAll(WORD)) {
		const surface = match[0]
			.replace(/['’](?:s|d|ll|re|ve|m|t)$/u, '')
			.replace(/['’]/g, '')
			// "2013м", "2008г": a number with a Russian case ending or abbreviation is the number.
			.replace(/^(\d+)\p{Script=Cyrillic}{1,3}$/u, '$1');
		if (!surface) continue;
		out.push({ surface, stem: stem(surface, language), isStopword: isStopword(surface) });
	}
	return out;
}

function isStopword(surface: string): boolean {
	if (!CYRILLIC.test(surface)) return STOPWORDS.has(surface) || isQuestionWord(surface);
	return RUSSIAN_STOPWORDS.has(surface) || RUSSIAN_QUESTION_WORDS.has(surface) || KAZAKH_STOPWORDS.has(surface) || KAZAKH_QUESTION_WORDS.has(surface);
}

/** The stem of a lower-case word in its language (see `words`); numbers and short words stay as they are. */
export function stem(surface: string, language: Language = 'en'): string {
	if (/\d/.test(surface)) return surface;
	// A short Kazakh word keeps its letters but is spelled as every Kazakh stem is (see kazakhStem): "үй" as "уй".
	if (surface.length < 4) return KAZAKH_LETTERS.test(surface) ? kazakhStem(surface) : surface;
	const cyrillic = CYRILLIC.test(surface);
	const stemmer = !cyrillic ? 'en' : language === 'kk' || KAZAKH_LETTERS.test(surface) ? 'kk' : 'ru';
	const key = stemmer === 'en' ? surface : `${stemmer}:${surface}`;
	let stemmed = stemCache.get(key);
	if (stemmed === undefined) {
		stemmed = stemmer === 'en' ? stemWord(surface) : stemmer === 'kk' ? kazakhStem(surface) : russianStem(surface);
		if (stemCache.size < 200_000) stemCache.set(key, stemmed);
	}
	return stemmed;
}
