import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/answering/index.ts';
import { Store } from '../src/store/store.ts';

export const PROJECT_KNOWLEDGE = new URL('../knowledge/', import.meta.url).pathname;
/** A second institution's article, asked beside the shipped knowledge (its documents and its lexicon). */
const VALDORIA = new URL('./fixtures/valdorian-ombudsman-office.md', import.meta.url).pathname;

let twoInstitutionsFolder: string | undefined;

/**
 * A knowledge folder with two institutions: the shipped `knowledge/` as it is now, lexicon included, and the
 * Valdorian article beside it. Made once per test file, removed when the process exits.
 */
export function twoInstitutions(): string {
	if (!twoInstitutionsFolder) {
		const dir = mkdtempSync(join(tmpdir(), 'ombudsbot-two-'));
		cpSync(PROJECT_KNOWLEDGE, dir, { recursive: true });
		cpSync(VALDORIA, join(dir, 'valdorian-ombudsman-office.md'));
		process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
		twoInstitutionsFolder = dir;
	}
	return twoInstitutionsFolder;
}

const cache = new Map<string, Promise<KnowledgeBase>>();

/** A knowledge base built once per folder per test file. */
export function knowledgeBaseOf(dir: string): Promise<KnowledgeBase> {
	let built = cache.get(dir);
	if (!built) {
		built = loadKnowledgeBase(dir).then(({ knowledgeBase, problems }) => {
			if (!knowledgeBase || problems.length) throw new Error(`fixture ${dir} did not load: ${JSON.stringify(problems)}`);
			return knowledgeBase;
		});
		cache.set(dir, built);
	}
	return built;
}

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary knowledge folder with the given files (name → text or bytes), removed after the test. */
export function knowledgeFolder(files: Record<string, string | Uint8Array>, base?: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'ombudsbot-test-'));
	made.push(dir);
	if (base) cpSync(base, dir, { recursive: true });
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	return dir;
}

/** A store in a fresh temporary data folder for each test, closed and removed after it; `reopen` as after a restart. */
export function useTempStore(): { readonly store: Store; readonly dir: string; reopen(): Store } {
	let dir = '';
	let store: Store | undefined;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'ombudsbot-store-'));
		store = Store.open(dir);
	});
	afterEach(() => {
		store?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return {
		get store() {
			return store!;
		},
		get dir() {
			return dir;
		},
		reopen() {
			store = Store.open(dir);
			return store;
		},
	};
}
