import { questionsFrom } from '../answering/examples.ts';
import { personNames } from '../knowledge/names.ts';
import type { Fact } from '../knowledge/types.ts';
import { isMonthOrDay, isQuestionWord, PLAIN_QUESTION_WORDS } from '../language/english.ts';
import { KAZAKH_QUESTION_WORDS, kazakhQuestionsFrom } from '../language/kazakh.ts';
import { RUSSIAN_QUESTION_WORDS, russianQuestionsFrom } from '../language/russian.ts';
import { words } from '../search/analyze.ts';
import { normalizeQuestion, type QuestionScope } from '../store/store.ts';
import { answer, type KnowledgeBase } from './engine.ts';
import type { BotContext } from './types.ts';

/** A question the autocomplete may offer, and how much it is worth beside the others. */
interface Candidate {
	readonly question: string;
	/** As {@link normalizeQuestion} compares questions. */
	readonly key: string;
	readonly words: readonly string[];
	/** Curated over asked over made from the facts; among asked ones, the more often asked. */
	readonly weight: number;
}

/** Curated over asked over made: a made question weighs its confidence (0 to 1), below every asked one. */
const WEIGHT = { curated: 3, asked: 2 } as const;
/** How many facts questions are made from: enough to cover a knowledge base's subjects, cheap once per knowledge base. */
const FACTS_READ = 400;
/** How often the people's answered questions are read again from the store: autocomplete fires on every key. */
export const ASKED_REFRESH_MS = 5_000;
/** How many of them are kept in memory for matching. */
const ASKED_KEPT = 200;

function candidate(question: string, weight: number): Candidate {
	const text = question.replace(/\s+/g, ' ').trim();
	return { question: text, key: normalizeQuestion(text), words: words(text).map((w) => w.surface), weight };
}

/** The knowledge base's own questions and words, made once per knowledge base (a refresh makes a new one). */
interface Made {
	/** Grows as {@link made} checks more of `pending`. */
	readonly questions: Candidate[];
	/** Questions made from the facts still to be asked, each with the fact that must answer it. */
	readonly pending: Iterator<{ question: string; factId: string }>;
	/** Words of the facts, for completing the one being typed: most frequent first, with their written case. */
	readonly vocabulary: readonly string[];
}

const madeFor = new WeakMap<KnowledgeBase, Made>();

/** Engine time the first keystroke may spend checking made questions; the rest are checked between events, in slices. */
const CHECK_BUDGET_MS = 150;
/** Checked on the first keystroke whatever the time (a cold engine is slow at first): never an empty first list. */
const CHECK_AT_LEAST = 12;
const SLICE_MS = 20;

/**
 * "Who is Marta Quillon?", "What is the Optional Protocol?": the names of an English fact as questions. A name of one
 * word, a list of two ("Harnow and Lisca") or one running into a date ("Keldrin on Monday") makes none. The engine
 * decides which are answered.
 */
function namedQuestions(fact: Fact): string[] {
	const people = personNames(fact.text);
	return fact.names
		.filter((name) => /^\p{Lu}\S*(?:\s+\S+)*\s+\p{Lu}\S*$/u.test(name) && !/\s(?:and|or)\s/u.test(name) && !name.split(/\s+/).some(isMonthOrDay))
		.map((name) => {
			// "Ombudsman Ilse Varga" is a person with a title: asked about by name.
			const person = people.find((candidate) => name === candidate || name.endsWith(` ${candidate}`));
			return person ? `Who is ${person}?` : `What is the ${name.replace(/^the\s+/i, '')}?`;
		});
}

function* questionsToCheck(kb: KnowledgeBase): Generator<{ question: string; factId: string }> {
	const seen = new Set<string>();
	// Each document's sentences make questions by the patterns of its own language.
	const languages = new Map(kb.documents.map((document) => [document.id, document.language]));
	const questionsOf = (fact: Fact): string[] => {
		const language = languages.get(fact.document);
		if (language === 'ru') return russianQuestionsFrom(fact.standalone);
		if (language === 'kk') return kazakhQuestionsFrom(fact.standalone);
		return [...questionsFrom(fact), ...namedQuestions(fact)];
	};
	for (const fact of kb.facts.slice(0, FACTS_READ)) {
		for (const question of questionsOf(fact)) {
			const key = normalizeQuestion(question);
			if (seen.has(key)) continue;
			seen.add(key);
			yield { question, factId: fact.id };
		}
	}
}

