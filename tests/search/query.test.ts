import { describe, expect, test } from 'vitest';
import { expectationOf } from '../../src/search/expectation.ts';
import { readQuestion, splitChatter } from '../../src/search/query.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE } from '../helpers.ts';

const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);
const variantsOf = (question: string) => readQuestion(question, kb.index, kb.options).terms.map((t) => t.variants.map((v) => v.term));

describe('readQuestion', () => {
	test('GIVEN a misspelling whose stem is indexed for another word THEN it is still corrected', () => {
		// "officals" stems to "offic", the stem of "office"; the word meant is "officials" (a lexicon concept, with its Russian and Kazakh names).
		const labels = readQuestion('complaints against officals', kb.index, kb.options).terms.map((t) => t.label);
		expect(labels).toContain('officials');
	});

	test('GIVEN a real English word the documents lack THEN it is not turned into a word they have', () => {
		// "bases" is one letter from "cases"; it is a word of its own, so it stays unknown.
		const terms = readQuestion('which bases does the ombudsman use', kb.index, kb.options).terms;
		expect(terms.find((t) => t.label === 'bases')).toMatchObject({ known: false });
	});

	test.each([
		['what is the budget of the office', 'en'],
		['what was its budget in 2024', 'en'],
		['какой бюджет у аппарата уполномоченного', 'ru'],
		['какая зарплата у омбудсмена', 'ru'],
		['уәкілдің жалақысы қандай', 'kk'],
		['уакилдин жалакысы кандай', 'kk'],
	] as const)('GIVEN %j (a sum of money asked for) THEN it asks for a number', (question, language) => {
		expect(expectationOf(question, language).kind).toBe('number');
	});

	test.each([
		['Who was the ombudsman before Shakirov?', 'en', 'shakirov'],
		['кто был омбудсменом до оскольской', 'ru', 'оскольск'],
		['қасымбековтан бұрын уәкіл кім болған', 'kk', 'касымбеков'],
		['who was the ombudsman in 2019', 'en', undefined],
		['when did he speak after the vote', 'en', undefined],
		['who spoke after the vote', 'en', undefined],
	] as const)('GIVEN %j (%s) THEN the person its answer must be other than is %j', (question, language, other) => {
		expect(expectationOf(question, language).otherThan).toBe(other);
	});

	test('GIVEN a real English word one letter from a function word THEN it stays itself, and still asks its kind', () => {
		// "tall" is one letter from "all": turned into it, "how tall" asked nothing and any sentence with "palace" answered.
		const read = readQuestion('How tall is the palace?', kb.index, kb.options);
		expect(read.expectation.kind).toBe('number');
		expect(read.terms.map((t) => t.label)).toContain('tall');
	});

	test('GIVEN synonyms from the lexicon THEN they become one concept term', () => {
		const [phrase] = variantsOf('human rights commissioner');
		const [word] = variantsOf('ombudsman');
		// The phrase's own words stay as weaker variants, in case a fact has them without the whole phrase.
		expect(phrase![0]).toBe(word![0]);
		expect(phrase).toHaveLength(4);
	});

	test('GIVEN a function word whose stem is a synonym ("will" of "willing") THEN it is not that concept', () => {
		const terms = readQuestion('Who will host the forum?', kb.index, kb.options).terms;
		expect(terms.map((t) => t.label)).not.toContain('will');
	});

	test('GIVEN a multi-word name THEN its words together weigh what its rarest word weighs', () => {
		const terms = readQuestion('Where is the Leela Palace Hotel?', kb.index, kb.options).terms;
		const heaviest = Math.max(...terms.map((t) => kb.index.idf(t.variants[0]!.term)));
		expect(terms.reduce((sum, t) => sum + t.weight, 0)).toBeCloseTo(heaviest, 5);
	});
});

describe('expectationOf', () => {
	test.each([
		['When did Kazakhstan join the forum?', 'date'],
		['In what year was the law adopted?', 'date'],
		['can they do anything when a court gets it wrong', 'none'],
		['How many commissioners are there?', 'number'],
		['How long is the term?', 'duration'],
		['Who hosted the meeting?', 'agent'],
		["What's the name of the ombudsman?", 'agent'],
		['Where was the forum held?', 'place'],
		['Why is the office independent?', 'reason'],
	])('%j asks for %s', (question, kind) => {
		expect(expectationOf(question.toLowerCase()).kind).toBe(kind);
	});

	test('GIVEN "how many X" THEN the number must count X', () => {
		expect(expectationOf('how many commissioners sit on it').counted).toBe('commission');
	});

	test('GIVEN numbers and ordinals THEN they become constraints the fact must state', () => {
		expect(expectationOf('who was the first chair in 2015').constraints).toEqual(['first', '2015']);
		expect(expectationOf('who will host next year').constraints).toEqual(['next']);
		expect(expectationOf('what comes next').constraints).toEqual([]);
	});
});

describe('splitChatter', () => {
	test('GIVEN small talk around a question THEN the question sentence is the core', () => {
		expect(splitChatter('hi all, long day. Who hosted the meeting? thanks!')).toEqual({
			core: 'Who hosted the meeting?',
			chatter: 'hi all, long day. thanks!',
		});
	});

	test('GIVEN a single sentence THEN nothing is split off', () => {
		expect(splitChatter('Who hosted the meeting this year?').chatter).toBe('');
	});
});
