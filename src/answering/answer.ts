import { messages, UserError } from '../errors.ts';
import { chooseLanguage } from '../i18n/choose.ts';
import { say } from '../i18n/index.ts';
import { readQuestion } from '../search/query.ts';
import { rankFacts, type RankedFact } from '../search/rankFacts.ts';
import { languageOf, type Language } from '../language/detect.ts';
import { shippedModel, type Regime, type VerifierModel } from '../verify/model.ts';
import { contributionsOf, verify, type Verification } from '../verify/verify.ts';
import { CURATED_CONFIDENCE, curatedExplanation, curatedMatch } from './curated.ts';
import { exampleQuestionsAnsweredBy } from './examples.ts';
import { quotedText } from './quote.ts';
import { readSmallTalk, smallTalkReply, type SmallTalkKind } from './smallTalk.ts';
import { nextFacts, readFollowUp, type ConversationContext, type FollowUp } from './followUp.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';
import type { Fact, TopicName } from '../knowledge/types.ts';
import type { Answer, Citation, Explanation } from './types.ts';

export interface AnswerOptions {
	/** Add why the answer was given: the question's terms and every candidate's feature contributions. */
	explain?: boolean;
	/** Another verifier model than the shipped one (training and evaluation compare models). */
	model?: VerifierModel;
	/**
	 * The conversation's last turn, when the question is asked in one (console, `ask --session`): a follow-up ("who is
	 * he?", "and when was it created?", "tell me more") is then read against it. Without it nothing changes.
	 */
	context?: ConversationContext;
	/**
	 * The language of the bot's own messages (small talk, "the documents don't say") when the question does not show
	 * one: the console's and the CLI's `--lang`. A question in Russian or Kazakh is replied to in its own language.
	 */
	language?: Language;
}

/**
 * The one answer path: slash command, direct message, console and CLI all call this. Small talk ("hi", "thanks",
 * "what can you do?", "привет", "рахмет") gets the bot's own reply here, so every door treats it alike. The bot's
 * own words come from the i18n catalogues, in the question's language when it shows one, else `options.language`.
 * Retrieves candidate facts, lets the trained verifier judge which one answers and how likely it is right;
 * below the model's threshold it says plainly that the documents do not say, and offers the closest facts.
 * @throws UserError `EmptyQuestion` when the question has no text.
 * @example answer('Who represented Kazakhstan?', kb).answer // → "Askar Shakirov, Commissioner for …"
 */
export function answer(question: string, kb: KnowledgeBase, options: AnswerOptions = {}): Answer {
	const started = performance.now();
	const text = question.replace(/\p{Cc}+/gu, ' ').trim();
	if (!text) throw new UserError('EmptyQuestion', messages.emptyQuestion);
	const language = chooseLanguage({ question: text, user: options.language ?? null });
	// Chat is answered by the bot, not the documents; a greeting before a question is dropped from it.
	const talk = readSmallTalk(text);
	if (talk.kind) return smallTalkAnswer(text, talk.kind, kb, started, language);
	const followUp: FollowUp = readFollowUp(talk.question, options.context);
	if (followUp.kind === 'more') return moreAnswer(text, followUp, options.context!, kb, started, language);
	const asked = followUp.kind === 'rewritten' ? followUp.question : talk.question;
	// How the question was read, when a follow-up was rewritten to stand alone: every door can show it.
	const askedAs = followUp.kind === 'rewritten' ? { askedAs: asked } : {};
	const model = options.model ?? shippedModel();
	// A question moderators linked to a fact (knowledge/curated.yaml) is answered with it: stronger evidence than retrieval.
	const match = curatedMatch(kb, asked);
	const linked = match && kb.factsById.get(match.factId);
	if (match && linked) {
		const regimeName = regimeOf(kb, languageOf(asked));
		const explain = options.explain ? { explain: curatedExplanation(match, citationOf(linked), regimeName, model.regimes[regimeName].threshold) } : {};
		return { ...answeredWith(text, withLeanedOn(kb, [linked]), CURATED_CONFIDENCE, linked.topics[0], []), ...askedAs, ms: performance.now() - started, ...explain };
	}
	const read = readQuestion(asked, kb.index, kb.options);
	const candidates = rankFacts(kb.index, read, kb.options, kb.options.candidates);
	const regimeName = regimeOf(kb, read.language);
	const regime = model.regimes[regimeName];
	const verification = verify(model, regime, asked, read, kb.index, kb.values, candidates);
	const ranked = verification.verdicts.map((v) => v.candidate);
	const best = ranked[0];
	const confidence = Math.round(verification.confidence * 1000) / 1000;
	const answered = best !== undefined && verification.confidence >= regime.threshold;
	const explain = options.explain ? { explain: explanationOf(model, regimeName, read.terms, verification) } : {};
	const ms = performance.now() - started;
	if (!answered) {
		const suggestions = suggestionsOf(ranked.slice(0, kb.options.maxSuggestions));
		const introduced = followUp.kind === 'rewritten' && followUp.person ? introductionOf(followUp.person, options.context!, kb) : undefined;
		if (introduced) return factsAnswer(text, asked, [introduced], options.context!.confidence, kb, started, suggestions);
		return { question: text, answered: false, answer: declined(kb, read.language, language), confidence, sources: [], factIds: [], suggestions, ...askedAs, ms, ...explain };
	}
	const shown = shownFacts(kb, best);
	return { ...answeredWith(text, shown, confidence, best.fact.topics[0], suggestionsOf(ranked.slice(1, 1 + kb.options.maxSuggestions))), ...askedAs, ms, ...explain };
}

