import { parseDocumentFile } from './documentFile.ts';
import { ingestDocument } from './ingest.ts';
import { EMPTY_LEXICON } from './schema.ts';
import { TopicLabeller } from './topics.ts';

/**
 * Checks a document a moderator uploads before it is written into the knowledge folder: the same rules as
 * the folder loader (type, size, binary content, UTF-8, front matter, non-empty text), plus that at least
 * one fact can be read from it, so an upload can never break a refresh.
 * @example validateDocumentUpload('annual-report.md', bytes) // → { ok: true, text: '…' }
 */
export function validateDocumentUpload(fileName: string, bytes: Uint8Array): { ok: true; text: string } | { ok: false; issue: string } {
	const parsed = parseDocumentFile(fileName, bytes);
	if (!parsed.ok) return parsed;
	const { facts } = ingestDocument(parsed.value, new TopicLabeller(EMPTY_LEXICON.topics));
	if (facts.length === 0) return { ok: false, issue: 'no sentence in it could be read as a fact' };
	return { ok: true, text: new TextDecoder().decode(bytes) };
}
