import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/answering/index.ts';
import { readQuestion } from '../src/search/query.ts';
import { rankFacts } from '../src/search/rankFacts.ts';
import { Store, type Backend, type StoreOptions } from '../src/store/store.ts';
import { usePostgres, withClient, type PostgresServer } from './support/postgres.ts';

export const PROJECT_KNOWLEDGE = new URL('../knowledge/', import.meta.url).pathname;
/** A second institution's article, asked beside the shipped knowledge (its documents and its lexicon). */
const VALDORIA = new URL('./fixtures/valdorian-ombudsman-office.md', import.meta.url).pathname;
/** An invented Russian report (Lorvania's ombudsman), set beside the shipped English article where a test wants two languages. */
export const LORVANIA_REPORT = readFileSync(new URL('./fixtures/russian/lorvania-ombudsman-report.md', import.meta.url), 'utf8');

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

/** The question as the retriever reads it, and the first of its 20 best candidates whose sentence holds `phrase`. */
export function candidateHolding(kb: KnowledgeBase, question: string, phrase: string) {
	const read = readQuestion(question, kb.index, kb.options);
	const found = rankFacts(kb.index, read, kb.options, 20).find((c) => c.fact.text.includes(phrase));
	if (!found) throw new Error(`no candidate holds ${phrase}`);
	return { read, found };
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

/** Where a test store keeps its data: a SQLite file in a temporary folder, or a database on a test PostgreSQL server. */
export type TestBackend = 'sqlite' | { postgres: () => PostgresServer };

export interface TempStore {
	readonly store: Store;
	/** The data folder (SQLite's file is in it; with PostgreSQL it stays empty). */
	readonly dir: string;
	readonly backend: Backend;
	/** Closes nothing: opens the store again on the same data, as after a restart (replacing `store`). */
	reopen(): Promise<Store>;
	/** Another handle on the same data, as a second process has; the caller closes it. */
	openAnother(options?: StoreOptions): Promise<Store>;
}

/**
 * A store in a fresh temporary data folder for each test, closed and removed after it; `reopen` as after a restart.
 * With PostgreSQL: one database for the enclosing `describe`, emptied (schema and all) before each test, so each
 * test migrates from nothing as a new deployment does.
 */
export function useTempStore(backend: TestBackend = 'sqlite'): TempStore {
	let dir = '';
	let url = '';
	let store: Store | undefined;
	const open = (options?: StoreOptions): Promise<Store> => (backend === 'sqlite' ? Promise.resolve(Store.open(dir, options)) : Store.connect(url, options));
	if (backend !== 'sqlite') {
		beforeAll(async () => {
			url = await backend.postgres().createDatabase('store');
		});
	}
	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'ombudsbot-store-'));
		if (backend !== 'sqlite') await resetDatabase(url);
		store = await open();
	});
	afterEach(async () => {
		await store?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	return {
		get store() {
			return store!;
		},
		get dir() {
			return dir;
		},
		backend: backend === 'sqlite' ? 'sqlite' : 'postgres',
		async reopen() {
			store = await open();
			return store;
		},
		openAnother: open,
	};
}

let postgres: ReturnType<typeof usePostgres> | undefined;

/**
 * `body` as a describe block once per backend: SQLite, and PostgreSQL on the test file's throwaway server (one per
 * file, skipped with the reason printed where none can run). `body` gets a fresh store per test.
 */
export function describeOnEachBackend(title: string, body: (temp: TempStore) => void): void {
	const server = (postgres ??= usePostgres());
	describe(`${title} (SQLite)`, () => body(useTempStore('sqlite')));
	server.describe(`${title} (PostgreSQL)`, () => body(useTempStore({ postgres: () => server.server })));
}

/** Drops everything in a test database's public schema. */
async function resetDatabase(url: string): Promise<void> {
	await withClient(url, (client) => client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
}
