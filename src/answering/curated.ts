import { languageOf, type Language } from '../language/detect.ts';
import { CHAT_WORDS, isQuestionWord, KIND_ASKING_WORDS, PLAIN_QUESTION_WORDS, spellingsOf } from '../language/english.ts';
import { KAZAKH_QUESTION_WORDS } from '../language/kazakh.ts';
import { isNegated } from '../language/negation.ts';
import { RUSSIAN_QUESTION_WORDS } from '../language/russian.ts';
import { isCyrillic } from '../language/transliterate.ts';
import type { CuratedLink } from '../knowledge/curated.ts';
import { words } from '../search/analyze.ts';
import { damerauLevenshtein } from '../search/typoCorrector.ts';
import type { Regime } from '../verify/model.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';
import type { Citation, Explanation } from './types.ts';

/**
 * When two wordings ask the same question (the rule behind curated answers and `/kb gaps` grouping): they have the
 * same words once case, punctuation, possessive "'s" and order are set aside, and once these are dropped:
 * - chat words (the language module's CHAT_WORDS: "hey", "quick question", "kind of", "tell me") and in Russian or
 *   Kazakh the language's stop words;
 * - words a contraction or a rewording drops without changing the question: "a", "an", "the", "of", and the
 *   auxiliaries "is", "are", "do", "does", "did", "has", "have" ("whats" = "what is", "the ombudsman's salary" =
 *   "the salary of the ombudsman").
 * Question words count by what they ask ("whats", "wat" are "what"; "which" is "what"). A word of 6 letters or more
 * matches one a typo away ("salery", "ombudsmen", "recieve"); a Russian or Kazakh word matches by its stem.
 * Every other word counts, function words included: "above"/"below", "more"/"less", "was"/"is", "can", "not" and a
 * verb's tense ("elected"/"elects") all change what is asked, which stemming and stop-word removal alone would hide
 * (measured on the project's question sets, see {@link CURATED_CONFIDENCE}). Nothing added or removed matches:
 * "how long does the forum last" is not "how long does the forum council last".
 */
const DROPPABLE: ReadonlySet<string> = new Set(['a', 'an', 'the', 'of', 'is', 'are', 'do', 'does', 'did', 'has', 'have']);

/**
 * The confidence of an answer decided by a curated question: how often two wordings this rule matches ask the same
 * question. Measured two ways: on the paraphrase pairs of tests/answering/curated.test.ts (31 same-meaning pairs, 37
 * near misses; Laplace's (k+1)/(n+2) over the pairs it matches, 32/33 = 0.97, must reach this number, and the test
 * checks it); and on every pair of questions within each of the project's and the public question sets (234,260
 * pairs, many written as near misses of each other), where a match between questions expecting different answers
 * would count against it: the rule matched one pair, both expecting the same answer. The moderator's link itself is
 * taken as right, as a person read the fact to make it. Above every regime's threshold, so a curated match always answers.
 */
export const CURATED_CONFIDENCE = 0.95;

/** What a question is reduced to for comparison: its counted words in order, a repeated word as often as it is repeated. */
export interface QuestionKey {
	readonly words: readonly string[];
	/** Whether it denies ("not", "isn't", "не"): a question and its negation never match. */
	readonly negated: boolean;
}

const CANONICAL_QUESTION_WORD = new Map(PLAIN_QUESTION_WORDS.flatMap((plain) => spellingsOf(plain).map((spelling) => [spelling, KIND_ASKING_WORDS.has(plain) ? 'what' : plain] as const)));

/** The question reduced to what {@link sameQuestion} compares. */
export function questionKey(text: string, language: Language = languageOf(text)): QuestionKey {
	const counted: string[] = [];
	for (const word of words(text, language)) {
		const form = countedForm(word.surface, word.stem, word.isStopword);
		if (form !== undefined) counted.push(form);
	}
	return { words: counted, negated: isNegated(text, language) };
}

