import { properNames } from '../knowledge/names.ts';
import { isEnglishWord } from '../knowledge/nlp.ts';
import { languageOf, type Language } from '../language/detect.ts';
import { wordRelations } from '../language/wordnet.ts';
import { alternation, AUXILIARIES, KIND_ASKING_WORDS, KIND_NOUNS, QUESTION_WORDS, STOPWORDS } from '../language/english.ts';
import { KAZAKH_KIND_ASKING_WORDS, KAZAKH_KIND_NOUNS, KAZAKH_QUESTION_WORDS } from '../language/kazakh.ts';
import { CYRILLIC_END, placeOfAdjective, RUSSIAN_KIND_ASKING_WORDS, RUSSIAN_KIND_NOUNS, RUSSIAN_QUESTION_WORDS } from '../language/russian.ts';
import { isCyrillic, latinSpellings } from '../language/transliterate.ts';
import { stem as stemOf, words, type Word } from './analyze.ts';
import { expectationOf, type Expectation } from './expectation.ts';
import type { FactIndex } from './factIndex.ts';
import type { SearchOptions } from './searchOptions.ts';

/** One thing a question asks about: a word or a lexicon concept, with the index terms that may stand for it. */
export interface QueryTerm {
	/** The word or phrase as the question put it (after typo correction). */
	label: string;
	/** Where it starts among the question's words, so terms keep the question's order. */
	position: number;
	/** Index terms that match it, each with the credit a match earns (1 for an exact match). */
	variants: { term: string; quality: number }[];
	/** How much the term counts: its IDF, or for a term no fact holds, the unknown-word weight. */
	weight: number;
	/** False when no fact holds any variant: the documents likely lack what it names. */
	known: boolean;
}

export interface ReadQuestion {
	terms: QueryTerm[];
	/** What kind of answer the question wants ("when" → a date). */
	expectation: Expectation;
	/**
	 * The multi-word names the question asks about ("the Asia Pacific Forum"), each as its terms. A fact that
	 * lacks a name's most telling term speaks of something else, however much else it shares.
	 */
	names: QueryTerm[][];
	/** The question's language, detected: its words are read in it. */
	language: Language;
}

/**
 * Reads a question into query terms: corrects typos against the vocabulary, finds lexicon synonyms,
 * widens words to their stems and prefix relatives, weighs each by rarity, and lets small talk around the
 * question count for little.
 */
export function readQuestion(question: string, index: FactIndex, options: SearchOptions): ReadQuestion {
	const text = question.slice(0, options.maxQuestionLength);
	const language = languageOf(text);
	const { core, chatter } = splitChatter(text, language);
	const corrected = markAskedKind(words(core, language), language).map((word) => correctTypo(word, index, options, language));
	const spans = nameSpans(core, language);
	const coreTerms = countNamesOnce(termsOf(corrected, index, options), spans);
	const names = spans.map(([start, end]) => coreTerms.filter((t) => t.known && t.position >= start && t.position < end)).filter((group) => group.length > 0);
	const expectation = expectationOf(corrected.map((w) => w.surface).join(' '), language);
	if (!chatter) return { terms: coreTerms, expectation, names, language };
	const seen = new Set(coreTerms.map(keyOf));
	const chatterTerms = termsOf(words(chatter, language).map((word) => correctTypo(word, index, options, language)), index, options)
		.filter((t) => t.known && !seen.has(keyOf(t)))
		.map((t) => ({ ...t, weight: t.weight * options.chatterWeight }));
	return { terms: [...coreTerms, ...chatterTerms], expectation, names, language };
}

/** A sentence that opens with a question word or an auxiliary ("Is the office …") asks something, even without "?". */
const QUESTION_START: Readonly<Record<Language, RegExp>> = {
	en: new RegExp(`^(?:${alternation([...QUESTION_WORDS, ...AUXILIARIES])})\\b`, 'i'),
	ru: new RegExp(`^(?:${alternation(RUSSIAN_QUESTION_WORDS)})${CYRILLIC_END}`, 'iu'),
	kk: new RegExp(`^(?:${alternation(KAZAKH_QUESTION_WORDS)})${CYRILLIC_END}`, 'iu'),
};
/** Where a chat message's sentences end: "2008 г." and "т.е." end none in Russian. */
const CHAT_SENTENCE_END = /(?<=(?<![\s.]\p{Ll}{1,3}|\s\p{Ll}\.\p{Ll})[.!?])\s+|(?<=[!?])\s+|\n+/u;

/**
 * A chatty message ("hi all! I was reading about … Who represented Kazakhstan? thanks") is split into its
 * question sentences, which count fully, and the small talk around them, which only adds context.
 */
