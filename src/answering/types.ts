import type { TopicName } from '../knowledge/types.ts';
import type { SmallTalkKind } from '../language/english.ts';
import type { Regime } from '../verify/model.ts';

/** Where a fact comes from: enough for a reader to open the document at the right line. */
export interface Citation {
	/** Document id: the knowledge file's name without its extension. */
	document: string;
	/** 1-based line in the knowledge file where the fact starts. */
	line: number;
	/** The fact as it reads in an answer. */
	text: string;
}

/** What every door (slash command, DM, console, CLI) shows for one question. */
export interface Answer {
	question: string;
	/** False when the documents do not say: `answer` then explains that plainly. */
	answered: boolean;
	/** The main answer shown to the user, at most a few sentences. */
	answer: string;
	/** Calibrated 0..1: the probability that the answer is right; `answered` is `confidence >= threshold`. */
	confidence: number;
	sources: Citation[];
	/** The topic the answer belongs to, when it belongs to one. */
	topic?: TopicName;
	/** Ids of the facts behind `sources`, for "show context". */
	factIds: string[];
	/** "Did you mean …?": the closest facts the knowledge base does hold, each sentence in full (made to stand alone, as it is asked again when picked), best first. */
	suggestions: string[];
	/** Set when the message was small talk ("hi", "what can you do?"): `answer` is the bot's own reply, nothing was looked up. */
	smallTalk?: SmallTalkKind;
	/** How a follow-up was read in its conversation, when it was rewritten ("who is he?" → "who is Askar Shakirov?"). */
	askedAs?: string;
	/** Engine time in milliseconds. */
	ms: number;
	/** Why: present when asked for (`--explain`, `/why`). */
	explain?: Explanation;
}

/** Every number behind a decision: the verifier's threshold, the question's terms, each candidate's features. */
export interface Explanation {
	/** Which trained weights judged (see `regimeOf`): `nonEnglish` or `crossLanguage` for a Russian or Kazakh question, else `curated` for a knowledge folder with a field lexicon, else `generic`. */
	regime: Regime;
	/** Confidence needed to answer. */
	threshold: number;
	/** Logit margin of the best candidate over the runner-up. */
	margin: number;
	terms: { label: string; weight: number; known: boolean; variants: string[] }[];
	/** Best first; `contributions` (with `bias`) add up to `logit`. */
	candidates: (Citation & { probability: number; logit: number; contributions: Record<string, number>; features: Record<string, number> })[];
	/** Set when a curated question (`knowledge/curated.yaml`) asked the same as the question and so decided the answer: which one. */
	curated?: { question: string };
}
