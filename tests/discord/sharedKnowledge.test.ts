/**
 * The knowledge holder with the store's layer (PostgreSQL): documents from the database over the folder, a change
 * committed only when it builds, and the generation telling a process when what it serves may lack a change.
 */
import { describe, expect, test } from 'vitest';
import { KnowledgeHolder, STARTUP_ACTOR } from '../../src/discord/knowledge.ts';
import type { KnowledgeLayer, StoredDocument } from '../../src/store/store.ts';
import { PROJECT_KNOWLEDGE } from '../helpers.ts';

const MOD = { id: '930000000000000003', name: 'moderator' };
const SHIPPED = 'kazakhstan-joins-asia-pacific-forum';

const stored = (id: string, sentence: string): StoredDocument => ({
	id,
	file: `${id}.md`,
	content: `---\ntitle: ${id}\n---\n${sentence}\n`,
	actorId: MOD.id,
	actorName: MOD.name,
	at: new Date(0),
});

/** A stand-in for the database: what `knowledgeLayer()` would read now. */
function database(initial: Partial<KnowledgeLayer> = {}) {
	const state: KnowledgeLayer = { generation: 0, documents: [], removed: [], ...initial };
	return { state, read: async (): Promise<KnowledgeLayer> => structuredClone(state) };
}

const ids = (holder: KnowledgeHolder) => holder.current!.documents.map((document) => document.id).sort();

describe('knowledge layered from the store', () => {
	test('GIVEN documents and a removal in the database THEN they are served over the folder, the folder\'s removed one hidden', async () => {
		const db = database({ generation: 4, documents: [stored('term', 'The ombudsman serves seven years.')], removed: [SHIPPED] });
		const holder = new KnowledgeHolder(PROJECT_KNOWLEDGE, undefined, db.read);
		await holder.load(STARTUP_ACTOR);
		expect(ids(holder)).toEqual(['term']);
		expect(holder.generation).toBe(4);
		expect(holder.shared).toBe(true);
	});

	test('GIVEN a change that builds THEN it is committed and served; one that does not build THEN nothing is committed', async () => {
		const db = database();
		const holder = new KnowledgeHolder(PROJECT_KNOWLEDGE, undefined, db.read);
		await holder.load(STARTUP_ACTOR);
		let commits = 0;
		const commit = async () => {
			commits += 1;
			return ++db.state.generation;
		};
		const added = await holder.changeNow(MOD, { kind: 'add', id: 'term', file: 'term.md', content: stored('term', 'A term of seven years.').content }, commit);
		expect(added.ok).toBe(true);
		expect(ids(holder)).toEqual([SHIPPED, 'term']);
		expect(holder.generation).toBe(1);
		const broken = await holder.changeNow(MOD, { kind: 'add', id: 'broken', file: 'broken.md', content: '---\ntitle: [unclosed\n---\nText.\n' }, commit);
		expect(broken).toMatchObject({ ok: false, problems: [{ file: 'broken.md' }] });
		expect(commits).toBe(1);
		expect(ids(holder)).toEqual([SHIPPED, 'term']);
	});

	test('GIVEN another process committing between this one\'s read and its commit THEN the next sync rebuilds with both changes', async () => {
		const db = database({ documents: [stored('term', 'The ombudsman serves seven years.')] });
		const holder = new KnowledgeHolder(PROJECT_KNOWLEDGE, undefined, db.read);
		await holder.load(STARTUP_ACTOR);
		const result = await holder.changeNow(MOD, { kind: 'remove', id: SHIPPED }, async () => {
			// The other process's document lands first (generation 1), then this removal (2).
			db.state.documents.push(stored('other', 'Another process added this sentence.'));
			db.state.removed.push(SHIPPED);
			db.state.generation = 2;
			return 2;
		});
		expect(result.ok).toBe(true);
		// Built without the other document, and knowing it: no generation it could match.
		expect(ids(holder)).toEqual(['term']);
		expect(holder.generation).toBe(-1);
		const synced = await holder.sync({ id: 'sync', name: 'another process' }, async () => db.state.generation);
		expect(synced?.ok).toBe(true);
		expect(ids(holder)).toEqual(['other', 'term']);
		expect(holder.generation).toBe(2);
		expect(await holder.sync({ id: 'sync', name: 'another process' }, async () => db.state.generation)).toBeNull();
	});

	test('GIVEN the last document removed THEN the change is refused and nothing committed', async () => {
		const db = database();
		const holder = new KnowledgeHolder(PROJECT_KNOWLEDGE, undefined, db.read);
		await holder.load(STARTUP_ACTOR);
		let committed = false;
		const result = await holder.changeNow(MOD, { kind: 'remove', id: SHIPPED }, async () => {
			committed = true;
			return 1;
		});
		expect(result).toMatchObject({ ok: false, problems: [{ issue: expect.stringMatching(/no .txt or .md documents/) }] });
		expect(committed).toBe(false);
		expect(ids(holder)).toEqual([SHIPPED]);
	});

	test('GIVEN no store layer (SQLite) THEN changes through the store are refused', async () => {
		const holder = new KnowledgeHolder(PROJECT_KNOWLEDGE);
		await expect(holder.changeNow(MOD, { kind: 'remove', id: SHIPPED }, async () => 1)).rejects.toThrow(/PostgreSQL/);
	});
});