function countedForm(surface: string, stemmed: string, isStopword: boolean): string | undefined {
	if (isCyrillic(surface)) return isStopword && !RUSSIAN_QUESTION_WORDS.has(surface) && !KAZAKH_QUESTION_WORDS.has(surface) ? undefined : stemmed;
	if (isQuestionWord(surface)) return CANONICAL_QUESTION_WORD.get(surface) ?? surface;
	return CHAT_WORDS.has(surface) || DROPPABLE.has(surface) ? undefined : surface;
}

/** Long words a typo apart are one word ("salery"/"salary"); short ones, numbers and Cyrillic stems must be equal. */
function sameWord(a: string, b: string): boolean {
	if (a === b) return true;
	if (a.length < 6 || b.length < 6 || /\d/.test(a + b) || isCyrillic(a + b)) return false;
	return damerauLevenshtein(a, b, 1) <= 1;
}

/**
 * Whether two questions ask the same thing by the rule above (question words included, so "who?" and "what?"
 * differ; a question with no word left but its question word is too vague to match anything).
 * @example sameQuestion(questionKey("whats the ombudsmans salary??"), questionKey("What is the ombudsman's salary?")) // → true
 */
export function sameQuestion(a: QuestionKey, b: QuestionKey): boolean {
	if (a.negated !== b.negated || a.words.length !== b.words.length) return false;
	if (!a.words.some((w) => !CANONICAL_QUESTION_WORD.has(w))) return false;
	const unmatched = [...b.words];
	for (const word of a.words) {
		const at = unmatched.findIndex((other) => sameWord(word, other));
		if (at < 0) return false;
		unmatched.splice(at, 1);
	}
	return true;
}

/**
 * Near-duplicate wordings grouped, in the order given (most asked first keeps the most asked as each group's
 * head): each item joins the first group whose head asks the same question, else starts one.
 */
export function groupNearDuplicates<T>(items: readonly T[], textOf: (item: T) => string): T[][] {
	const groups: { key: QuestionKey; items: T[] }[] = [];
	for (const item of items) {
		const key = questionKey(textOf(item));
		const group = groups.find((g) => sameQuestion(g.key, key));
		if (group) group.items.push(item);
		else groups.push({ key, items: [item] });
	}
	return groups.map((g) => g.items);
}

/** Each knowledge base's curated questions, reduced once: a knowledge base never changes. */
const curatedKeys = new WeakMap<KnowledgeBase, { link: CuratedLink; key: QuestionKey }[]>();

/** The curated question that asks what `question` asks; the latest linked when several do (a newer decision wins). */
export function curatedMatch(kb: KnowledgeBase, question: string): CuratedLink | undefined {
	if (kb.curated.length === 0) return undefined;
	let keyed = curatedKeys.get(kb);
	if (!keyed) curatedKeys.set(kb, (keyed = kb.curated.map((link) => ({ link, key: questionKey(link.question) }))));
	const key = questionKey(question);
	for (let i = keyed.length - 1; i >= 0; i--) if (sameQuestion(keyed[i]!.key, key)) return keyed[i]!.link;
	return undefined;
}

/**
 * Why a curated match answered, in `--explain`'s shape: the match is the one piece of evidence, so its logit is the
 * whole of the candidate's.
 */
export function curatedExplanation(match: CuratedLink, cited: Citation, regime: Regime, threshold: number): Explanation {
	const logit = Math.round(Math.log(CURATED_CONFIDENCE / (1 - CURATED_CONFIDENCE)) * 1000) / 1000;
	return {
		regime,
		threshold,
		margin: logit,
		// No terms were weighed: the words were compared with the curated question's instead.
		terms: [],
		candidates: [{ ...cited, probability: CURATED_CONFIDENCE, logit, contributions: { curatedQuestion: logit }, features: { curatedQuestion: 1 } }],
		curated: { question: match.question },
	};
}
