import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { messages } from '../errors.ts';
import { isDocumentFileName, parseDocumentFile } from './documentFile.ts';
import { ingestDocument } from './ingest.ts';
import { describeZodError, EMPTY_LEXICON, lexiconSchema, type Lexicon } from './schema.ts';
import { TopicLabeller } from './topics.ts';
import type { KnowledgeDocument, KnowledgeProblem } from './types.ts';

/** The lexicon's file name inside a knowledge folder. */
export const LEXICON_FILE = 'lexicon.json';

export interface LoadedKnowledge {
	documents: KnowledgeDocument[];
	lexicon: Lexicon;
	/** Files that were skipped, each with the reason. Empty when every file loaded. */
	problems: KnowledgeProblem[];
}

/**
 * Reads a knowledge folder: the lexicon, then every `.txt`/`.md` document (sub-folders included).
 * Collects problems instead of throwing, so one bad file costs only itself; the caller decides whether
 * problems are fatal (the CLI) or reported while the rest is served (a moderator's refresh).
 */
export async function loadKnowledge(directory: string): Promise<LoadedKnowledge> {
	const problems: KnowledgeProblem[] = [];
	const info = await stat(directory).catch(() => undefined);
	if (!info?.isDirectory()) return { documents: [], lexicon: EMPTY_LEXICON, problems: [{ file: directory, issue: messages.folderMissing }] };

	let entries: string[];
	try {
		entries = (await readdir(directory, { recursive: true })).map(String).sort();
	} catch (error) {
		return { documents: [], lexicon: EMPTY_LEXICON, problems: [{ file: directory, issue: `cannot be read: ${(error as Error).message}` }] };
	}

	const lexicon = await readLexicon(directory, entries, problems);
	const labeller = new TopicLabeller(lexicon.topics);
	const documents: KnowledgeDocument[] = [];
	const seenIds = new Map<string, string>();
	for (const entry of entries) {
		const path = join(directory, entry);
		if (entry === LEXICON_FILE || entry.split(sep).some((part) => part.startsWith('.'))) continue;
		if (!(await stat(path)).isFile()) continue;
		if (!isDocumentFileName(entry)) {
			problems.push({ file: entry, issue: 'not a knowledge document: only .txt and .md files (and lexicon.json) belong here' });
			continue;
		}
		const bytes = await readFile(path).catch((error: Error) => error);
		if (bytes instanceof Error) {
			problems.push({ file: entry, issue: `cannot be read: ${bytes.message}` });
			continue;
		}
		const parsed = parseDocumentFile(relative(directory, path), bytes);
		if (!parsed.ok) {
			problems.push({ file: entry, issue: parsed.issue });
			continue;
		}
		const id = parsed.value.id.split(sep).join('/');
		const clash = seenIds.get(id);
		if (clash) {
			problems.push({ file: entry, issue: `has the same document id "${id}" as ${clash}` });
			continue;
		}
		seenIds.set(id, entry);
		documents.push(ingestDocument({ ...parsed.value, id }, labeller));
	}
	if (documents.length === 0 && problems.length === 0) problems.push({ file: directory, issue: messages.folderEmpty });
	return { documents, lexicon, problems };
}

async function readLexicon(directory: string, entries: readonly string[], problems: KnowledgeProblem[]): Promise<Lexicon> {
	if (!entries.includes(LEXICON_FILE)) return EMPTY_LEXICON;
	const parsed = parseLexicon(await readFile(join(directory, LEXICON_FILE), 'utf8').catch((error: Error) => error));
	if (parsed.ok) return parsed.lexicon;
	problems.push({ file: LEXICON_FILE, issue: parsed.issue });
	return EMPTY_LEXICON;
}

/** Validates the lexicon file's text. */
function parseLexicon(text: string | Error): { ok: true; lexicon: Lexicon } | { ok: false; issue: string } {
	if (text instanceof Error) return { ok: false, issue: `cannot be read: ${text.message}` };
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return { ok: false, issue: `not valid JSON: ${(error as Error).message}` };
	}
	const result = lexiconSchema.safeParse(raw);
	return result.success ? { ok: true, lexicon: result.data } : { ok: false, issue: describeZodError(result.error) };
}