export function splitChatter(text: string, language: Language = 'en'): { core: string; chatter: string } {
	const sentences = text.split(language === 'en' ? /(?<=[.!?])\s+|\n+/ : CHAT_SENTENCE_END).map((s) => s.trim()).filter(Boolean);
	if (sentences.length < 2) return { core: text, chatter: '' };
	const isQuestion = (s: string) => s.endsWith('?') || QUESTION_START[language].test(s);
	const core = sentences.filter(isQuestion);
	if (core.length === 0 || core.length === sentences.length) return { core: text, chatter: '' };
	return { core: core.join(' '), chatter: sentences.filter((s) => !isQuestion(s)).join(' ') };
}

/** Per language, the words that ask for a kind ("which", "какой", "қай") and the nouns that then name it ("year", "году", "жылы"). */
const KIND_WORDS: Readonly<Record<Language, { asking: ReadonlySet<string>; nouns: ReadonlySet<string> }>> = {
	en: { asking: KIND_ASKING_WORDS, nouns: KIND_NOUNS },
	ru: { asking: RUSSIAN_KIND_ASKING_WORDS, nouns: RUSSIAN_KIND_NOUNS },
	kk: { asking: KAZAKH_KIND_ASKING_WORDS, nouns: KAZAKH_KIND_NOUNS },
};

/** "Which year was …": "year" names the kind of answer (a date), so it is not a word to find in the fact. */
function markAskedKind(list: Word[], language: Language): Word[] {
	const { asking, nouns } = KIND_WORDS[language];
	return list.map((word, i) => {
		const asks = asking.has(list[i - 1]?.surface ?? '');
		return asks && nouns.has(word.surface) ? { ...word, isStopword: true } : word;
	});
}

/** Word ranges of the proper names a question writes with capitals ("the Leela Palace Hotel"). */
function nameSpans(text: string, language: Language): [number, number][] {
	const surfaces = words(text, language).map((w) => w.surface);
	const spans: [number, number][] = [];
	for (const name of properNames(text, language)) {
		const nameWords = words(name, language).map((w) => w.surface);
		if (nameWords.length < 2) continue;
		const start = surfaces.findIndex((_, i) => nameWords.every((w, k) => surfaces[i + k] === w));
		if (start >= 0) spans.push([start, start + nameWords.length]);
	}
	return spans;
}

/**
 * A multi-word name is one thing asked about: its words together weigh what its rarest word weighs, so a
 * long name ("Working Group for Prevention of Torture") cannot drown out what the question asks of it.
 */
function countNamesOnce(terms: QueryTerm[], spans: readonly [number, number][]): QueryTerm[] {
	for (const [start, end] of spans) {
		const members = terms.filter((t) => t.position >= start && t.position < end);
		const total = members.reduce((sum, t) => sum + t.weight, 0);
		const heaviest = Math.max(0, ...members.map((t) => t.weight));
		if (total > 0) for (const member of members) member.weight *= heaviest / total;
	}
	return terms;
}

function termsOf(corrected: readonly CorrectedWord[], index: FactIndex, options: SearchOptions): QueryTerm[] {
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
		terms.push(weigh(span.map((w) => w.surface).join(' '), variants, index, options, match.start));
	}
	corrected.forEach((word, i) => {
		if (consumed.has(i) || word.isStopword) return;
		const variants = index.has(word.stem) ? [{ term: word.stem, quality: word.quality }] : [];
		for (const relative of index.prefixRelatives(word.stem)) variants.push({ term: relative, quality: word.quality * options.prefixQuality });
		if (variants.length === 0) {
			for (const kin of index.wordKin(word.stem)) variants.push({ term: kin, quality: word.quality * options.prefixQuality });
		}
		// "таврийский" asks about Таврия: the adjective of a place found through the place's stem.
		const place = variants.length === 0 ? placeOfAdjective(word.stem) : undefined;
		if (place) for (const term of [place, ...index.prefixRelatives(place)]) if (index.has(term)) variants.push({ term, quality: word.quality * options.prefixQuality });
		if (variants.length === 0 && isCyrillic(word.surface)) variants.push(...transliterated(word, index, options));
		// A word the documents lack may still be said in their words: a derivationally related form from WordNet
		// ("interfered" → "interference", "protect" → "protection"). Not its synonyms: across a word's senses they
		// stray too far ("bases" → "establish").
		if (!index.has(word.stem) && !isCyrillic(word.surface)) {
			for (const related of relatedStems(word.surface)) if (index.has(related)) variants.push({ term: related, quality: word.quality * options.relatedQuality });
		}
		// A word of a language no document is written in, matched by nothing, is unread rather than missing from the
		// documents: it weighs less than an unknown word does (a lexicon concept they lack still weighs in full).
		const unread = variants.length === 0 && isCyrillic(word.surface) && !index.languages.has('ru') && !index.languages.has('kk');
		terms.push(weigh(word.surface, variants, index, options, i, unread ? options.unreadWeight : 1));
	});
	return dedupe(terms.sort((a, b) => a.position - b.position));
}

