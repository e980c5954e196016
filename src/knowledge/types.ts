import type { Language } from '../language/detect.ts';

export const TOPIC_NAMES = ['mandate', 'independence', 'cooperation'] as const;
export type TopicName = (typeof TOPIC_NAMES)[number];

/** One sentence of a document that reads well alone in an answer. */
export interface Fact {
	/** Stable id: `${document}:${line}:${ordinal}`. */
	id: string;
	document: string;
	/** 1-based line of the knowledge file where the sentence starts. */
	line: number;
	/** Position among the document's facts, for context. */
	position: number;
	/** The sentence, cleaned: repaired line breaks, normalised quotes and whitespace. */
	text: string;
	/** The sentence made to stand alone: a leaning pronoun ("he said") replaced by whom it is about. */
	standalone: string;
	/** Whom or what the sentence leans on, when it leans on an earlier one. */
	about?: string;
	/** Names of the document's subject that the sentence refers to by a short form ("the forum", "the commission"). */
	mentions: string[];
	/** Whether the sentence only makes sense after the one before it ("This ensured …"): it is found and shown with it. */
	leansOnPrevious: boolean;
	/** The question heading the sentence answers, on a page of questions and answers or in an interview: it is found through its words. */
	section?: string;
	topics: TopicName[];
	/** Proper names in the sentence ("Askar Shakirov", "Leela Palace Hotel"), as written. */
	names: string[];
}

/** A document of the knowledge folder, as ingested. */
export interface KnowledgeDocument {
	/** The file name without extension (kebab-case by convention). */
	id: string;
	/** The file name inside the knowledge folder. */
	file: string;
	title: string;
	source?: string;
	date?: string;
	aliases: string[];
	/** The language it is written in: from its front matter, else detected. Its words are read in it. */
	language: Language;
	/** Names the document is about (institution, country, people), from its title, aliases and opening. */
	subject: string[];
	facts: Fact[];
}

/** A problem with one knowledge file: the file is skipped, the reason reported. */
export interface KnowledgeProblem {
	file: string;
	issue: string;
}
