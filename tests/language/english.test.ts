import { describe, expect, it } from 'vitest';
import {
	alternation,
	isMonthOrDay,
	isQuestionWord,
	KIND_ASKING_WORDS,
	KIND_NOUNS,
	NUMBER_WORDS,
	OFFICE_QUALIFIERS,
	ORDINALS,
	RANK_MODIFIERS,
	spellingsOf,
	STOPWORDS,
} from '../../src/language/english.ts';
import { words } from '../../src/search/analyze.ts';
import { expectationOf } from '../../src/search/expectation.ts';
import { readQuestion } from '../../src/search/query.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE } from '../helpers.ts';

const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);

/** One table of words: those the test should hold of, and those it should not. */
function holds(title: string, test: (word: string) => boolean, cases: { yes: string[]; no: string[] }): void {
	it.each([...cases.yes.map((word) => [word, true] as const), ...cases.no.map((word) => [word, false] as const)])(title, (word, expected) => {
		expect(test(word)).toBe(expected);
	});
}

describe('question words', () => {
	holds('%j is a question word: %s', isQuestionWord, {
		yes: ['who', 'Whom', 'whose', 'when', 'wen', 'whats', 'wich', 'how'],
		no: ['whatever', 'ombudsman', 'the', 'is'],
	});

	it.each([
		['when', ['when', 'wen']],
		['where', ['where', 'wher']],
		['what', ['what', 'whats', 'wat', 'wht']],
	])('%j is also written %j', (word, spellings) => {
		expect(spellingsOf(word).sort()).toEqual([...spellings].sort());
	});

	holds('%j asks for a kind of answer with the noun after it: %s', (word) => KIND_ASKING_WORDS.has(word), {
		yes: ['what', 'which', 'wich', 'whats'],
		no: ['who', 'how'],
	});
});

describe('kind nouns', () => {
	holds('%j names the kind of answer: %s', (word) => KIND_NOUNS.has(word), {
		yes: ['year', 'years', 'date', 'city', 'venue', 'number'],
		// "which hotel hosted it": the fact names "the Leela Palace Hotel", so the word must still be searched.
		no: ['hotel', 'ombudsman'],
	});
});

describe('months and days', () => {
	holds('%j is a month or a day: %s', isMonthOrDay, {
		yes: ['January', 'may', 'Wednesday', 'sunday'],
		no: ['mayor', 'wed', 'today'],
	});
});

describe('number words', () => {
	it.each([
		['one', 1],
		['five', 5],
		['twelve', 12],
		['dozen', 12],
		['fifty', 50],
		['hundred', 100],
		['million', 1_000_000],
		['second', undefined],
		['first', undefined],
	])('%j counts %s', (word, value) => {
		expect(NUMBER_WORDS.get(word)).toBe(value);
	});
});

describe('ordinals and ranks', () => {
	holds('%j picks one of a series: %s', (word) => ORDINALS.has(word), {
		yes: ['first', 'former', 'founding', 'predecessor'],
		// "how long does it last", "a second term": as often other words as ordinals.
		no: ['last', 'next', 'second'],
	});

	holds('%j makes an office another one: %s', (word) => RANK_MODIFIERS.includes(word), {
		yes: ['deputy', 'vice', 'former', 'interim'],
		// "acting": its stem is that of "Act" ("the Public Defender Act"); a chief ombudsman is the ombudsman.
		no: ['acting', 'chief'],
	});

	it.each(['deputy', 'vice', 'acting', 'public'])('%j qualifies an office', (word) => {
		expect(OFFICE_QUALIFIERS).toContain(word);
	});
});

describe('stopwords', () => {
	holds('%j is a stopword: %s', (word) => STOPWORDS.has(word), {
		yes: ['the', 'who', 'thanks', 'hey', 'former'],
		no: ['ombudsman', 'commission', 'forum', 'kazakhstan', 'year'],
	});

	holds('words() marks %j as a word not to score: %s', (word) => words(word)[0]!.isStopword, {
		yes: ['who', 'wich'],
		no: ['ombudsman'],
	});
});

describe('alternation', () => {
	it('puts longer words first so a prefix cannot match in their place', () => {
		expect(alternation(['chair', 'chairperson', 'chair'])).toBe('chairperson|chair');
		expect(new RegExp(`^(?:${alternation(['chair', 'chairperson'])})`).exec('chairperson')?.[0]).toBe('chairperson');
	});

	it('escapes what a regex would read as syntax', () => {
		expect(new RegExp(`^(?:${alternation(['mr.', 'a+b'])})$`).test('mrx')).toBe(false);
		expect(new RegExp(`^(?:${alternation(['mr.', 'a+b'])})$`).test('a+b')).toBe(true);
	});
});

describe("what's-name questions", () => {
	it('GIVEN "what\'s" THEN words() has already dropped its "\'s" when the question is read', () => {
		expect(words("what's his name").map((w) => w.surface)).toEqual(['what', 'his', 'name']);
	});

	it.each([
		["What's his name?", 'agent'],
		['whats his name', 'agent'],
		['whats the name of the chair', 'agent'],
		['What is the full name of the ombudsman?', 'agent'],
		["what's her name", 'agent'],
		// A name asked for without a person or a verb ("what name did they give it") says nothing about who.
		['what name did they give the law', 'none'],
		['what the law says about complaints', 'none'],
	])('%j asks for %s', (question, kind) => {
		expect(readQuestion(question, kb.index, kb.options).expectation.kind).toBe(kind);
	});

	it.each([
		["what's his name", 'agent'],
		['what his name', 'agent'],
		['whats his name', 'agent'],
		['what was their name', 'agent'],
	])('expectationOf(%j) asks for %s', (question, kind) => {
		expect(expectationOf(question).kind).toBe(kind);
	});
});
