import {
	alternation,
	AUXILIARIES,
	capitalised,
	HONORIFICS,
	INSTITUTION_WORDS,
	NAME_JOINERS,
	OFFICE_QUALIFIERS,
	OFFICES,
	PLAIN_QUESTION_WORDS,
	SENTENCE_OPENERS,
	TITLE_PARTS,
} from '../language/english.ts';
import type { Language } from '../language/detect.ts';
import { KAZAKH_QUESTION_WORDS, KAZAKH_SENTENCE_OPENERS, KAZAKH_STOPWORDS } from '../language/kazakh.ts';
import { RUSSIAN_QUESTION_WORDS, RUSSIAN_SENTENCE_OPENERS, RUSSIAN_STOPWORDS } from '../language/russian.ts';

const JOINERS = `(?:${alternation(NAME_JOINERS)})`;
/**
 * Proper names as written: runs of capitalised words, allowing lower-case joiners inside a name
 * ("Organization of Islamic Cooperation"). Sentence-initial function words ("The", "He") are not names.
 */
const NAME_RUN = new RegExp(`\\p{Lu}[\\p{L}\\p{N}'’.-]*(?:\\s+(?:${JOINERS}\\s+)*\\p{Lu}[\\p{L}\\p{N}'’.-]*)*`, 'gu');
const LEADING_JOINERS = new RegExp(`^(?:${JOINERS}\\s+)+`);
const NOT_A_NAME: ReadonlySet<string> = new Set([...SENTENCE_OPENERS, ...PLAIN_QUESTION_WORDS, ...AUXILIARIES].map(capitalised));
/** In Russian and Kazakh, no lower-case word joins a name's words, and any function word may open a sentence. */
const CYRILLIC_NAME_RUN = /\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;
const CYRILLIC_NOT_A_NAME: ReadonlySet<string> = new Set(
	[...RUSSIAN_STOPWORDS, ...RUSSIAN_QUESTION_WORDS, ...RUSSIAN_SENTENCE_OPENERS, ...KAZAKH_STOPWORDS, ...KAZAKH_QUESTION_WORDS, ...KAZAKH_SENTENCE_OPENERS].map(capitalised),
);
/** Titles that precede a person's name ("Chairperson Tomas Reyvik"): not part of the name. */
const TITLES = new RegExp(`^(?:(?:${alternation([...OFFICE_QUALIFIERS, ...OFFICES, ...TITLE_PARTS, ...HONORIFICS].map(capitalised))})\\.?\\s+)+`);
/** Words that make a capitalised run a body, place or document rather than a person. */
const NOT_A_PERSON = new RegExp(`\\b(?:${alternation(INSTITUTION_WORDS)})\\b`);

/** Proper-name phrases of a sentence, in order, without leading titles or sentence-initial function words. */
export function properNames(sentence: string, language: Language = 'en'): string[] {
	if (language !== 'en') return cyrillicNames(sentence);
	const found: string[] = [];
	for (const match of sentence.matchAll(NAME_RUN)) {
		let name = match[0].replace(/[.'’-]+$/, '');
		const first = name.split(/\s+/)[0]!;
		// "Is the Valdorian …": drop the sentence-initial word and the joiners it leaves in front.
		if (NOT_A_NAME.has(first)) name = name.slice(first.length).trim().replace(LEADING_JOINERS, '');
		if (name && !(name.split(/\s+/).length === 1 && NOT_A_NAME.has(name))) found.push(name);
	}
	return found;
}

/**
 * Proper names of a Russian or Kazakh sentence. Any word may open a sentence with a capital, and the tables cannot
 * list them as English's can: a capitalised word alone at the start is no name ("Досрочно …"), a run of them
 * ("Дарина Оскольская …") is one, without a function word in front ("В Мирграде").
 */
function cyrillicNames(sentence: string): string[] {
	const found: string[] = [];
	for (const match of sentence.matchAll(CYRILLIC_NAME_RUN)) {
		let name = match[0].replace(/[.'’-]+$/u, '');
		const first = name.split(/\s+/)[0]!;
		const opensSentence = sentence.slice(0, match.index).trim().replace(/^["«„(]+/u, '') === '';
		if (CYRILLIC_NOT_A_NAME.has(first) || (opensSentence && !name.includes(' '))) name = name.slice(first.length).trim();
		if (name) found.push(name);
	}
	return found;
}

/** Names that look like people: two or three capitalised words with no institution word, titles removed. */
export function personNames(sentence: string): string[] {
	return properNames(sentence)
		.map((name) => name.replace(TITLES, ''))
		.filter((name) => /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}$/u.test(name) && !NOT_A_PERSON.test(name));
}
