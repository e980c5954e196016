import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { messages } from '../errors.ts';
import { isDocumentFileName, parseDocumentFile } from './documentFile.ts';
import { ingestDocument } from './ingest.ts';
import { pacer } from './pace.ts';
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

	let files: string[];
	try {
		files = (await readdir(directory, { recursive: true, withFileTypes: true }))
			.filter((entry) => entry.isFile())
			.map((entry) => relative(directory, join(entry.parentPath, entry.name)))
			.filter((file) => !file.split(sep).some((part) => part.startsWith('.')))
			.sort();
	} catch (error) {
		return { documents: [], lexicon: EMPTY_LEXICON, problems: [{ file: directory, issue: `cannot be read: ${(error as Error).message}` }] };
	}

	const lexicon = await readLexicon(directory, files, problems);
	const labeller = new TopicLabeller(lexicon.topics);
	const documentFiles = files.filter((file) => file !== LEXICON_FILE);
	for (const file of documentFiles) {
		if (!isDocumentFileName(file)) problems.push({ file, issue: 'not a knowledge document: only .txt and .md files (and lexicon.json) belong here' });
	}
	const contents = await readAll(directory, documentFiles.filter(isDocumentFileName));
	const documents: KnowledgeDocument[] = [];
	const seenIds = new Map<string, string>();
	const pace = pacer();
	for (const [file, bytes] of contents) {
		if (bytes instanceof Error) {
			problems.push({ file, issue: `cannot be read: ${bytes.message}` });
			continue;
		}
		const parsed = parseDocumentFile(file, bytes);
		if (!parsed.ok) {
			problems.push({ file, issue: parsed.issue });
			continue;
		}
		const id = parsed.value.id.split(sep).join('/');
		const clash = seenIds.get(id);
		if (clash) {
			problems.push({ file, issue: `has the same document id "${id}" as ${clash}` });
			continue;
		}
		seenIds.set(id, file);
		documents.push(ingestDocument({ ...parsed.value, id }, labeller));
		await pace();
	}
	if (documents.length === 0 && problems.length === 0) problems.push({ file: directory, issue: messages.folderEmpty });
	return { documents, lexicon, problems };
}

/** Files read in parallel, a few at a time: a knowledge base of thousands of files is mostly waiting on the disk. */
const READ_CONCURRENCY = 16;

async function readAll(directory: string, files: readonly string[]): Promise<Map<string, Buffer | Error>> {
	const contents = new Map<string, Buffer | Error>(files.map((file) => [file, new Error('not read')]));
	let next = 0;
	const worker = async () => {
		while (next < files.length) {
			const file = files[next++]!;
			contents.set(file, await readFile(join(directory, file)).catch((error: Error) => error));
		}
	};
	await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
	return contents;
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
