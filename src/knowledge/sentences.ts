import type { SourceLine } from './documentFile.ts';
import type { ItemSentence } from 'wink-nlp';
import type { Language } from '../language/detect.ts';
import { alternation, BOILERPLATE_OPENERS } from '../language/english.ts';
import { KAZAKH_BOILERPLATE_OPENERS } from '../language/kazakh.ts';
import { CYRILLIC_END, RUSSIAN_ABBREVIATIONS, RUSSIAN_BOILERPLATE_OPENERS } from '../language/russian.ts';
import { nlp } from './nlp.ts';

/** A sentence of a document, cleaned, with the line it starts on. */
export interface Sentence {
	text: string;
	line: number;
	/** The question heading it answers, on a page of questions and answers or in an interview (see `isSectionQuestion`). */
	section?: string;
}

/** What a document's body is made of once its lines are read. */
export interface DocumentText {
	/** Lines that stand alone without ending a sentence: headline, byline. */
	headings: string[];
	/** The dateline place that opened the body ("PORT ALDEN: …"), if any. */
	dateline?: string;
	sentences: Sentence[];
}

/**
 * Site furniture that is not part of the article: "Also Read", "Read more: …", share and subscribe prompts.
 * Matched against a whole line.
 */
const BOILERPLATE_LINE = new RegExp(
	`^\\s*(?:${alternation([...BOILERPLATE_OPENERS, ...RUSSIAN_BOILERPLATE_OPENERS, ...KAZAKH_BOILERPLATE_OPENERS])})${CYRILLIC_END}[^.!?]*[.!?]?\\s*$`,
	'iu',
);
/** A line that ends a sentence: terminal punctuation, possibly inside closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?…]["'”’)\]]*\s*$/;
/** "PORT ALDEN: The commission …", "ASTANA (Reuters) - …": an all-caps place opening a news article. */
const DATELINE = /^([A-Z][A-Z.'’ -]{1,40}[A-Z.])(?:\s*\([^)]{1,40}\))?\s*[:—–-]\s+(?=\S)/;
/** A place in capitals, as a dateline opens with it ("МИРГРАД", "PORT ALDEN"). */
const CAPITAL_PLACE = String.raw`(\p{Lu}[\p{Lu}'’ -]{1,40}\p{Lu})`;
/** A dateline's year, perhaps with its abbreviation or word ("2026 г.", "2026 года", "2026 ж."). */
const DATELINE_YEAR = String.raw`\d{4}(?:\s*(?:г|ж)\.|\s+(?:года|жыл|жылы))?`;
/**
 * "МИРГРАД, 12 марта. Уполномоченный …", "ДОРН, 17 апреля 2026 г. — Механизм …": the Russian and Kazakh dateline, a
 * place in capitals and the day, perhaps with the year ("2026 г.", "2026 года", "2026 ж.").
 */
const CYRILLIC_DATELINE = new RegExp(String.raw`^${CAPITAL_PLACE}(?:,\s*\d{1,2}\s+\p{Ll}+(?:\s+${DATELINE_YEAR})?\.?(?:\s+[—–-])?|\s*[:—–-])\s+(?=\S)`, 'u');
/** "ВЕЛИГРАД, 4 июня.", "PORT ALDEN, 12 June 2025": a dateline on a line of its own. */
const DATELINE_LINE = new RegExp(String.raw`^${CAPITAL_PLACE},\s*(?:\d{1,2}\s+\p{L}+|\p{L}+\s+\d{1,2})(?:,?\s+${DATELINE_YEAR})?\.?\s*$`, 'u');

/** Whether a line opens with a dateline or is one: the line before it ends there, a headline. */
function opensWithDateline(text: string): boolean {
	return DATELINE.test(text) || CYRILLIC_DATELINE.test(text) || DATELINE_LINE.test(text);
}

/** Fewer words than this is a label, not a fact. */
const MIN_SENTENCE_WORDS = 3;

/**
 * Reads a document body into clean sentences: drops boilerplate lines, joins lines broken mid-sentence,
 * keeps headline and byline apart, splits sentences with wink-nlp and maps each back to its line.
 */
export function readSentences(lines: readonly SourceLine[], language: Language = 'en'): DocumentText {
	const headings: string[] = [];
	let dateline: string | undefined;
	const sentences: Sentence[] = [];
	let section: string | undefined;
	for (const paragraph of paragraphs(lines)) {
		if (paragraph.isHeading) {
			headings.push(paragraph.text);
			// A heading that is no question ("Контакты") ends the answer to the one before.
			section = undefined;
			continue;
		}
		if (isSectionQuestion(paragraph.text)) {
			section = cleanSentence(paragraph.text.replace(LEADING_DASH, ''));
			continue;
		}
		const datelineLine = sentences.length === 0 && !dateline ? DATELINE_LINE.exec(paragraph.text) : null;
		if (datelineLine) {
			dateline = titleCase(datelineLine[1]!.trim());
			continue;
		}
		let { text } = paragraph;
		const datelineMatch = sentences.length === 0 && !dateline ? (language === 'en' ? DATELINE : CYRILLIC_DATELINE).exec(text) : null;
		let offsetShift = 0;
		if (datelineMatch) {
			dateline = titleCase(datelineMatch[1]!.trim());
			offsetShift = datelineMatch[0].length;
			text = text.slice(offsetShift);
		}
		for (const piece of language === 'en' ? splitSentences(text) : splitCyrillicSentences(text)) {
			const cleaned = cleanSentence(piece.text);
			if (cleaned.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w)).length < MIN_SENTENCE_WORDS) continue;
			sentences.push({ text: cleaned, line: paragraph.lineAt(piece.offset + offsetShift), ...(section ? { section } : {}) });
		}
	}
	return { headings, dateline, sentences };
}

