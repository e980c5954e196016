import type { TopicName } from '../knowledge/types.ts';

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
	/** Calibrated 0..1; `answered` is `confidence >= answerThreshold`. */
	confidence: number;
	sources: Citation[];
	/** The topic the answer belongs to, when it belongs to one. */
	topic?: TopicName;
	/** Ids of the facts behind `sources`, for "show context". */
	factIds: string[];
	/** "Did you mean …?": closest things the knowledge base does know (question-like texts), best first. */
	suggestions: string[];
	/** Engine time in milliseconds. */
	ms: number;
}
