import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { readSmallTalk } from '../../src/answering/smallTalk.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE } from '../helpers.ts';

const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);

describe('readSmallTalk', () => {
	test.each([
		['hi', 'greeting'],
		['Hello there!', 'greeting'],
		["what's up?", 'greeting'],
		['thanks!', 'thanks'],
		['Thank you so much for the answer', 'thanks'],
		['bye', 'farewell'],
		['what can you do?', 'capabilities'],
		['Who are you?', 'capabilities'],
		['What documents do you have?', 'documents'],
		['sources', 'documents'],
		['help', 'help'],
		['hi, what can you do?', 'capabilities'],
	])('%j is small talk: %s', (text, kind) => {
		expect(readSmallTalk(text)).toEqual({ kind });
	});

	test.each([
		['hi, who represented Kazakhstan?', 'who represented Kazakhstan?'],
		['Hello! Where was the 19th annual forum held?', 'Where was the 19th annual forum held?'],
		['thanks - and who hosted the meeting?', 'who hosted the meeting?'],
		['Who are you accountable to?', 'Who are you accountable to?'],
		['what do you know about the mandate?', 'what do you know about the mandate?'],
		['help: who is the ombudsman?', 'help: who is the ombudsman?'],
		['Who is the ombudsman?', 'Who is the ombudsman?'],
	])('%j is the question %j', (text, question) => {
		expect(readSmallTalk(text)).toEqual({ kind: null, question });
	});
});

describe('answer: small talk', () => {
	test('GIVEN a greeting THEN a short friendly reply pointing to /help with an example it answers, no confidence, nothing cited', () => {
		const result = answer('hi!', kb);
		expect(result).toMatchObject({ question: 'hi!', answered: false, confidence: 0, sources: [], factIds: [], suggestions: [], smallTalk: 'greeting' });
		expect(result.answer).toMatch(/\/help/);
		const example = /“([^”]+)”/.exec(result.answer)?.[1];
		expect(example && answer(example, kb).answered).toBe(true);
	});

	test('GIVEN "what documents do you have?" THEN the documents by title', () => {
		const result = answer('What documents do you have?', kb);
		expect(result.smallTalk).toBe('documents');
		expect(result.answer).toContain(kb.documents[0]!.title);
		expect(result.answer).toMatch(/1 document:/);
	});

	test('GIVEN thanks, help and "what can you do" THEN each its own reply, all pointing to /help', () => {
		for (const text of ['thanks!', 'help', 'what can you do?']) expect(answer(text, kb).answer).toMatch(/\/help/);
	});

	test('GIVEN a greeting in front of a question THEN the question is answered, and shown as asked', () => {
		const result = answer('hi, who represented Kazakhstan?', kb);
		expect(result.smallTalk).toBeUndefined();
		expect(result.answered).toBe(true);
		expect(result.question).toBe('hi, who represented Kazakhstan?');
		expect(result.answer).toMatch(/Askar Shakirov/);
	});
});
