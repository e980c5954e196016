import { franc } from 'franc-min';
import { KAZAKH_LETTERS_GLOBAL, KAZAKH_QUESTION_WORDS, KAZAKH_STOPWORDS } from './kazakh.ts';
import { RUSSIAN_QUESTION_WORDS, RUSSIAN_STOPWORDS } from './russian.ts';

/** The languages the bot reads: questions and documents in any of them. */
export const LANGUAGES = ['en', 'ru', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** franc's ISO 639-3 codes for the languages the bot reads; franc is asked to choose among these only. */
const FRANC_CODES: Readonly<Record<string, Language>> = { eng: 'en', rus: 'ru', kaz: 'kk' };
/** Below this many Cyrillic letters, franc's trigrams guess; the word tables decide instead. */
const FRANC_MIN_LETTERS = 40;
/** Share of Cyrillic letters that are Kazakh-only in Kazakh text is about a tenth; a Russian text quoting "Қазақстан" has far fewer. */
const KAZAKH_LETTER_SHARE = 0.02;

/** Function and question words of one language that the other does not use, as typed ("кай", "ма"; "как", "ли"). */
const KAZAKH_ONLY: ReadonlySet<string> = new Set([...KAZAKH_STOPWORDS, ...KAZAKH_QUESTION_WORDS].filter((w) => !RUSSIAN_STOPWORDS.has(w) && !RUSSIAN_QUESTION_WORDS.has(w)));
const RUSSIAN_ONLY: ReadonlySet<string> = new Set([...RUSSIAN_STOPWORDS, ...RUSSIAN_QUESTION_WORDS].filter((w) => !KAZAKH_ONLY.has(w) && !KAZAKH_STOPWORDS.has(w) && !KAZAKH_QUESTION_WORDS.has(w)));

/**
 * The language of a question or a document. The script decides first, by words: a Russian question naming
 * "Askar Shakirov" is Russian, an English one asking about the "НПМ" English (a capitalised Latin word, a
 * name, counts half). In Cyrillic, Kazakh letters tell Kazakh from Russian; without them, Kazakh typed on a
 * Russian keyboard shows in its function words ("форум кай конак уйде отти"); a longer text goes to franc,
 * restricted to the three languages. Empty or letterless text is English, the bot's first language.
 */
export function languageOf(text: string): Language {
	let latin = 0;
	const cyrillic: string[] = [];
	for (const [word] of text.matchAll(/\p{L}+/gu)) {
		if (/\p{Script=Cyrillic}/u.test(word)) cyrillic.push(word.toLowerCase());
		else if (/\p{Script=Latin}/u.test(word)) latin += /^\p{Lu}/u.test(word) ? 0.5 : 1;
	}
	if (cyrillic.length === 0 || cyrillic.length < latin) return 'en';
	const letters = cyrillic.join('').length;
	const kazakhLetters = cyrillic.join('').match(KAZAKH_LETTERS_GLOBAL)?.length ?? 0;
	if (kazakhLetters > 0 && (letters < FRANC_MIN_LETTERS * 2 || kazakhLetters / letters >= KAZAKH_LETTER_SHARE)) return 'kk';
	const kazakhWords = cyrillic.filter((w) => KAZAKH_ONLY.has(w)).length;
	const russianWords = cyrillic.filter((w) => RUSSIAN_ONLY.has(w)).length;
	if (kazakhWords > russianWords) return 'kk';
	if (letters < FRANC_MIN_LETTERS || russianWords > kazakhWords) return 'ru';
	return FRANC_CODES[franc(cyrillic.join(' '), { only: ['rus', 'kaz'], minLength: 1 })] ?? 'ru';
}
