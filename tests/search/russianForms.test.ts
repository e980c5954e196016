import { describe, expect, test } from 'vitest';
import { compoundDurationUnit } from '../../src/language/russian.ts';
import { readQuestion } from '../../src/search/query.ts';
import { candidateHolding, knowledgeBaseOf, knowledgeFolder, PROJECT_KNOWLEDGE } from '../helpers.ts';

const kb = await knowledgeBaseOf(
	knowledgeFolder(
		{
			'tavria.md': [
				'---\ntitle: Доклад уполномоченного\nlanguage: ru\n---',
				'Подать жалобу уполномоченному можно лично или по почте.',
				'Уполномоченным по правам человека избрана Дарина Оскольская.',
				'Жалобы на омбудсмена рассматривает суд.',
				'Омбудсмен избирается на семилетний срок без права переизбрания.',
				'Аппарат подписал меморандум с уполномоченным Республики Велесия.',
				'За год были восстановлены права заявителей в 1236 случаях.',
				'До избрания Оскольская три года работала в аппарате, а ее предшественником был Игорь Белов.',
			].join('\n'),
		},
		PROJECT_KNOWLEDGE,
	),
);

/** Whether the retriever finds that the candidate holding `phrase` answers the question's kind ("кто" → someone). */
function meets(question: string, phrase: string): boolean {
	return candidateHolding(kb, question, phrase).found.signals.meetsExpectation;
}

describe('who-questions in Russian: the office the question names is no answer in another form or by a synonym', () => {
	test.each([
		['кто омбудсмен', 'Подать жалобу', false],
		['кто уполномоченный', 'Подать жалобу', false],
		['кто омбудсмен', 'Дарина Оскольская', true],
		['кто рассматривает жалобы на омбудсмена', 'рассматривает суд', true],
		// The question names the republic in another case: the sentence names nobody new.
		['как зовут омбудсмена велесии', 'Республики Велесия', false],
		['с кем аппарат подписал меморандум', 'Республики Велесия', true],
		// Someone other than the person named is asked for: only another person's full name answers.
		['кто был омбудсменом до оскольской', 'Дарина Оскольская', false],
		['кто был омбудсменом до оскольской', 'Игорь Белов', true],
	])('GIVEN %j THEN the fact with %j names someone the question does not: %s', (question, phrase, expected) => {
		expect(meets(question, phrase)).toBe(expected);
	});
});

describe('a Russian count may stand after the noun it counts', () => {
	test.each([
		['скольким заявителям восстановили права', 'в 1236 случаях', true],
		['сколько судей восстановили права', 'в 1236 случаях', false],
	])('GIVEN %j THEN the fact with %j counts what is asked: %s', (question, phrase, expected) => {
		expect(meets(question, phrase)).toBe(expected);
	});
});

describe('a Russian compound adjective of a duration holds its unit', () => {
	test.each([
		['семилетний', 'лет'],
		['Трехмесячный', 'месяцев'],
		['десятидневного', 'дней'],
		['летний', undefined],
		['многолетний', 'лет'],
		['светлый', undefined],
	])('GIVEN %j THEN its unit is %j', (word, unit) => {
		expect(compoundDurationUnit(word)).toBe(unit);
	});

	test('GIVEN "на сколько лет" THEN "семилетний срок" earns "лет"', () => {
		const read = readQuestion('на сколько лет избирается омбудсмен', kb.index, kb.options);
		const years = read.terms.find((t) => t.label === 'лет');
		const fact = kb.index.facts.findIndex((f) => f.text.includes('семилетний'));
		expect(years && kb.index.creditOf(fact, years).credit).toBeGreaterThan(0);
	});
});