/** An interviewer's turn: "— Как вы оцениваете …?", "- How do you …?". */
const LEADING_DASH = /^\s*[—–-]\s*/;

/**
 * A line that is one question and nothing else ("Сколько ждать ответа?", "— How do I complain?"): the heading of
 * the answer below it on a page of questions and answers, or an interviewer's question. It states nothing, so it
 * is no fact; the sentences under it answer it, and are found through its words. A question quoted inside a
 * sentence, or one among others on its line, is no heading.
 */
function isSectionQuestion(text: string): boolean {
	const question = text.replace(LEADING_DASH, '').trim();
	return question.endsWith('?') && !/[.!?…]/.test(question.slice(0, -1)) && !/^["«“„']/.test(question);
}

interface Paragraph {
	text: string;
	isHeading: boolean;
	/** The file line holding character `offset` of `text`. */
	lineAt(offset: number): number;
}

/** Groups lines into paragraphs: a line that does not end a sentence runs on into the next non-blank line. */
function* paragraphs(lines: readonly SourceLine[]): Generator<Paragraph> {
	let parts: SourceLine[] = [];
	const flush = (followedByBlank: boolean): Paragraph | undefined => {
		if (parts.length === 0) return undefined;
		const starts: { offset: number; line: number }[] = [];
		let text = '';
		for (const part of parts) {
			if (text) text += ' ';
			starts.push({ offset: text.length, line: part.line });
			text += part.text.trim();
		}
		const last = parts[parts.length - 1]!;
		const isHeading = parts.length === 1 && followedByBlank && !ENDS_SENTENCE.test(last.text);
		parts = [];
		return {
			text,
			isHeading,
			lineAt: (offset) => [...starts].reverse().find((s) => s.offset <= offset)?.line ?? starts[0]!.line,
		};
	};
	// A dateline opens an article: further down, "OSCE: …" after a wrapped line is the sentence going on.
	let opening = true;
	for (let i = 0; i < lines.length; i++) {
		const current = lines[i]!;
		if (current.text.trim() === '') {
			const done = flush(true);
			if (done) yield done;
			continue;
		}
		if (BOILERPLATE_LINE.test(current.text)) continue;
		parts.push(current);
		const next = nextContentLine(lines, i);
		const beforeDateline = opening && next !== undefined && opensWithDateline(next.text);
		if (ENDS_SENTENCE.test(current.text) && !DATELINE_LINE.test(current.text)) opening = false;
		const runsOn = next !== undefined && !ENDS_SENTENCE.test(current.text) && !beforeDateline && !DATELINE_LINE.test(current.text);
		if (!runsOn) {
			const done = flush(next === undefined || lines[i + 1]?.text.trim() === '' || beforeDateline);
			if (done) yield done;
		}
	}
	const done = flush(true);
	if (done) yield done;
}

/** The next line that is neither blank nor boilerplate, if it directly follows (no blank line between). */
function nextContentLine(lines: readonly SourceLine[], index: number): SourceLine | undefined {
	for (let j = index + 1; j < lines.length; j++) {
		const candidate = lines[j]!;
		if (candidate.text.trim() === '') return undefined;
		if (!BOILERPLATE_LINE.test(candidate.text)) return candidate;
	}
	return undefined;
}

interface SentencePiece {
	text: string;
	offset: number;
}

function splitSentences(text: string): SentencePiece[] {
	const doc = nlp().readDoc(text);
	const pieces: SentencePiece[] = [];
	let cursor = 0;
	doc.sentences().each((sentence: ItemSentence) => {
		const sentenceText = sentence.out();
		const found = text.indexOf(sentenceText.slice(0, 20), cursor);
		const offset = found >= 0 ? found : cursor;
		cursor = offset + Math.max(1, sentenceText.length - 1);
		pieces.push({ text: sentenceText, offset });
	});
	return pieces;
}

/** A full stop after one of these, or after an initial ("А. С."), ends no sentence. */
const ABBREVIATION = new RegExp(`(?:^|[\\s(«"])(?:${alternation(RUSSIAN_ABBREVIATIONS)}|\\p{Lu})\\.$`, 'iu');
/**
 * A possible end of a Russian or Kazakh sentence: terminal punctuation, closing quotes or brackets, space, and a
 * capital, or an opening quote or dash before one (direct speech: «…», — сказала она).
 */
const CYRILLIC_BOUNDARY = /[.!?…]+[»"”)]*\s+(?=[«"„(]?\p{Lu}|[—–]\s*\p{Lu})/gu;

/**
 * Sentences of Russian or Kazakh text. wink-nlp's model is English: it splits after "г." (year) and "т.е.", and
 * the guillemets and dashes of Russian direct speech are not its punctuation. The rules here are the
 * usual ones of Russian typography.
 */
export function splitCyrillicSentences(text: string): SentencePiece[] {
	const pieces: SentencePiece[] = [];
	let start = 0;
	for (const match of text.matchAll(CYRILLIC_BOUNDARY)) {
		const end = match.index + match[0].trimEnd().length;
		const before = text.slice(start, end).replace(/[»"”)]+$/u, '');
		if (ABBREVIATION.test(before)) continue;
		pieces.push({ text: text.slice(start, end), offset: start });
		start = match.index + match[0].length;
	}
	if (start < text.length && text.slice(start).trim()) pieces.push({ text: text.slice(start).trim(), offset: start });
	return pieces;
}

const QUOTES: [RegExp, string][] = [
	[/[“”„‟«»″]/g, '"'],
	[/[‘’‚‛′`]/g, "'"],
	[/[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g, ' '],
];

/** Normalises quotes and whitespace and drops punctuation that would dangle in an answer. */
export function cleanSentence(raw: string): string {
	let text = raw;
	for (const [pattern, replacement] of QUOTES) text = text.replace(pattern, replacement);
	text = text.replace(/\s+/g, ' ').trim();
	text = dropUnbalanced(text, '(', ')');
	text = dropUnbalanced(text, '[', ']');
	if ((text.match(/"/g) ?? []).length % 2 === 1) {
		text = text.startsWith('"') ? text.slice(1) : text.replace(/"(?=[^"]*$)/, '');
	}
	text = text.replace(/^[\s,;:)\]}-]+/, '').replace(/\s+([,.;:!?])/g, '$1');
	return text.trim();
}

function dropUnbalanced(text: string, open: string, close: string): string {
	let depth = 0;
	let out = '';
	for (const ch of text) {
		if (ch === open) depth++;
		if (ch === close) {
			if (depth === 0) continue;
			depth--;
		}
		out += ch;
	}
	if (depth > 0) {
		for (let i = out.length - 1; i >= 0 && depth > 0; i--) {
			if (out[i] === open) {
				out = out.slice(0, i) + out.slice(i + 1);
				depth--;
			}
		}
	}
	return out.replace(/\s{2,}/g, ' ');
}

function titleCase(text: string): string {
	return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
