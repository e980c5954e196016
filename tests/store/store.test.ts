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
	test('GIVEN a recorded answer THEN it survives closing and reopening', () => {
		temp.store.recordAnswer(answer('a1', 'Who appoints the ombudsman?', true));
		temp.store.close();
		temp.reopen();
		expect(temp.store.getAnswer('a1')).toMatchObject({ question: 'Who appoints the ombudsman?', answered: true, factIds: ['doc:1:0'] });
	});

	test('GIVEN two votes by one user THEN one vote counts, the latest', () => {
		temp.store.recordAnswer(answer('a1', 'q', true));
		expect(temp.store.recordVote('a1', 'u1', 1)).toEqual({ up: 1, down: 0, changed: true });
		expect(temp.store.recordVote('a1', 'u1', 1)).toEqual({ up: 1, down: 0, changed: false });
		expect(temp.store.recordVote('a1', 'u1', -1)).toEqual({ up: 0, down: 1, changed: true });
		expect(temp.store.recordVote('a1', 'u2', 1)).toEqual({ up: 1, down: 1, changed: true });
	});

	test('GIVEN unanswered and voted-down questions THEN gaps lists them, most frequent first', () => {
		temp.store.recordAnswer(answer('a1', 'What is the budget?', false, new Date(1000)));
		temp.store.recordAnswer(answer('a2', 'what is the budget', false, new Date(2000)));
		temp.store.recordAnswer(answer('a3', 'Who is the deputy?', false, new Date(3000)));
		temp.store.recordAnswer(answer('a4', 'Is it independent?', true, new Date(4000)));
		temp.store.recordAnswer(answer('a5', 'Is it fine?', true, new Date(5000)));
		temp.store.recordVote('a4', 'u1', -1);
		expect(temp.store.gaps(10).map((gap) => [gap.question, gap.unanswered, gap.downvotes])).toEqual([
			// Asked twice, differing only by case and punctuation.
			['What is the budget?', 2, 0],
			// Tied at one: the more recent first.
			['Is it independent?', 0, 1],
			['Who is the deputy?', 1, 0],
			// 'Is it fine?' was answered and not voted down: no gap.
		]);
	});

	test('GIVEN audit entries THEN recentAudit returns them newest first, filtered by action', () => {
		temp.store.audit({ actorId: '1', actorName: 'mod', action: 'refresh', target: null, ok: true, detail: { facts: 3 } });
		temp.store.audit({ actorId: '1', actorName: 'mod', action: 'add', target: 'new-doc', ok: false, detail: { issue: 'empty' } });
		expect(temp.store.recentAudit(10).map((entry) => entry.action)).toEqual(['add', 'refresh']);
		expect(temp.store.recentAudit(10, ['refresh'])[0]).toMatchObject({ ok: true, detail: { facts: 3 } });
	});

	test('GIVEN the knowledge generation bumped THEN a second process sees it', () => {
		const other = Store.open(temp.dir);
		try {
			expect(other.knowledgeGeneration()).toBe(0);
			temp.store.bumpKnowledgeGeneration();
			expect(other.knowledgeGeneration()).toBe(1);
		} finally {
			other.close();
		}
	});

	const cases = [
		{ input: 'What is the Mandate?', out: 'what is the mandate' },
		{ input: '  what   is\tthe mandate ?!  ', out: 'what is the mandate' },
		{ input: 'ＭＡＮＤＡＴＥ', out: 'mandate' },
	];
	for (const { input, out } of cases) {
		test(`normalizeQuestion(${JSON.stringify(input)}) = ${JSON.stringify(out)}`, () => {
			expect(normalizeQuestion(input)).toBe(out);
		});
	}
});

describe('a data folder that cannot be one', () => {
	test('GIVEN DATA_DIR pointing at a file THEN a plain message naming it, not "EEXIST … mkdir"', () => {
		const file = join(temp.dir, 'not-a-folder');
		writeFileSync(file, 'x');
		expect(() => Store.open(file)).toThrow(/^the data folder DATA_DIR=".*not-a-folder" cannot be used: it \(or a folder above it\) is a file, not a folder/);
		expect(() => Store.open(join(file, 'below'))).toThrow(/is a file, not a folder/);
	});
});
