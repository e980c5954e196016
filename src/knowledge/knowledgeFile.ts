import { sep } from 'node:path';
import { parseDocumentFile, type DocumentFile, type Parsed } from './documentFile.ts';

/**
 * One knowledge file's bytes (or why they could not be read) checked and split into a document file whose
 * id uses `/` between folders on every platform. The one step before ingestion that the folder loader runs
 * in its own thread and the ingestion workers run in theirs, so both refuse the same files with the same words.
 */
export function parseKnowledgeFile(file: string, bytes: Uint8Array | Error): Parsed<DocumentFile> {
	if (bytes instanceof Error) return { ok: false, issue: `cannot be read: ${bytes.message}` };
	const parsed = parseDocumentFile(file, bytes);
	if (!parsed.ok) return parsed;
	return { ok: true, value: { ...parsed.value, id: parsed.value.id.split(sep).join('/') } };
}
