import { languageOf, type Language } from '../language/detect.ts';
import { AUXILIARIES, isQuestionWord, KIND_ASKING_WORDS, PLAIN_QUESTION_WORDS, spellingsOf } from '../language/english.ts';
import { KAZAKH_QUESTION_WORDS } from '../language/kazakh.ts';
import { isNegated } from '../language/negation.ts';
import { RUSSIAN_QUESTION_WORDS } from '../language/russian.ts';
import type { CuratedLink } from '../knowledge/curated.ts';
import type { Fact } from '../knowledge/types.ts';
import { words } from '../search/analyze.ts';
import { damerauLevenshtein } from '../search/typoCorrector.ts';
import { shippedModel, type VerifierModel } from '../verify/model.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';
import { quotedText } from './quote.ts';
import type { Answer, Citation, Explanation } from './types.ts';

/**
 * When two wordings ask the same question (the rule behind curated answers and `/kb gaps` grouping):
 * 1. they want the same kind of answer: the same question words ("whats" is "what", "which" is "what"), the same
 *    auxiliaries that change the meaning (past "was", modal "can", "should"…; "is", "do", "has" are left out since
 *    "what's" and "whats" drop them), and both deny or neither does;
 * 2. their content words (the language module's stems, stop words removed) are the same, a long stem (6+ letters)
 *    matching one a typo away ("salery", "ombudsmen"); or one's content words all appear in the other and the
 *    shared ones are at least {@link MIN_OVERLAP} of all (Jaccard), so a third word added to two still matches
 *    but a changed name ("in Kordania" / "in Miroslavia") never does.
 * Comparison is with each group's first wording, not chained, so a group cannot drift from it word by word.
 */
export const MIN_OVERLAP = 0.75;

/**
 * The confidence of an answer decided by a curated question: how often two wordings this rule matches ask the same
 * question, measured on paraphrase pairs (tests/answering/curated.test.ts: 30 same-meaning pairs and 30 different
 * ones, Laplace's (k+1)/(n+2) over the matched pairs; and every pair of questions in eval/sets, where a match between
 * questions with different expected answers counts against it). The moderator's link itself is taken as right, as it
 * was made by a person reading the fact. Above every regime's threshold, so a curated match always answers.
 */
export const CURATED_CONFIDENCE = 0.95;

/** What a question is reduced to for comparison. */
export interface QuestionKey {
	/** The kind of answer wanted: canonical question words, meaning-bearing auxiliaries, negation. */
	readonly asks: string;
	/** Content stems, each once, in order of appearance. */
	readonly stems: readonly string[];
}

/** Auxiliaries that a contraction can drop ("what's", "whats"): they never tell two questions apart. */
const DROPPABLE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'do', 'does', 'did', 'has', 'have']);
const MEANING_AUXILIARIES: ReadonlySet<string> = new Set(AUXILIARIES.filter((word) => !DROPPABLE_AUXILIARIES.has(word)));
const CANONICAL_QUESTION_WORD = new Map(PLAIN_QUESTION_WORDS.flatMap((plain) => spellingsOf(plain).map((spelling) => [spelling, KIND_ASKING_WORDS.has(plain) ? 'what' : plain] as const)));

/** The question reduced to what {@link sameQuestion} compares. */
export function questionKey(text: string, language: Language = languageOf(text)): QuestionKey {
	const asks = new Set<string>();
	const stems: string[] = [];
	for (const word of words(text, language)) {
		const asked = askingWord(word.surface, word.stem);
		if (asked) asks.add(asked);
		else if (!word.isStopword && !stems.includes(word.stem)) stems.push(word.stem);
	}
	if (isNegated(text, language)) asks.add('not');
	return { asks: [...asks].sort().join(' '), stems };
}

function askingWord(surface: string, stemmed: string): string | undefined {
	if (isQuestionWord(surface)) return CANONICAL_QUESTION_WORD.get(surface) ?? surface;
	if (MEANING_AUXILIARIES.has(surface)) return surface;
	if (RUSSIAN_QUESTION_WORDS.has(surface) || KAZAKH_QUESTION_WORDS.has(surface)) return stemmed;
	return undefined;
}

/** Long stems a typo apart are one word ("saleri"/"salari"); short ones and numbers must be equal. */
function sameStem(a: string, b: string): boolean {
	if (a === b) return true;
	if (a.length < 6 || b.length < 6 || /\d/.test(a + b)) return false;
	return damerauLevenshtein(a, b, 1) <= 1;
}

/**
 * Whether two questions ask the same thing by the rule above, and their content words' overlap (Jaccard, 0..1).
 * @example sameQuestion(questionKey("whats the ombudsmans salary??"), questionKey("What is the ombudsman's salary?")) // → { same: true, overlap: 1 }
 */
