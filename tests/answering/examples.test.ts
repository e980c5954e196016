import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { exampleQuestions } from '../../src/answering/answer.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE, twoInstitutions } from '../helpers.ts';

describe('exampleQuestions', () => {
	test('GIVEN the shipped knowledge/ THEN three or more examples, each one a question the engine answers', async () => {
		const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);
		const examples = exampleQuestions(kb, 5);
		expect(examples.length).toBeGreaterThanOrEqual(3);
		for (const example of examples) {
			expect(example).toMatch(/^(?:Who|What|When|Where)\b.*\?$/);
			expect(example.length).toBeLessThanOrEqual(78);
			expect(answer(example, kb).answered, example).toBe(true);
		}
	});

	test('GIVEN another folder THEN its own examples, still all answered', async () => {
		const kb = await knowledgeBaseOf(twoInstitutions());
		for (const example of exampleQuestions(kb)) expect(answer(example, kb).answered, example).toBe(true);
	});
});
