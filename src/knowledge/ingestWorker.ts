/**
 * An ingestion worker (see ingestPool.ts): says when it is ready, then reads, checks and ingests the batches
 * of files the pool sends, and answers each batch with its outcomes in the batch's order. It runs the very functions the
 * single-threaded loader runs; only the check that two files share an id is left to the pool, which sees them all.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ingestDocument } from './ingest.ts';
import type { IngestBatch, IngestedBatch, IngestOutcome, IngestWorkerData } from './ingestPool.ts';
import { parseKnowledgeFile } from './knowledgeFile.ts';
import { TopicLabeller } from './topics.ts';

const { directory, topics } = workerData as IngestWorkerData;
const labeller = new TopicLabeller(topics);
const port = parentPort!;

// Loads wink-nlp's model (the slowest part of starting) before asking for work, so that the pool hands
// batches only to a worker that can start on them at once; until then the loader's own thread takes them.
ingestDocument({ id: 'warm-up', file: 'warm-up.txt', frontMatter: { aliases: [] }, lines: [{ line: 1, text: 'The commission opened an inquiry.' }] }, labeller);
port.postMessage({ ready: true } satisfies IngestedBatch);

port.on('message', (batch: IngestBatch) => {
	void ingestBatch(batch).then(
		(outcomes) => port.postMessage({ batch: batch.batch, outcomes } satisfies IngestedBatch),
		(error: unknown) => port.postMessage({ batch: batch.batch, error: (error as Error).stack ?? String(error) } satisfies IngestedBatch),
	);
});

async function ingestBatch({ files }: IngestBatch): Promise<IngestOutcome[]> {
	// The batch's files are read together (the disk is the wait), then ingested one by one.
	const contents = await Promise.all(files.map((file) => readFile(join(directory, file)).catch((error: Error) => error)));
	return files.map((file, i) => {
		const parsed = parseKnowledgeFile(file, contents[i]!);
		return parsed.ok ? { file, document: ingestDocument(parsed.value, labeller) } : { file, issue: parsed.issue };
	});
}
