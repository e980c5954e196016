import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Lexicon } from './schema.ts';
import type { KnowledgeDocument } from './types.ts';

/**
 * Ingestion across worker threads, for large knowledge folders: reading files, sentence splitting with
 * wink-nlp, attribution and names are per document, so a pool of workers takes batches of files and sends
 * back ingested documents, which are put back in the folder's order: ids, positions and problems come out
 * exactly as the single-threaded loader makes them. The loader's own thread ingests batches too, in the
 * paced slices it always used (see pace.ts), and receives the workers' results in small messages, so its event
 * loop stays free for questions while a refresh runs.
 */

/**
 * Fewer documents than this are ingested in the loader's own thread alone. Starting a worker (tsx, the modules,
 * wink-nlp's model) takes 0.4–0.8 s of a core, and on 2 cores it slows the loader's thread while it lasts: measured
 * on 2 vCPUs, 400 documents (10,000 facts) load in 0.45 s alone and 0.61 s pooled, 1,000 still load faster
 * alone, 2,000 (50,000 facts) about a tenth faster pooled, 4,000 (100,000 facts) 4.3 s alone and 3.4 s pooled.
 */
export const POOL_MIN_DOCUMENTS = 2_000;
/** Files per batch: small enough that receiving one batch's documents (~200 facts) takes a millisecond or two. */
export const BATCH_FILES = 8;
/**
 * Batches each worker holds at once, so that it never waits for the loader's thread, which hands out the next
 * batch only between two slices of its own ingestion (every 15 ms): three batches are ~30 ms of work.
 */
const BATCHES_IN_FLIGHT = 3;
/** Most workers a pool starts, whatever the machine: ingestion of 100,000 facts is a few seconds of work. */
const MAX_WORKERS = 8;

export interface IngestWorkerData {
	directory: string;
	topics: Lexicon['topics'];
}

export interface IngestBatch {
	batch: number;
	files: string[];
}

/** One file as a worker left it: ingested, or skipped with the reason (the same words the loader uses). */
export type IngestOutcome = { file: string; document: KnowledgeDocument } | { file: string; issue: string };

/** What a worker says: that it is ready for batches, or how one batch went. */
export type IngestedBatch = { ready: true } | { batch: number; outcomes: IngestOutcome[] } | { batch: number; error: string };

/**
 * How many workers should ingest this many documents beside the loader's own thread: 0 (the loader's thread
 * alone) for a small folder or a single core, otherwise one per further core, up to {@link MAX_WORKERS}.
 * `requested` overrides (0 forces one thread).
 */
export function poolSize(documents: number, requested?: number): number {
	if (requested !== undefined) return Math.max(0, Math.floor(requested));
	const cores = availableParallelism();
	return documents < POOL_MIN_DOCUMENTS || cores < 2 ? 0 : Math.min(cores - 1, MAX_WORKERS);
}

const WORKER_URL = new URL('./ingestWorker.ts', import.meta.url).href;

/**
 * What a worker runs first: tsx's `tsImport`, which loads the TypeScript worker and what it imports the way
 * tsx loads the project (`npm start`, `npm run ask`, the bench all run under tsx). A worker started with the
 * parent's `--import` of tsx's loader still cannot load .ts on Node 20 (its hooks do not reach the worker's
 * entry), and under vitest there is no tsx loader at all, so the worker brings its own.
 */
function bootstrap(): string {
	return `import(${JSON.stringify(tsxApi())}).then((tsx) => tsx.tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}));`;
}

/** The URL of tsx's ESM API (`tsx/esm/api`), resolved from this project. */
function tsxApi(): string {
	try {
		return import.meta.resolve('tsx/esm/api');
	} catch {
		// Where import.meta.resolve is missing (vitest's module runner): the file the package's exports name.
		const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
		return pathToFileURL(join(dirname(manifest), 'dist', 'esm', 'api', 'index.mjs')).href;
	}
}

/** Ingests one batch of files in the calling thread, with the outcomes a worker would give (the pool's `local`). */
export type LocalIngester = (files: readonly string[]) => Promise<IngestOutcome[]>;

/**
 * Ingests `files` (paths inside `directory`) in `workers` worker threads, and, given `local`, in the calling
 * thread too: it takes batches from the same queue between workers' replies, so it ingests while the workers
 * start (a few hundred ms: a worker gets batches once it says it is ready), a folder ingested before they are
 * ready costs no waiting for them, and a machine's every core ingests with one worker fewer. The outcomes are
 * in `files`' order, whoever ingested them.
 * @throws Error when a worker cannot start or fails; the caller may then ingest in its own thread.
 */
export async function ingestInWorkers(directory: string, files: readonly string[], lexicon: Lexicon, workers: number, local?: LocalIngester): Promise<IngestOutcome[]> {
	const batches: string[][] = [];
	for (let start = 0; start < files.length; start += BATCH_FILES) batches.push(files.slice(start, start + BATCH_FILES));
	const results = new Array<IngestOutcome[] | undefined>(batches.length);
	const data: IngestWorkerData = { directory, topics: lexicon.topics };
	const code = bootstrap();
	const count = Math.min(Math.max(local ? 0 : 1, workers), batches.length);
	const pool = Array.from({ length: count }, () => new Worker(code, { eval: true, execArgv: [], workerData: data }));
	let next = 0;
	let done = 0;
	let finish = () => {};
	let fail: (error: Error) => void = () => {};
	const finished = new Promise<void>((resolve, reject) => {
		finish = resolve;
		fail = reject;
	});
	const complete = (batch: number, outcomes: IngestOutcome[]) => {
		results[batch] = outcomes;
		if (++done === batches.length) finish();
	};
	const hand = (worker: Worker) => {
		if (next >= batches.length) return;
		worker.postMessage({ batch: next, files: batches[next]! } satisfies IngestBatch);
		next++;
	};
	for (const worker of pool) {
		worker.on('message', (message: IngestedBatch) => {
			if ('ready' in message) {
				for (let i = 0; i < BATCHES_IN_FLIGHT; i++) hand(worker);
				return;
			}
			if ('error' in message) return fail(new Error(`ingestion worker failed: ${message.error}`));
			complete(message.batch, message.outcomes);
			hand(worker);
		});
		worker.on('error', fail);
		worker.on('exit', (code) => {
			if (done < batches.length) fail(new Error(`ingestion worker stopped (exit code ${code}) before the folder was ingested`));
		});
	}
	try {
		if (batches.length === 0) finish();
		let failed = false;
		finished.catch(() => (failed = true));
		while (local && !failed && next < batches.length) {
			const batch = next++;
			complete(batch, await local(batches[batch]!));
		}
		await finished;
	} finally {
		// Not awaited: a worker still starting (loading its modules) may take a while to stop, and nothing waits on it.
		for (const worker of pool) void worker.terminate();
	}
	return results.flatMap((outcomes) => outcomes!);
}