/**
 * A Cyrillic word the index lacks, looked for in Latin letters: a name ("Шакирову" → "shakirov") or a word the
 * languages share ("форума" → "forum"), as the word or its stem is spelt in Latin, or a word of the index that
 * differs from that in its last letters only (the Russian case ending: "shakirova" ~ "shakirov").
 */
function transliterated(word: CorrectedWord, index: FactIndex, options: SearchOptions): QueryTerm['variants'] {
	if (word.surface.length < 4) return [];
	const quality = word.quality * options.transliterationQuality;
	// The stem's spelling helps a name in another case ("Шакирову" → "шакиров"), but a short stem is too often an
	// English word by chance ("партии" → "парт" → "part").
	const forms = word.stem.length >= 5 ? [word.surface, word.stem] : [word.surface];
	const spellings = [...new Set(forms.flatMap(latinSpellings).map((spelling) => stemOf(spelling)))];
	const exact = spellings.filter((s) => index.has(s));
	if (exact.length) return exact.map((term) => ({ term, quality }));
	// The nearest in length is the likeliest same word: "partii" is "parti" (party), not "particip".
	const kin = spellings.flatMap((s) => [...index.wordKin(s), ...index.prefixRelatives(s)].map((term) => ({ term, gap: Math.abs(term.length - s.length) })));
	const nearest = kin.sort((a, b) => a.gap - b.gap)[0];
	return nearest ? [{ term: nearest.term, quality: quality * options.prefixQuality }] : [];
}

/** Stems of the single-word derivationally related forms WordNet gives for a word. */
function relatedStems(surface: string): string[] {
	return [...new Set(wordRelations(surface).derived.filter((w) => !w.includes(' ')).map((w) => stemOf(w)))];
}

interface CorrectedWord extends Word {
	quality: number;
}

function correctTypo(word: Word, index: FactIndex, options: SearchOptions, language: Language): CorrectedWord {
	if (word.isStopword || index.typos.knows(word.surface)) return { ...word, quality: 1 };
	// A word neither the documents nor English know is a typo even when its stem happens to be indexed
	// ("officals" stems to "offic", as "office" does): correct it to "officials".
	if (index.has(word.stem) && isEnglishWord(word.surface)) return { ...word, quality: 1 };
	// Russian and Kazakh inflect far more than English: a form the documents lack ("Таврии") whose stem they hold
	// ("Таврия") is that word in another case, not a typo of a form they have.
	if (index.has(word.stem) && isCyrillic(word.surface)) return { ...word, quality: 1 };
	const correction = index.typos.correct(word.surface);
	if (!correction) return { ...word, quality: 1 };
	// A real English word the documents lack ("cares", "tall") is a different word, not a typo of one they have
	// ("cases", "all"); but a misspelt name can still be a word ("kazakstan"), so names may still correct it.
	if (isEnglishWord(word.surface) && !index.isNameWord(correction.word)) return { ...word, quality: 1 };
	const corrected = words(correction.word, language)[0] ?? { surface: correction.word, stem: stemOf(correction.word, language), isStopword: false };
	// An English correction counts as a stop word only when it is a function word, as before the other languages came.
	const isStopword = isCyrillic(correction.word) ? corrected.isStopword : STOPWORDS.has(correction.word);
	return { ...corrected, surface: correction.word, isStopword, quality: options.typoQuality[correction.distance - 1] ?? 0 };
}

function weigh(label: string, variants: QueryTerm['variants'], index: FactIndex, options: SearchOptions, position: number, unknownShare = 1): QueryTerm {
	const present = variants.filter((v) => index.has(v.term));
	if (present.length === 0) {
		// One or two letters that mean nothing here ("yr", "u") are chat shorthand, not a missing subject.
		const weight = label.length <= 2 ? 0 : unknownShare * options.unknownWeight * index.idf('\u0000unknown');
		return { label, position, variants: [], weight, known: false };
	}
	present.sort((a, b) => b.quality - a.quality);
	return { label, position, variants: present, weight: index.idf(present[0]!.term), known: true };
}

function keyOf(term: QueryTerm): string {
	return term.variants[0]?.term ?? `?${term.label}`;
}

function dedupe(terms: QueryTerm[]): QueryTerm[] {
	const seen = new Set<string>();
	return terms.filter((t) => {
		const key = keyOf(t);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
