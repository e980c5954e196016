import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { readSmallTalk } from '../../src/answering/smallTalk.ts';
import { say } from '../../src/i18n/index.ts';
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

describe('small talk in Russian and Kazakh', () => {
	test.each([
		['привет', 'greeting'],
		['Здравствуйте!', 'greeting'],
		['добрый день, бот', 'greeting'],
		['спасибо большое!', 'thanks'],
		['спасибо за помощь', 'thanks'],
		['пока', 'farewell'],
		['что ты умеешь?', 'capabilities'],
		['привет! кто ты?', 'capabilities'],
		['какие у тебя документы?', 'documents'],
		['помогите', 'help'],
		['сәлем', 'greeting'],
		['салем', 'greeting'],
		['сәлеметсіз бе!', 'greeting'],
		['рахмет', 'thanks'],
		['көп рахмет сізге', 'thanks'],
		['сау болыңыз', 'farewell'],
		['не істей аласың?', 'capabilities'],
		['қандай құжаттарыңыз бар?', 'documents'],
	])('%j is small talk: %s', (text, kind) => {
		expect(readSmallTalk(text)).toEqual({ kind });
	});

	test.each([
		['привет, кто представлял Казахстан?', 'кто представлял Казахстан?'],
		['спасибо! а когда расширили мандат?', 'когда расширили мандат?'],
		['сәлем, форум қайда өтті?', 'форум қайда өтті?'],
		['что ты знаешь о мандате омбудсмена?', 'что ты знаешь о мандате омбудсмена?'],
		['кто представлял Казахстан?', 'кто представлял Казахстан?'],
	])('%j is the question %j', (text, question) => {
		expect(readSmallTalk(text)).toEqual({ kind: null, question });
	});

	test.each([
		['привет', 'ru', say('ru', 'smallTalkGreeting', { example: '' }).slice(0, 12)],
		['спасибо', 'ru', say('ru', 'smallTalkThanks')],
		['что ты умеешь?', 'ru', say('ru', 'smallTalkCapabilities', { count: '', examples: '' }).slice(0, 12)],
		['сәлем', 'kk', say('kk', 'smallTalkGreeting', { example: '' }).slice(0, 12)],
		['рахмет', 'kk', say('kk', 'smallTalkThanks')],
	])('GIVEN %j THEN the reply is in the question’s language (%s), from its catalogue', (text, _language, start) => {
		const result = answer(text, kb);
		expect(result.smallTalk).toBeDefined();
		expect(result.answer.startsWith(start)).toBe(true);
		expect(result.answer).not.toBe(answer('hi', kb).answer);
	});

	test('GIVEN an English greeting and options.language THEN the reply is in that language; a Russian one stays Russian', () => {
		expect(answer('hi', kb, { language: 'kk' }).answer).toBe(answer('сәлем', kb).answer);
		expect(answer('привет', kb, { language: 'kk' }).answer).toBe(answer('привет', kb).answer);
		expect(answer('hi', kb).answer).toMatch(/^Hello!/);
	});
});

describe('answer: the bot’s own words in the question’s language', () => {
	test('GIVEN a Russian question about English documents that they do not answer THEN it says so in Russian, suggesting English', () => {
		const result = answer('какая зарплата у омбудсмена?', kb);
		expect(result.answered).toBe(false);
		expect(result.answer).toBe(say('ru', 'notFoundDocumentsInEnglish'));
	});

	test('GIVEN a Kazakh one THEN in Kazakh; an English one THEN the English "don’t say", whatever options.language says', () => {
		expect(answer('омбудсменнің жалақысы қанша?', kb).answer).toBe(say('kk', 'notFoundDocumentsInEnglish'));
		expect(answer('What is the ombudsman’s salary?', kb).answer).toBe(say('en', 'notFound'));
		expect(answer('What is the ombudsman’s salary?', kb, { language: 'ru' }).answer).toBe(say('en', 'notFound'));
	});
});