function made(kb: KnowledgeBase): Made {
	let found = madeFor.get(kb);
	if (!found) {
		const counts = new Map<string, number>();
		const written = new Map<string, string>();
		for (const fact of kb.facts) {
			for (const name of fact.names) for (const word of name.split(/\s+/)) written.set(word.toLowerCase(), word);
			for (const word of words(fact.text)) if (!word.isStopword && word.surface.length > 2 && !/\d/.test(word.surface)) counts.set(word.surface, (counts.get(word.surface) ?? 0) + 1);
		}
		const vocabulary = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => written.get(word) ?? word);
		found = { questions: [], pending: questionsToCheck(kb), vocabulary };
		madeFor.set(kb, found);
		check(kb, found, CHECK_BUDGET_MS, CHECK_AT_LEAST);
		const rest = found;
		const slice = () => {
			if (check(kb, rest, SLICE_MS, 0)) setImmediate(slice).unref();
		};
		setImmediate(slice).unref();
	}
	// Later keystrokes use what the slices have checked so far: a keystroke that asked more would hold up every
	// question and keystroke queued behind it (the bench saw autocomplete's p99 at 440 ms so, and /ask's rise with it).
	return found;
}

/** Asks made questions for `budgetMs` (and at least `atLeast` of them); true while some are left. */
function check(kb: KnowledgeBase, made: Made, budgetMs: number, atLeast: number): boolean {
	const started = performance.now();
	for (let checked = 0; checked < atLeast || performance.now() - started < budgetMs; checked++) {
		const next = made.pending.next();
		if (next.done) return false;
		// Asked, as the bot would be: kept only when the very fact it was made from answers it; the surer, the higher.
		const result = answer(next.value.question, kb);
		if (result.answered && result.factIds.includes(next.value.factId)) made.questions.push(candidate(next.value.question, result.confidence));
	}
	return true;
}

/**
 * The store's answered questions, read at most every {@link ASKED_REFRESH_MS}: a stale list is served while a
 * fresh one is read, so a keystroke never waits on the store after the first.
 */
export class AskedQuestions {
	private list: Candidate[] = [];
	private at = Number.NEGATIVE_INFINITY;
	private reading: Promise<void> | null = null;

	constructor(
		private readonly read: () => Promise<readonly { question: string; count: number }[]>,
		private readonly onError: (error: unknown) => void,
		private readonly now: () => number = Date.now,
	) {}

	async current(): Promise<readonly Candidate[]> {
		if (this.now() - this.at >= ASKED_REFRESH_MS && !this.reading) {
			this.reading = this.read()
				.then((rows) => {
					// The more asked the higher, yet below every curated one.
					this.list = rows.map((row) => candidate(row.question, WEIGHT.asked + row.count / (row.count + 1)));
				})
				.catch(this.onError)
				.finally(() => {
					this.at = this.now();
					this.reading = null;
				});
		}
		// Only the very first read is waited for; later ones refresh behind the current list.
		if (this.at === Number.NEGATIVE_INFINITY && this.reading) await this.reading;
		return this.list;
	}
}

/** Scopes whose asked questions are kept in memory per store; the least recently used goes past this. */
const SCOPES_KEPT = 500;
const askedByStore = new WeakMap<BotContext['store'], Map<string, AskedQuestions>>();

/**
 * Where `/ask` is being typed: in a server, its members' questions are offered; elsewhere (a DM, a group DM through a
 * user install) only the person's own, since nobody else saw them.
 */
export function questionScope(where: { guildId: string | null; userId: string }): QuestionScope {
	return where.guildId ? { kind: 'guild', guildId: where.guildId } : { kind: 'private', userId: where.userId };
}

function askedOf(ctx: BotContext, scope: QuestionScope): AskedQuestions {
	let byScope = askedByStore.get(ctx.store);
	if (!byScope) askedByStore.set(ctx.store, (byScope = new Map<string, AskedQuestions>()));
	const key = scope.kind === 'guild' ? `guild:${scope.guildId}` : `private:${scope.userId}`;
	let asked = byScope.get(key);
	if (asked) {
		// Moved to the end: the Map's order is then least recently used first.
		byScope.delete(key);
	} else {
		asked = new AskedQuestions(
			() => ctx.store.answeredQuestions(scope, ASKED_KEPT),
			(error) => ctx.logger.warn({ err: error }, 'store: could not read answered questions for autocomplete'),
		);
		if (byScope.size >= SCOPES_KEPT) byScope.delete(byScope.keys().next().value!);
	}
	byScope.set(key, asked);
	return asked;
}

/**
 * How well a candidate fits what is typed, lower is better; null for no fit. 0: it starts with the typed text.
 * 1: it has every typed word (the last one may be half typed). 2: it opens with the same question word half typed
 * ("when did" → "When was …"), so a common opening never leaves the list empty.
 */
function fit(candidate: Candidate, typedKey: string, typed: readonly string[], partial: string | undefined): number | null {
	if (candidate.key.startsWith(typedKey)) return 0;
	const whole = partial === undefined ? typed : typed.slice(0, -1);
	const hasAll = whole.every((word) => candidate.words.includes(word)) && (partial === undefined || candidate.words.some((word) => word.startsWith(partial)));
	if (hasAll) return 1;
	const first = typed[0];
	if (first && candidate.words[0]?.startsWith(first.slice(0, Math.max(2, Math.min(first.length, 4))))) return 2;
	return null;
}

