/**
 * The retriever's tuning in one place: how question terms match and how candidates are ordered for the
 * verifier. Whether to answer, and how sure to be, is the trained verifier's (src/verify/model.json). Change
 * one, then `npm run train` and `npm run eval` (see README).
 */
export interface SearchOptions {
	/** Weight of a match on whom a sentence leans on ("he said" → the speaker), against 1 for its own words. */
	aboutWeight: number;
	/** Weight of a match on the sentence before, for a sentence that leans on it ("This ensured …"). */
	previousSentenceWeight: number;
	/** Weight of a match on the document's subject (institution, country) when the sentence itself lacks it. */
	subjectWeight: number;
	/** Weight of a match on the question heading a sentence answers (a page of questions and answers, an interview). */
	sectionWeight: number;
	/** Credit for a word matched through a typo correction at edit distance 1, and 2. */
	typoQuality: readonly [number, number];
	/** Credit for a word matched through a shared prefix ("Merovia" → "Merovian", "chair" → "chairperson"). */
	prefixQuality: number;
	/** Credit for a word matched through a WordNet derivationally related form the documents use instead. */
	relatedQuality: number;
	/** Credit for a Cyrillic word matched through its Latin spelling ("Шакиров" → "Shakirov", "форум" → "forum"). */
	transliterationQuality: number;
	/** Shortest prefix that may stand for a longer word. */
	minPrefixLength: number;
	/** Credit for one word of a multi-word synonym ("forum" of "Asia Pacific Forum") when the whole is absent. */
	partialPhraseQuality: number;
	/** How much an unknown word (in no document) weighs against the best-known word: it usually names what the documents lack. */
	unknownWeight: number;
	/**
	 * Share of that weight for a word in a language no document is written in that nothing matched (neither the
	 * lexicon, a name nor a shared word): the bot cannot read it, which says little of what the documents hold.
	 */
	unreadWeight: number;
	/** How much the words of small talk around a question count, against 1 for the question's own words. */
	chatterWeight: number;
	/** How strongly a longer fact is passed over for a more concise one that covers as much. */
	lengthNormalisation: number;
	/** Taken from coverage when a fact lacks the kind of value the question asks for, for "who", "where" and "why". */
	expectationPenalty: number;
	/** Taken from coverage when it does not, for "when", "how long" and "how many": without the value there is no answer. */
	strictExpectationPenalty: number;
	/** Taken from coverage when the question states a number or ordinal ("in 2022", "the first") that the fact does not. */
	constraintPenalty: number;
	/** Added to evidence for each pair of neighbouring question words that stand together in the fact. */
	proximityBonus: number;
	/** Most that proximity can add. */
	maxProximityBonus: number;
	/** How far apart (in words) two question words may stand in a fact and still count as together. */
	proximityWindow: number;
	/** Least coverage for a fact to be shown at all, as an answer or as a "did you mean" suggestion. */
	minCoverage: number;
	/**
	 * How far behind the best fact's coverage a fact may be and still be ranked in detail. Expectations and
	 * proximity move a fact by less than this, so facts further behind cannot win; skipping them keeps
	 * questions fast on large knowledge bases.
	 */
	rerankMargin: number;
	/** Candidate facts retrieved for the verifier to judge. */
	candidates: number;
	/** Most "did you mean" suggestions offered with an abstention. */
	maxSuggestions: number;
	/** Longest question read, in characters; the rest is ignored so a pasted essay costs bounded time. */
	maxQuestionLength: number;
}

export const DEFAULT_SEARCH_OPTIONS: Readonly<SearchOptions> = Object.freeze({
	aboutWeight: 0.8,
	previousSentenceWeight: 0.8,
	subjectWeight: 1,
	sectionWeight: 0.8,
	typoQuality: Object.freeze([0.9, 0.75] as const),
	prefixQuality: 0.7,
	relatedQuality: 0.6,
	transliterationQuality: 0.9,
	minPrefixLength: 5,
	partialPhraseQuality: 0.5,
	unknownWeight: 0.7,
	unreadWeight: 0.4,
	chatterWeight: 0.3,
	lengthNormalisation: 0.5,
	expectationPenalty: 0.25,
	strictExpectationPenalty: 0.5,
	constraintPenalty: 0.3,
	proximityBonus: 0.05,
	maxProximityBonus: 0.15,
	proximityWindow: 3,
	minCoverage: 0.15,
	rerankMargin: 0.4,
	candidates: 10,
	maxSuggestions: 3,
	maxQuestionLength: 1000,
});
