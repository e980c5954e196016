import { languageOf, type Language } from '../language/detect.ts';
import { Attributor, leansOnPrevious } from './attribution.ts';
import type { DocumentFile } from './documentFile.ts';
import { properNames } from './names.ts';
import { readSentences } from './sentences.ts';
import type { TopicLabeller } from './topics.ts';
import type { Fact, KnowledgeDocument } from './types.ts';

const CALENDAR_WORD =
	/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Turns one parsed document into facts: sentences with citations, attribution, names, values and topics. */
export function ingestDocument(file: DocumentFile, topics: TopicLabeller): KnowledgeDocument {
	// The body's language, unless the front matter says: franc needs a few sentences, which the body has.
	const language = file.frontMatter.language ?? languageOf(file.lines.map((l) => l.text).join('\n'));
	const { headings, dateline, sentences } = readSentences(file.lines, language);
	const attributor = new Attributor();
	const facts: Fact[] = sentences.map((sentence, position) => {
		const { about, standalone } = attributor.next(sentence.text);
		return {
			id: `${file.id}:${sentence.line}:${position}`,
			document: file.id,
			line: sentence.line,
			position,
			text: sentence.text,
			standalone,
			...(about ? { about } : {}),
			topics: topics.label(standalone, language),
			mentions: [],
			leansOnPrevious: position > 0 && leansOnPrevious(sentence.text, language),
			...(sentence.section ? { section: sentence.section } : {}),
			names: properNames(sentence.text, language),
		};
	});
	const title = file.frontMatter.title ?? headings[0] ?? facts[0]?.text ?? file.id;
	const subject = documentSubject(title, file.frontMatter.aliases, facts[0]?.text, dateline, language);
	const shortForms = shortFormsOf(subject);
	for (const fact of facts) fact.mentions = shortForms.filter(({ name, pattern }) => pattern.test(fact.text) && !fact.text.includes(name)).map(({ name }) => name);
	const date = file.frontMatter.date ?? headings.map((h) => /\b\d{1,2} \p{Lu}\p{Ll}+ \d{4}\b|\b\d{4}-\d{2}-\d{2}\b/u.exec(h)?.[0]).find(Boolean);
	return {
		id: file.id,
		file: file.file,
		title,
		...(file.frontMatter.source ? { source: file.frontMatter.source } : {}),
		...(date ? { date } : {}),
		aliases: file.frontMatter.aliases,
		language,
		subject,
		facts,
	};
}

/**
 * What the document is about: the names in its title, aliases and opening sentence. A question that names
 * the institution ("the Merovian commission") is matched to the document through these, even by a fact
 * that only says "the commission".
 */
function documentSubject(title: string, aliases: readonly string[], opening: string | undefined, dateline: string | undefined, language: Language): string[] {
	const names = [...properNames(title, language), ...aliases, ...(opening ? properNames(opening, language) : [])];
	const subject = names.filter((name) => !CALENDAR_WORD.test(name) && name !== dateline);
	return [...new Set(subject)];
}

/**
 * How a sentence refers to each subject name by its head word with "the" ("the forum" for "Asia Pacific
 * Forum of National Human Rights Institutions", "the Defender" for "Public Defender of Ruritania"), so that
 * a question naming the institution finds what the article says of "the forum".
 */
function shortFormsOf(subject: readonly string[]): { name: string; pattern: RegExp }[] {
	return subject.flatMap((name) => {
		const head = headWord(name);
		return head ? [{ name, pattern: new RegExp(`\\b(?:the|this)\\s+${head}\\b`, 'iu') }] : [];
	});
}

/** The word a name is called by for short: the last word before "of"/"for" ("Forum", "Commissioner"), or its last word. */
function headWord(name: string): string | undefined {
	const words = name.split(/\s+/);
	if (words.length < 2) return undefined;
	const joiner = words.findIndex((w, i) => i > 0 && /^(?:of|for|on|in|and)$/.test(w));
	const head = (joiner > 0 ? words[joiner - 1] : words[words.length - 1])!.replace(/['’]s$/u, '');
	return /^\p{Lu}\p{L}{3,}$/u.test(head) ? head : undefined;
}