/**
 * What a declined answer says: that the documents do not say, or, to a question in a language none of them is written
 * in, that they are in English and asking in English may find more (never a bare "they don't say" that a question in
 * English might have been answered).
 */
function declined(kb: KnowledgeBase, asked: Language, language: Language): string {
	return asked !== 'en' && !kb.index.languages.has(asked) ? say(language, 'notFoundDocumentsInEnglish') : say(language, 'notFound');
}

/**
 * Questions the knowledge base answers, for `/help`, `/ask`'s hint, the mention reply and small talk (see
 * `exampleQuestionsAnsweredBy`): each one asked of this answer path and kept only if it answers from its own fact.
 */
export function exampleQuestions(kb: KnowledgeBase, count = 3): string[] {
	return exampleQuestionsAnsweredBy(kb, answer, count);
}

/** An answer that shows facts, cited, whichever way they were chosen. */
function answeredWith(question: string, shown: readonly Fact[], confidence: number, topic: TopicName | undefined, suggestions: string[]): Omit<Answer, 'ms'> {
	return {
		question,
		answered: true,
		// Words put in for a pronoun are bracketed: the answer never passes rewritten text off as the cited sentence.
		answer: shown.map(quotedText).join(' '),
		confidence,
		sources: shown.map(citationOf),
		...(topic ? { topic } : {}),
		factIds: shown.map((f) => f.id),
		suggestions,
	};
}

/**
 * "Tell me more", "what else did he say?": the next sentences of the passage just cited, not yet shown. They are not
 * judged anew (nothing was asked of them), so they carry the confidence of the answer they continue.
 */
function moreAnswer(question: string, followUp: Extract<FollowUp, { kind: 'more' }>, context: ConversationContext, kb: KnowledgeBase, started: number, language: Language): Answer {
	const facts = nextFacts(context, kb.documents, followUp.about);
	if (!facts.length) {
		return { question, answered: false, answer: say(language, 'nothingMore'), confidence: 0, sources: [], factIds: [], suggestions: [], askedAs: followUp.question, ms: performance.now() - started };
	}
	return factsAnswer(question, followUp.question, facts, context.confidence, kb, started, []);
}

/**
 * "Who is he?" where the documents hold no sentence that says who someone is, only ones that name them: the
 * sentence of the last answer that named them in full is what the documents say of them, and it was judged right
 * for the question before, so it is shown with that answer's confidence.
 */
