import { Attributor } from './attribution.ts';
import type { DocumentFile } from './documentFile.ts';
import { properNames } from './names.ts';
import { readSentences } from './sentences.ts';
import type { TopicLabeller } from './topics.ts';
import type { Fact, KnowledgeDocument } from './types.ts';

const CALENDAR_WORD =
	/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;

/** Turns one parsed document into facts: sentences with citations, attribution, names, values and topics. */
export function ingestDocument(file: DocumentFile, topics: TopicLabeller): KnowledgeDocument {
	const { headings, dateline, sentences } = readSentences(file.lines);
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
			topics: topics.label(standalone),
			names: properNames(sentence.text),
			entities: [...sentence.entityTypes],
		};
	});
	const title = file.frontMatter.title ?? headings[0] ?? facts[0]?.text ?? file.id;
	const date = file.frontMatter.date ?? headings.map((h) => /\b\d{1,2} \p{Lu}\p{Ll}+ \d{4}\b|\b\d{4}-\d{2}-\d{2}\b/u.exec(h)?.[0]).find(Boolean);
	return {
		id: file.id,
		file: file.file,
		title,
		...(file.frontMatter.source ? { source: file.frontMatter.source } : {}),
		...(date ? { date } : {}),
		aliases: file.frontMatter.aliases,
		subject: documentSubject(title, file.frontMatter.aliases, facts[0]?.text, dateline),
		facts,
	};
}

/**
 * What the document is about: the names in its title, aliases and opening sentence. A question that names
 * the institution ("the Merovian commission") is matched to the document through these, even by a fact
 * that only says "the commission".
 */
function documentSubject(title: string, aliases: readonly string[], opening: string | undefined, dateline: string | undefined): string[] {
	const names = [...properNames(title), ...aliases, ...(opening ? properNames(opening) : [])];
	const subject = names.filter((name) => !CALENDAR_WORD.test(name) && name !== dateline);
	return [...new Set(subject)];
}
