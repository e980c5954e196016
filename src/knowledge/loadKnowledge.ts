import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { messages } from '../errors.ts';
import { CURATED_FILE, loadCurated, type CuratedLink } from './curated.ts';
import { isDocumentFileName } from './documentFile.ts';
import { ingestDocument } from './ingest.ts';
import { ingestInWorkers, poolSize, type IngestOutcome } from './ingestPool.ts';
import { parseKnowledgeFile } from './knowledgeFile.ts';
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
	/** The curated questions (`curated.yaml`, the layer's text when it has one), resolved against `documents`; none when absent. */
	curated?: CuratedLink[];
}

export interface LoadOptions {
	/**
	 * Worker threads that ingest documents beside this one: 0 ingests them all in this thread. By default a
	 * folder of 2,000 documents or more (`POOL_MIN_DOCUMENTS`) is shared between this thread and one worker per
	 * further core (see ingestPool.ts), and ingested in this thread alone should the workers fail; asked for
	 * explicitly, a failure throws. Either way the result is the same, document for document.
	 */
	workers?: number;
	/** Documents kept outside the folder (the store's, with PostgreSQL), layered over it: see {@link KnowledgeLayerInput}. */
	layer?: KnowledgeLayerInput;
}

/**
 * Documents added and removed from Discord, kept in the database: each replaces the folder's document of the same
 * id, and a removed id is left out wherever it comes from (a document that ships in the folder included).
 */
export interface KnowledgeLayerInput {
	documents: readonly { id: string; file: string; content: string }[];
	removed: readonly string[];
	/** The curated questions' text written from Discord: read instead of the folder's `curated.yaml` when present. */
	curated?: string;
}

/** The id a folder file's document gets (see parseKnowledgeFile): its path without the extension, `/` between folders. */
function folderDocumentId(file: string): string {
	return file.slice(0, file.length - extname(file).length).split(sep).join('/');
}

/**
 * Reads a knowledge folder: the lexicon, then every `.txt`/`.md` document (sub-folders included).
 * Collects problems instead of throwing, so one bad file costs only itself; the caller decides whether
 * problems are fatal (the CLI) or reported while the rest is served (a moderator's refresh).
 */
export async function loadKnowledge(directory: string, options: LoadOptions = {}): Promise<LoadedKnowledge> {
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
	// curated.yaml is read once the documents are: its entries name their sentences.
	const documentFiles = files.filter((file) => file !== LEXICON_FILE && file !== CURATED_FILE);
	for (const file of documentFiles) {
		if (!isDocumentFileName(file)) problems.push({ file, issue: `not a knowledge document: only .txt and .md files (and ${LEXICON_FILE}, ${CURATED_FILE}) belong here` });
	}
	const layered = new Set([...(options.layer?.documents.map((document) => document.id) ?? []), ...(options.layer?.removed ?? [])]);
	const paths = documentFiles.filter((file) => isDocumentFileName(file) && !layered.has(folderDocumentId(file)));
	const workers = poolSize(paths.length, options.workers);
	let documents: KnowledgeDocument[] | undefined;
	if (workers > 0) {
		const pooled = ingestPooled(directory, paths, lexicon, workers);
		documents = await (options.workers === undefined ? pooled.catch(warnAndIngestHere) : pooled);
	}
	documents ??= await ingestHere(directory, paths, labeller);
	if (options.layer) documents = [...documents, ...(await ingestLayer(options.layer, documents, labeller))];
	if (documents.length === 0 && problems.length === 0) problems.push({ file: directory, issue: messages.folderEmpty });
	// Curated questions name their facts by sentence, so they are resolved once the documents are read.
	const curated = await loadCurated(directory, documents, options.layer?.curated);
	problems.push(...curated.problems);
	return { documents, lexicon, problems, curated: curated.links };

	/** The folder's documents ingested in this thread, in `paths`' order; skipped files go to `problems`. */
	async function ingestHere(folder: string, files: readonly string[], topics: TopicLabeller): Promise<KnowledgeDocument[]> {
		const contents = await readAll(folder, files);
		const ingested: KnowledgeDocument[] = [];
		const seenIds = new Map<string, string>();
		const pace = pacer();
		for (const [file, bytes] of contents) {
			const parsed = parseKnowledgeFile(file, bytes);
			if (!parsed.ok) {
				problems.push({ file, issue: parsed.issue });
				continue;
			}
			const { id } = parsed.value;
			const clash = seenIds.get(id);
			if (clash) {
				problems.push({ file, issue: `has the same document id "${id}" as ${clash}` });
				continue;
			}
			seenIds.set(id, file);
			ingested.push(ingestDocument(parsed.value, topics));
			await pace();
		}
		return ingested;
	}

	/** The layer's documents, after the folder's (whose ids they must not repeat), skipped ones going to `problems` as the folder's do. */
	async function ingestLayer(layer: KnowledgeLayerInput, folderDocuments: readonly KnowledgeDocument[], topics: TopicLabeller): Promise<KnowledgeDocument[]> {
		const seenIds = new Map(folderDocuments.map((document) => [document.id, document.file]));
		const encoder = new TextEncoder();
		const ingested: KnowledgeDocument[] = [];
		const pace = pacer();
		for (const stored of layer.documents) {
			if (layer.removed.includes(stored.id)) continue;
			const parsed = parseKnowledgeFile(stored.file, encoder.encode(stored.content));
			if (!parsed.ok) {
				problems.push({ file: stored.file, issue: parsed.issue });
				continue;
			}
			const clash = seenIds.get(stored.id);
			if (clash) {
				problems.push({ file: stored.file, issue: `has the same document id "${stored.id}" as ${clash}` });
				continue;
			}
			seenIds.set(stored.id, stored.file);
			ingested.push(ingestDocument({ ...parsed.value, id: stored.id }, topics));
			await pace();
		}
		return ingested;
	}

	/** The same, by a pool of workers: their outcomes, in `paths`' order, go through the same id check. */
	async function ingestPooled(folder: string, files: readonly string[], fieldLexicon: Lexicon, count: number): Promise<KnowledgeDocument[]> {
		const pace = pacer();
		const here = async (batch: readonly string[]): Promise<IngestOutcome[]> => {
			const contents = await Promise.all(batch.map((file) => readFile(join(folder, file)).catch((error: Error) => error)));
			const outcomes: IngestOutcome[] = [];
			for (const [i, file] of batch.entries()) {
				const parsed = parseKnowledgeFile(file, contents[i]!);
				outcomes.push(parsed.ok ? { file, document: ingestDocument(parsed.value, labeller) } : { file, issue: parsed.issue });
				await pace();
			}
			return outcomes;
		};
		const outcomes = await ingestInWorkers(folder, files, fieldLexicon, count, here);
		const ingested: KnowledgeDocument[] = [];
		const seenIds = new Map<string, string>();
		for (const outcome of outcomes) {
			if ('issue' in outcome) {
				problems.push({ file: outcome.file, issue: outcome.issue });
				continue;
			}
			const { file, document } = outcome;
			const clash = seenIds.get(document.id);
			if (clash) {
				problems.push({ file, issue: `has the same document id "${document.id}" as ${clash}` });
				continue;
			}
			seenIds.set(document.id, file);
			ingested.push(document);
		}
		return ingested;
	}

	function warnAndIngestHere(error: unknown): undefined {
		process.emitWarning(`ingestion workers failed, ingesting in one thread: ${(error as Error).message}`, 'IngestionWorkers');
		return undefined;
	}
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