export function sameQuestion(a: QuestionKey, b: QuestionKey): { same: boolean; overlap: number } {
	if (a.stems.length === 0 || b.stems.length === 0) return { same: false, overlap: 0 };
	const [small, large] = a.stems.length <= b.stems.length ? [a.stems, b.stems] : [b.stems, a.stems];
	const unmatched = [...large];
	let shared = 0;
	for (const stem of small) {
		const at = unmatched.findIndex((other) => sameStem(stem, other));
		if (at < 0) continue;
		unmatched.splice(at, 1);
		shared++;
	}
	const overlap = shared / (small.length + large.length - shared);
	return { same: a.asks === b.asks && shared === small.length && overlap >= MIN_OVERLAP, overlap };
}

/**
 * Near-duplicate wordings grouped, in the order given (most asked first keeps the most asked as each group's
 * head): each item joins the first group whose head asks the same question, else starts one.
 */
export function groupNearDuplicates<T>(items: readonly T[], textOf: (item: T) => string): T[][] {
	const groups: { key: QuestionKey; items: T[] }[] = [];
	for (const item of items) {
		const key = questionKey(textOf(item));
		const group = groups.find((g) => sameQuestion(g.key, key).same);
		if (group) group.items.push(item);
		else groups.push({ key, items: [item] });
	}
	return groups.map((g) => g.items);
}

/** A curated question that asks what the question asks, with its overlap; the closest when several do. */
export interface CuratedMatch {
	link: CuratedLink;
	overlap: number;
}

/** Each knowledge base's curated questions, reduced once: a knowledge base never changes. */
const curatedKeys = new WeakMap<KnowledgeBase, { link: CuratedLink; key: QuestionKey }[]>();

export function curatedMatch(kb: KnowledgeBase, question: string): CuratedMatch | undefined {
	if (kb.curated.length === 0) return undefined;
	let keyed = curatedKeys.get(kb);
	if (!keyed) curatedKeys.set(kb, (keyed = kb.curated.map((link) => ({ link, key: questionKey(link.question) }))));
	const key = questionKey(question);
	let best: CuratedMatch | undefined;
	for (const candidate of keyed) {
		const { same, overlap } = sameQuestion(candidate.key, key);
		if (same && (!best || overlap > best.overlap)) best = { link: candidate.link, overlap };
	}
	return best;
}

/**
 * The answer when `asked` matches a curated question: the linked fact (with the sentence it leans on), at
 * {@link CURATED_CONFIDENCE}; undefined when no curated question matches. With `explain`, the explanation says the
 * curated question decided, and which one.
 */
export function curatedAnswer(question: string, asked: string, kb: KnowledgeBase, options: { explain?: boolean; model?: VerifierModel } = {}): Omit<Answer, 'ms'> | undefined {
	const match = curatedMatch(kb, asked);
	const fact = match && kb.factsById.get(match.link.factId);
	if (!match || !fact) return undefined;
	const before = fact.leansOnPrevious ? kb.documents.find((d) => d.id === fact.document)?.facts[fact.position - 1] : undefined;
	const shown = [before, fact].filter((f): f is Fact => f !== undefined);
	const sources = shown.map(citationOf);
	const explain = options.explain ? { explain: explanationOf(kb, asked, match, citationOf(fact), options.model ?? shippedModel()) } : {};
	return {
		question,
		answered: true,
		answer: shown.map(quotedText).join(' '),
		confidence: CURATED_CONFIDENCE,
		sources,
		...(fact.topics[0] ? { topic: fact.topics[0] } : {}),
		factIds: shown.map((f) => f.id),
		suggestions: [],
		...explain,
	};
}

function citationOf(fact: Fact): Citation {
	return { document: fact.document, line: fact.line, text: quotedText(fact) };
}

/** The curated match is the one piece of evidence: its logit is the whole of the candidate's. */
function explanationOf(kb: KnowledgeBase, asked: string, match: CuratedMatch, cited: Citation, model: VerifierModel): Explanation {
	const language = languageOf(asked);
	const regime = language !== 'en' ? 'nonEnglish' : kb.lexicon.synonyms.length > 0 ? 'curated' : 'generic';
	const logit = Math.round(Math.log(CURATED_CONFIDENCE / (1 - CURATED_CONFIDENCE)) * 1000) / 1000;
	const overlap = Math.round(match.overlap * 1000) / 1000;
	return {
		regime,
		threshold: model.regimes[regime].threshold,
		margin: logit,
		// No terms were weighed: the words were compared with the curated question's instead.
		terms: [],
		candidates: [{ ...cited, probability: CURATED_CONFIDENCE, logit, contributions: { curatedQuestion: logit }, features: { curatedOverlap: overlap } }],
		curated: { question: match.link.question, overlap },
	};
}
