import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch of synchronous work between two turns of the event loop while building. */
export const SLICE_MS = 15;

/**
 * Lets long builds (loading and indexing 100,000 facts) share the event loop: call the returned function
 * between small pieces of work; it yields once the current slice has run for `sliceMs`, so a bot keeps
 * answering from its old knowledge base during a refresh.
 * @example const pace = pacer(); for (const doc of docs) { ingest(doc); await pace(); }
 */
export function pacer(sliceMs = SLICE_MS): () => Promise<void> {
	let sliceStart = performance.now();
	return async () => {
		if (performance.now() - sliceStart < sliceMs) return;
		await nextTurn();
		sliceStart = performance.now();
	};
}
