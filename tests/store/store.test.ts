import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { normalizeQuestion, Store } from '../../src/store/store.ts';
import { useTempStore } from '../helpers.ts';

const temp = useTempStore();

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

describe('Store', () => {
	test('GIVEN a recorded answer THEN it survives closing and reopening', async () => {
		await temp.store.recordAnswer(answer('a1', 'Who appoints the ombudsman?', true));
		await temp.store.close();
		temp.reopen();
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

	test('GIVEN gaps resolved by moderators THEN they leave the list until asked again after the decision', async () => {
		await temp.store.recordAnswer(answer('a1', 'What is the salary?', false, new Date(1000)));
		await temp.store.recordAnswer(answer('a2', 'Who is the deputy?', false, new Date(2000)));
		const [salary, deputy] = ['what is the salary', 'who is the deputy'];
		await temp.store.resolveGaps([salary], { kind: 'dismissed' }, 'mod', 5000);
		await temp.store.resolveGaps([deputy, deputy], { kind: 'answered', factId: 'doc:1:0' }, 'mod', 5000);
		expect(await temp.store.gaps(10)).toEqual([]);
		await temp.store.recordAnswer(answer('a3', 'what is the salary??', false, new Date(6000)));
		expect((await temp.store.gaps(10)).map((gap) => [gap.normalized, gap.unanswered])).toEqual([[salary, 2]]);
	});

	test('GIVEN answered questions THEN answeredQuestions lists the typed ones not voted down, most asked first, by prefix', async () => {
		await temp.store.recordAnswer(answer('a1', 'Who hosted the meeting?', true, new Date(1000)));
		await temp.store.recordAnswer(answer('a2', 'who hosted the meeting', true, new Date(2000)));
		await temp.store.recordAnswer(answer('a3', 'When did Kazakhstan join?', true, new Date(3000)));
		await temp.store.recordAnswer(answer('a4', 'Who pays the ombudsman?', true, new Date(4000)));
		await temp.store.recordAnswer({ ...answer('a5', 'Whom did the forum admit?', true, new Date(5000)), source: 'suggestion' });
		await temp.store.recordAnswer(answer('a6', 'Who is the deputy?', false, new Date(6000)));
		await temp.store.recordVote('a4', 'u1', -1);
		expect(await temp.store.answeredQuestions(10)).toEqual([
			{ question: 'Who hosted the meeting?', count: 2 },
			{ question: 'When did Kazakhstan join?', count: 1 },
		]);
		expect((await temp.store.answeredQuestions(10, 'WHEN ')).map((q) => q.question)).toEqual(['When did Kazakhstan join?']);
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
		const other = Store.open(temp.dir);
		try {
			expect(await other.knowledgeGeneration()).toBe(0);
			await temp.store.bumpKnowledgeGeneration();
			expect(await other.knowledgeGeneration()).toBe(1);
		} finally {
			await other.close();
		}
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

describe('a data folder that cannot be one', () => {
	test('GIVEN DATA_DIR pointing at a file THEN a plain message naming it, not "EEXIST … mkdir"', async () => {
		const file = join(temp.dir, 'not-a-folder');
		writeFileSync(file, 'x');
		expect(() => Store.open(file)).toThrow(/^the data folder DATA_DIR=".*not-a-folder" cannot be used: it \(or a folder above it\) is a file, not a folder/);
		expect(() => Store.open(join(file, 'below'))).toThrow(/is a file, not a folder/);
	});
});