/** Whether each asked question is answered standing alone by a knowledge base: asked once per question and knowledge base. */
const standsAlone = new WeakMap<KnowledgeBase, Map<string, boolean>>();
/** Engine time one keystroke may spend on asked questions not yet checked; the rest wait for the next keystroke. */
const ASKED_BUDGET_MS = 50;

/**
 * The asked questions this knowledge base answers as they stand: "tell me more", answered in its conversation, is
 * nothing to offer anyone, and neither is a question whose document was removed since.
 */
function standing(kb: KnowledgeBase, asked: readonly Candidate[]): Candidate[] {
	let known = standsAlone.get(kb);
	if (!known) standsAlone.set(kb, (known = new Map<string, boolean>()));
	const started = performance.now();
	return asked.filter((c) => {
		let answered = known.get(c.key);
		if (answered === undefined) {
			if (performance.now() - started > ASKED_BUDGET_MS) return false;
			answered = answer(c.question, kb).answered;
			known.set(c.key, answered);
		}
		return answered;
	});
}

/** A question word, or the start of one ("h", "wh"). */
function opensQuestion(word: string | undefined): boolean {
	if (word === undefined) return false;
	const opening = (words: Iterable<string>) => [...words].some((q) => q.toLowerCase().startsWith(word));
	return isQuestionWord(word) || opening(PLAIN_QUESTION_WORDS) || opening(RUSSIAN_QUESTION_WORDS) || opening(KAZAKH_QUESTION_WORDS);
}

/** The typed text with its last word completed from the documents' words, as questions ("who represented kaz" → "…Kazakhstan?"). */
function completions(text: string, partial: string | undefined, typedCount: number, vocabulary: readonly string[], limit: number): string[] {
	// Until two words stand before it ("who represented kaz"), it is an opening ("who rep"), which the questions cover.
	if (partial === undefined || partial.length < 2 || typedCount < 3) return [];
	const cut = text.toLowerCase().lastIndexOf(partial);
	if (cut < 0) return [];
	const head = text.slice(0, cut);
	const opened = head.charAt(0).toUpperCase() + head.slice(1);
	return vocabulary
		.filter((word) => word.toLowerCase().startsWith(partial) && word.toLowerCase() !== partial)
		.slice(0, limit)
		.map((word) => `${opened}${word}?`);
}

/**
 * Questions to offer as `/ask`'s question is typed: curated ones (`kb.curated`, moderators' answers to gaps), questions
 * people asked in `scope` (see {@link questionScope}) that were answered and not voted down, and questions made from
 * the documents that the bot answers; then the typed text completed with the documents' words. Never fact sentences. Stable as the user types: each
 * keystroke keeps the same kinds of match, and a common opening ("wh", "who", "when did") always finds some.
 */
export async function questionSuggestions(ctx: BotContext, kb: KnowledgeBase, scope: QuestionScope, typed: string, limit: number): Promise<string[]> {
	const own = made(kb);
	const curated = kb.curated.map((c) => candidate(c.question, WEIGHT.curated));
	const pool = [...curated, ...standing(kb, await askedOf(ctx, scope).current()), ...own.questions];
	const text = typed.replace(/\s+/g, ' ').replace(/^\s+/, '');
	const typedWords = words(text).map((w) => w.surface);
	const partial = /[\p{L}\p{N}]$/u.test(text) ? typedWords.at(-1) : undefined;
	const typedKey = normalizeQuestion(text);
	const ranked = pool
		.map((c) => ({ c, fit: typedKey ? fit(c, typedKey, typedWords, partial) : 0 }))
		.filter((r): r is { c: Candidate; fit: number } => r.fit !== null)
		.sort((a, b) => a.fit - b.fit || b.c.weight - a.c.weight || a.c.question.length - b.c.question.length);
	const close = ranked.filter((r) => r.fit < 2).map((r) => r.c.question);
	let opening = ranked.filter((r) => r.fit === 2).map((r) => r.c.question);
	// A question opening none of them shares ("how", "why") still gets the questions the bot answers best.
	if (close.length === 0 && opening.length === 0 && opensQuestion(typedWords[0])) opening = [...pool].sort((a, b) => b.weight - a.weight).map((c) => c.question);
	const offered: string[] = [];
	const seen = new Set<string>();
	for (const question of [...close, ...completions(text, partial, typedWords.length, own.vocabulary, 5), ...opening]) {
		const key = normalizeQuestion(question);
		if (seen.has(key)) continue;
		seen.add(key);
		offered.push(question);
		if (offered.length >= limit) break;
	}
	return offered;
}