function introductionOf(person: string, context: ConversationContext, kb: KnowledgeBase): Fact | undefined {
	return context.factIds.map((id) => kb.factsById.get(id)).find((f): f is Fact => f !== undefined && f.standalone.includes(person));
}

/** An answer made of facts the conversation chose, each with the sentence it leans on. */
function factsAnswer(question: string, askedAs: string, facts: readonly Fact[], confidence: number, kb: KnowledgeBase, started: number, suggestions: string[]): Answer {
	return { ...answeredWith(question, withLeanedOn(kb, facts), confidence, facts.flatMap((f) => f.topics)[0], suggestions), askedAs, ms: performance.now() - started };
}

/** The facts, each after the sentence it leans on ("He said …" after the one naming him), each shown once. */
function withLeanedOn(kb: KnowledgeBase, facts: readonly Fact[]): Fact[] {
	return [...new Set(facts.flatMap((f) => (f.leansOnPrevious ? [previousFact(kb, f), f] : [f])).filter((f): f is Fact => f !== undefined))];
}

/** Small talk's answer: the bot's own short reply, nothing looked up, so no confidence, sources or suggestions. */
function smallTalkAnswer(question: string, kind: SmallTalkKind, kb: KnowledgeBase, started: number, language: Language): Answer {
	const answerText = smallTalkReply(kind, kb, exampleQuestions(kb), language);
	return { question, answered: false, answer: answerText, confidence: 0, sources: [], factIds: [], suggestions: [], smallTalk: kind, ms: performance.now() - started };
}

/** What an answer built on a candidate shows, in document order: the sentence it leans on, the fact, its companion. */
export function shownFacts(kb: KnowledgeBase, candidate: RankedFact): Fact[] {
	const before = candidate.fact.leansOnPrevious ? previousFact(kb, candidate.fact) : undefined;
	return [...new Set([before, candidate.fact, candidate.companion].filter((f): f is Fact => f !== undefined))].sort((a, b) => a.position - b.position);
}

/**
 * Which of the model's regimes judges an answer. A question in Russian or Kazakh has its own: `nonEnglish` when some
 * document is written in its language, `crossLanguage` when none is and every match is made across languages (each
 * has its own weights and threshold; `nonEnglish` is also trained on the `crossLanguage` questions). An English
 * question is curated when the knowledge base has a field lexicon, generic when it has none.
 */
export function regimeOf(kb: KnowledgeBase, language: Language = 'en'): Regime {
	if (language !== 'en') return kb.index.languages.has(language) ? 'nonEnglish' : 'crossLanguage';
	return kb.lexicon.synonyms.length > 0 ? 'curated' : 'generic';
}

function explanationOf(model: VerifierModel, regime: Regime, terms: readonly { label: string; weight: number; known: boolean; variants: { term: string }[] }[], verification: Verification): Explanation {
	const regimeModel = model.regimes[regime];
	return {
		regime,
		threshold: regimeModel.threshold,
		margin: round(verification.margin),
		terms: terms.map((t) => ({ label: t.label, weight: round(t.weight), known: t.known, variants: t.variants.map((v) => v.term) })),
		candidates: verification.verdicts.map((v) => ({
			...citationOf(v.candidate.fact),
			probability: round(v.probability),
			logit: round(v.logit),
			contributions: Object.fromEntries(Object.entries(contributionsOf(model, regimeModel, v)).map(([name, value]) => [name, round(value)])),
			features: Object.fromEntries(Object.entries(v.features).map(([name, value]) => [name, round(value)])),
		})),
	};
}

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}

function previousFact(kb: KnowledgeBase, fact: Fact): Fact | undefined {
	return kb.documents.find((d) => d.id === fact.document)?.facts[fact.position - 1];
}

function citationOf(fact: Fact): Citation {
	return { document: fact.document, line: fact.line, text: quotedText(fact) };
}

/**
 * "Did you mean": each candidate's sentence in full (a reader judges a suggestion by all of it), made to stand
 * alone, since it is asked again as a question when picked.
 */
function suggestionsOf(candidates: readonly RankedFact[]): string[] {
	return [...new Set(candidates.map((c) => c.fact.standalone))];
}
