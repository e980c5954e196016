import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { MIGRATIONS } from '../../src/store/schema.ts';
import { normalizeQuestion, Store, STORE_FILE, type QuestionScope } from '../../src/store/store.ts';
import { describeOnEachBackend, useTempStore } from '../helpers.ts';

const GUILD = '910000000000000001';
const OTHER_GUILD = '910000000000000002';

const answer = (id: string, question: string, answered: boolean, createdAt = new Date()) => ({
	id,
	createdAt,
	userId: '100000000000000001',
	guildId: null,
	channelId: null,
	source: 'slash' as const,
	question,
	answered,
	confidence: answered ? 0.9 : 0.1,
	factIds: answered ? ['doc:1:0'] : [],
	suggestions: answered ? [] : ['What is the mandate?'],
});

describeOnEachBackend('Store', (temp) => {
	test('GIVEN a recorded answer THEN it survives closing and reopening', async () => {
		await temp.store.recordAnswer(answer('a1', 'Who appoints the ombudsman?', true));
		await temp.store.close();
		await temp.reopen();
		expect(await temp.store.getAnswer('a1')).toMatchObject({ question: 'Who appoints the ombudsman?', answered: true, factIds: ['doc:1:0'] });
	});

	test('GIVEN two votes by one user THEN one vote counts, the latest', async () => {
		await temp.store.recordAnswer(answer('a1', 'q', true));
		expect(await temp.store.recordVote('a1', 'u1', 1)).toEqual({ up: 1, down: 0, changed: true });
		expect(await temp.store.recordVote('a1', 'u1', 1)).toEqual({ up: 1, down: 0, changed: false });
		expect(await temp.store.recordVote('a1', 'u1', -1)).toEqual({ up: 0, down: 1, changed: true });
		expect(await temp.store.recordVote('a1', 'u2', 1)).toEqual({ up: 1, down: 1, changed: true });
	});

	test('GIVEN unanswered and voted-down questions THEN gaps lists them, most frequent first', async () => {
		await temp.store.recordAnswer(answer('a1', 'What is the budget?', false, new Date(1000)));
		await temp.store.recordAnswer(answer('a2', 'what is the budget', false, new Date(2000)));
		await temp.store.recordAnswer(answer('a3', 'Who is the deputy?', false, new Date(3000)));
		await temp.store.recordAnswer(answer('a4', 'Is it independent?', true, new Date(4000)));
		await temp.store.recordAnswer(answer('a5', 'Is it fine?', true, new Date(5000)));
		await temp.store.recordVote('a4', 'u1', -1);
		expect((await temp.store.gaps(10)).map((gap) => [gap.question, gap.unanswered, gap.downvotes])).toEqual([
			// Asked twice, differing only by case and punctuation.
			['What is the budget?', 2, 0],
			// Tied at one: the more recent first.
			['Is it independent?', 0, 1],
			['Who is the deputy?', 1, 0],
			// 'Is it fine?' was answered and not voted down: no gap.
		]);
	});

	test('GIVEN gaps resolved by moderators THEN they leave the list, and come back counting only what came after the decision', async () => {
		await temp.store.recordAnswer(answer('a1', 'What is the salary?', false, new Date(1000)));
		await temp.store.recordAnswer(answer('a2', 'what is the salary', false, new Date(1500)));
		await temp.store.recordAnswer(answer('a3', 'Who is the deputy?', true, new Date(2000)));
		await temp.store.recordAnswer(answer('a4', 'Where is the office?', false, new Date(2500)));
		await temp.store.recordVote('a3', 'u1', -1);
		const [salary, deputy, office] = ['what is the salary', 'who is the deputy', 'where is the office'];
		// After the vote above even when both fall in one millisecond (the decision's own counts as after it).
		const decided = Date.now() + 1;
		await temp.store.resolveGaps([salary, office], { kind: 'dismissed' }, 'mod', decided);
		await temp.store.resolveGaps([deputy, deputy], { kind: 'answered', factId: 'doc:1:0' }, 'mod', decided);
		expect(await temp.store.gaps(10)).toEqual([]);
		const counts = async () => (await temp.store.gaps(10)).map((gap) => [gap.normalized, gap.unanswered, gap.downvotes]);
		// Asked again and not answered: one asking, not three.
		await temp.store.recordAnswer(answer('a5', 'what is the salary??', false, new Date(decided + 1000)));
		// Asked again and answered now (the moderator's fact): nothing to look at.
		await temp.store.recordAnswer(answer('a6', 'Who is the deputy?', true, new Date(decided + 2000)));
		expect(await counts()).toEqual([[salary, 1, 0]]);
		// A 👎 cast after the decision brings the gap back with that vote alone (the one before stays out), more recent first.
		await new Promise((resolve) => setTimeout(resolve, 5));
		await temp.store.recordVote('a6', 'u2', -1);
		expect(await counts()).toEqual([
			[deputy, 0, 1],
			[salary, 1, 0],
		]);
		// A later decision replaces the earlier one, and counts start again from it.
		await temp.store.resolveGaps([salary], { kind: 'dismissed' }, 'mod', decided + 1500);
		expect(await counts()).toEqual([[deputy, 0, 1]]);
	});

	test('GIVEN answered questions THEN answeredQuestions lists the typed ones not voted down, most asked first, by prefix', async () => {
		const here = { kind: 'guild', guildId: GUILD } as const;
		const inGuild = (...args: Parameters<typeof answer>) => ({ ...answer(...args), guildId: GUILD });
		await temp.store.recordAnswer(inGuild('a1', 'Who hosted the meeting?', true, new Date(1000)));
		await temp.store.recordAnswer(inGuild('a2', 'who hosted the meeting', true, new Date(2000)));
		await temp.store.recordAnswer(inGuild('a3', 'When did Kazakhstan join?', true, new Date(3000)));
		await temp.store.recordAnswer(inGuild('a4', 'Who pays the ombudsman?', true, new Date(4000)));
		await temp.store.recordAnswer({ ...inGuild('a5', 'Whom did the forum admit?', true, new Date(5000)), source: 'suggestion' });
		await temp.store.recordAnswer(inGuild('a6', 'Who is the deputy?', false, new Date(6000)));
		await temp.store.recordVote('a4', 'u1', -1);
		expect(await temp.store.answeredQuestions(here, 10)).toEqual([
			{ question: 'Who hosted the meeting?', count: 2 },
			{ question: 'When did Kazakhstan join?', count: 1 },
		]);
		expect((await temp.store.answeredQuestions(here, 10, 'WHEN ')).map((q) => q.question)).toEqual(['When did Kazakhstan join?']);
	});

	test('GIVEN questions asked in two servers, privately and in DMs THEN each server is offered its own public ones, and a DM only the person\'s own DM questions', async () => {
		const asked = (id: string, question: string, where: { guildId: string | null; userId: string }) => ({ ...answer(id, question, true), ...where });
		await temp.store.recordAnswer(asked('a1', 'Who hosted the meeting?', { guildId: GUILD, userId: 'u1' }));
		await temp.store.recordAnswer(asked('a2', 'Who hosted the meeting?', { guildId: GUILD, userId: 'u2' }));
		await temp.store.recordAnswer(asked('a3', 'What is the budget?', { guildId: OTHER_GUILD, userId: 'u1' }));
		await temp.store.recordAnswer(asked('a4', 'Is my complaint private?', { guildId: null, userId: 'u1' }));
		await temp.store.recordAnswer(asked('a5', 'Who hosted the meeting?', { guildId: null, userId: 'u2' }));
		// Answered privately in a server: offered to nobody there.
		await temp.store.recordAnswer({ ...asked('a6', 'Who pays my lawyer?', { guildId: GUILD, userId: 'u1' }), private: true });
		const questions = async (scope: QuestionScope) => (await temp.store.answeredQuestions(scope, 10)).map((q) => [q.question, q.count]);
		expect(await questions({ kind: 'guild', guildId: GUILD })).toEqual([['Who hosted the meeting?', 2]]);
		expect(await questions({ kind: 'guild', guildId: OTHER_GUILD })).toEqual([['What is the budget?', 1]]);
		expect(await questions({ kind: 'private', userId: 'u1' })).toEqual([['Is my complaint private?', 1]]);
		expect(await questions({ kind: 'private', userId: 'u2' })).toEqual([['Who hosted the meeting?', 1]]);
		expect(await questions({ kind: 'guild', guildId: '910000000000000099' })).toEqual([]);
		expect(await temp.store.getAnswer('a6')).toMatchObject({ private: true, guildId: GUILD });
		expect(await temp.store.getAnswer('a1')).toMatchObject({ private: false });
	});

	test('GIVEN the message menu and a forum post as sources THEN they are kept as such', async () => {
		await temp.store.recordAnswer({ ...answer('a1', 'q', true), source: 'menu' });
		await temp.store.recordAnswer({ ...answer('a2', 'q', true), source: 'forum' });
		expect((await temp.store.getAnswer('a1'))?.source).toBe('menu');
		expect((await temp.store.getAnswer('a2'))?.source).toBe('forum');
	});

	test('GIVEN a server setting THEN it is kept per server and cleared by null', async () => {
		expect(await temp.store.getSetting('g1', 'institution')).toBeNull();
		await temp.store.setSetting('g1', 'institution', 'Commissioner for Human Rights');
		await temp.store.setSetting('g2', 'forumChannel', '123');
		await temp.store.setSetting('g1', 'institution', 'Valdorian Ombudsman');
		expect(await temp.store.getSetting('g1', 'institution')).toBe('Valdorian Ombudsman');
		expect(await temp.store.getSetting('g2', 'institution')).toBeNull();
		await temp.store.setSetting('g1', 'institution', null);
		expect(await temp.store.getSetting('g1', 'institution')).toBeNull();
	});

	test('GIVEN audit entries THEN recentAudit returns them newest first, filtered by action', async () => {
		await temp.store.audit({ actorId: '1', actorName: 'mod', action: 'refresh', target: null, ok: true, detail: { facts: 3 } });
		await temp.store.audit({ actorId: '1', actorName: 'mod', action: 'add', target: 'new-doc', ok: false, detail: { issue: 'empty' } });
		expect((await temp.store.recentAudit(10)).map((entry) => entry.action)).toEqual(['add', 'refresh']);
		expect((await temp.store.recentAudit(10, ['refresh']))[0]).toMatchObject({ ok: true, detail: { facts: 3 } });
	});

	test('GIVEN the knowledge generation bumped THEN a second process sees it', async () => {
		const other = await temp.openAnother();
		try {
			expect(await other.knowledgeGeneration()).toBe(0);
			await temp.store.bumpKnowledgeGeneration();
			expect(await other.knowledgeGeneration()).toBe(1);
		} finally {
			await other.close();
		}
	});

	// Two SQLite stores in one process would wait for each other's lock synchronously (better-sqlite3 blocks the
	// thread that holds the other transaction); separate processes, the real case, are the sharded tests'.
	test.skipIf(temp.backend === 'sqlite')('GIVEN two processes bumping the generation at once THEN each gets its own number', async () => {
		const other = await temp.openAnother();
		try {
			const bumps = await Promise.all([...Array(10).keys()].map((i) => (i % 2 ? other : temp.store).bumpKnowledgeGeneration()));
			expect(bumps.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		} finally {
			await other.close();
		}
	});

	test('GIVEN documents added, replaced and removed THEN the layer holds the latest of each, removals recorded, each change a new generation', async () => {
		const mod = { id: '930000000000000003', name: 'moderator' };
		expect(await temp.store.knowledgeLayer()).toEqual({ generation: 0, documents: [], removed: [] });
		expect(await temp.store.changeKnowledge({ kind: 'add', id: 'annual-report', file: 'annual-report.md', content: 'First text.' }, mod, 1000)).toBe(1);
		await temp.store.changeKnowledge({ kind: 'add', id: 'budget', file: 'budget.txt', content: 'Budget text.' }, mod, 2000);
		await temp.store.changeKnowledge({ kind: 'add', id: 'annual-report', file: 'annual-report.md', content: 'Second text.' }, mod, 3000);
		// A shipped document (never added here) removed from Discord.
		await temp.store.changeKnowledge({ kind: 'remove', id: 'shipped-doc' }, mod, 4000);
		await temp.store.changeKnowledge({ kind: 'remove', id: 'budget' }, mod, 5000);
		const layer = await temp.store.knowledgeLayer();
		expect(layer.generation).toBe(5);
		expect(layer.documents).toEqual([{ id: 'annual-report', file: 'annual-report.md', content: 'Second text.', actorId: mod.id, actorName: 'moderator', at: new Date(3000) }]);
		expect(layer.removed).toEqual(['budget', 'shipped-doc']);
		// Added again after its removal: back, with the new text.
		await temp.store.changeKnowledge({ kind: 'add', id: 'budget', file: 'budget.txt', content: 'Budget, again.' }, mod, 6000);
		const again = await temp.store.knowledgeLayer();
		expect(again.documents.map((d) => [d.id, d.content])).toEqual([['annual-report', 'Second text.'], ['budget', 'Budget, again.']]);
		expect(again.removed).toEqual(['shipped-doc']);
		// Recorded in the audit sense too: the history is kept, not overwritten (a reopened store reads the same).
		await temp.store.close();
		await temp.reopen();
		expect(await temp.store.knowledgeLayer()).toEqual(again);
	});

	test('GIVEN curated text written, and a removal carrying its own THEN the layer holds the latest text, each a new generation, documents untouched by a curated change', async () => {
		const mod = { id: '930000000000000003', name: 'moderator' };
		await temp.store.changeKnowledge({ kind: 'add', id: 'budget', file: 'budget.txt', content: 'Budget text.' }, mod, 1000);
		expect((await temp.store.knowledgeLayer()).curated).toBeUndefined();
		expect(await temp.store.changeKnowledge({ kind: 'curated', content: '- first\n' }, mod, 2000)).toBe(2);
		const first = await temp.store.knowledgeLayer();
		expect(first).toMatchObject({ generation: 2, curated: '- first\n', removed: [] });
		expect(first.documents.map((d) => d.id)).toEqual(['budget']);
		await temp.store.changeKnowledge({ kind: 'curated', content: '- second\n' }, mod, 3000);
		expect((await temp.store.knowledgeLayer()).curated).toBe('- second\n');
		// A removal without curated text leaves the text as it was; with it, both land together.
		await temp.store.changeKnowledge({ kind: 'remove', id: 'shipped' }, mod, 4000);
		expect((await temp.store.knowledgeLayer()).curated).toBe('- second\n');
		expect(await temp.store.changeKnowledge({ kind: 'remove', id: 'budget', curated: '' }, mod, 5000)).toBe(5);
		const last = await temp.store.knowledgeLayer();
		expect(last).toEqual({ generation: 5, documents: [], removed: ['budget', 'shipped'], curated: '' });
		await temp.store.close();
		await temp.reopen();
		expect(await temp.store.knowledgeLayer()).toEqual(last);
	});

	test('GIVEN two processes opening a new store at once THEN both migrate it without a clash and work', async () => {
		await temp.store.close();
		const [first, second] = await Promise.all([temp.openAnother(), temp.openAnother()]);
		try {
			await first.recordAnswer(answer('a1', 'q', true));
			expect(await second.recordVote('a1', 'u1', 1)).toEqual({ up: 1, down: 0, changed: true });
		} finally {
			await Promise.all([first.close(), second.close()]);
		}
		await temp.reopen();
	});

	test('GIVEN flood buckets THEN a missing one starts as given, a kept one is read back, null keeps it, and old ones are pruned', async () => {
		const seen: unknown[] = [];
		const take = (key: string, keep: boolean) =>
			temp.store.withFloodBucket(key, { tokens: 3, at: 1000 }, (bucket) => {
				seen.push(bucket);
				return { next: keep ? { tokens: bucket.tokens - 1, at: bucket.at + 500 } : null, result: bucket.tokens };
			});
		expect(await take('u1', true)).toBe(3);
		expect(await take('u1', true)).toBe(2);
		expect(await take('u1', false)).toBe(1);
		expect(await take('u1', false)).toBe(1);
		expect(seen).toEqual([{ tokens: 3, at: 1000 }, { tokens: 2, at: 1500 }, { tokens: 1, at: 2000 }, { tokens: 1, at: 2000 }]);
		await take('u2', true);
		await temp.store.pruneFloodBuckets(1800);
		// u1 (touched at 2000) stays; u2 (at 1500) is gone and starts afresh.
		expect(await take('u1', false)).toBe(1);
		expect(await take('u2', false)).toBe(3);
	});

	test('GIVEN a vote on an answer never recorded THEN it is refused, not kept dangling', async () => {
		await expect(temp.store.recordVote('missing', 'u1', 1)).rejects.toThrow();
		expect(await temp.store.tally('missing')).toEqual({ up: 0, down: 0 });
	});

	const cases = [
		{ input: 'What is the Mandate?', out: 'what is the mandate' },
		{ input: '  what   is\tthe mandate ?!  ', out: 'what is the mandate' },
		{ input: 'ＭＡＮＤＡＴＥ', out: 'mandate' },
	];
	for (const { input, out } of cases) {
		test(`normalizeQuestion(${JSON.stringify(input)}) = ${JSON.stringify(out)}`, async () => {
			expect(normalizeQuestion(input)).toBe(out);
		});
	}
});

describe('a SQLite data folder from before the PostgreSQL store', () => {
	const temp = useTempStore();
	test('GIVEN a folder at user_version 4 (the schema as the SQL text shipped it) THEN it upgrades, keeping its data', async () => {
		await temp.store.close();
		rmSync(join(temp.dir, STORE_FILE));
		const legacy = new Database(join(temp.dir, STORE_FILE));
		legacy.exec(LEGACY_SCHEMA);
		legacy.prepare(`INSERT INTO answers VALUES ('a1', 1000, 'u', NULL, NULL, 'slash', 'Who?', 'who', 1, 0.5, '["d:1:0"]', '[]')`).run();
		legacy.prepare(`INSERT INTO meta VALUES ('knowledge_generation', '7')`).run();
		legacy.pragma('user_version = 4');
		legacy.close();
		const store = await temp.reopen();
		expect(await store.getAnswer('a1')).toMatchObject({ question: 'Who?', factIds: ['d:1:0'] });
		expect(await store.changeKnowledge({ kind: 'remove', id: 'x' }, { id: 'u', name: 'u' })).toBe(8);
		expect(await store.recordVote('a1', 'u', 1)).toEqual({ up: 1, down: 0, changed: true });
		const check = new Database(join(temp.dir, STORE_FILE), { readonly: true });
		expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
		check.close();
	});
});

/** The tables of user_version 4, as the SQL text of the first four migrations created them. */
const LEGACY_SCHEMA = `
	CREATE TABLE answers (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, user_id TEXT NOT NULL, guild_id TEXT, channel_id TEXT,
		source TEXT NOT NULL, question TEXT NOT NULL, normalized TEXT NOT NULL, answered INTEGER NOT NULL, confidence REAL NOT NULL,
		fact_ids TEXT NOT NULL, suggestions TEXT NOT NULL);
	CREATE INDEX answers_normalized ON answers (normalized);
	CREATE INDEX answers_unanswered ON answers (answered, created_at);
	CREATE TABLE feedback (answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE, user_id TEXT NOT NULL,
		vote INTEGER NOT NULL CHECK (vote IN (-1, 1)), at INTEGER NOT NULL, PRIMARY KEY (answer_id, user_id));
	CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT NOT NULL,
		action TEXT NOT NULL, target TEXT, ok INTEGER NOT NULL, detail TEXT NOT NULL);
	CREATE INDEX audit_action ON audit (action, id);
	CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	CREATE TABLE language_settings (scope TEXT NOT NULL CHECK (scope IN ('user', 'guild')), id TEXT NOT NULL, language TEXT NOT NULL,
		at INTEGER NOT NULL, PRIMARY KEY (scope, id));
	CREATE TABLE conversations (session TEXT PRIMARY KEY, updated_at INTEGER NOT NULL, context TEXT NOT NULL);
	CREATE INDEX conversations_updated ON conversations (updated_at);
	CREATE TABLE guild_settings (guild_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (guild_id, key));
	CREATE TABLE gap_resolutions (normalized TEXT PRIMARY KEY, resolution TEXT NOT NULL CHECK (resolution IN ('dismissed', 'answered')),
		fact_id TEXT, actor_id TEXT NOT NULL, at INTEGER NOT NULL);
`;

describe('a data folder that cannot be one', () => {
	const temp = useTempStore();
	test('GIVEN DATA_DIR pointing at a file THEN a plain message naming it, not "EEXIST … mkdir"', async () => {
		const file = join(temp.dir, 'not-a-folder');
		writeFileSync(file, 'x');
		expect(() => Store.open(file)).toThrow(/^the data folder DATA_DIR=".*not-a-folder" cannot be used: it \(or a folder above it\) is a file, not a folder/);
		expect(() => Store.open(join(file, 'below'))).toThrow(/is a file, not a folder/);
	});
});
