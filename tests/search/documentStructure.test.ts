import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { readQuestion } from '../../src/search/query.ts';
import { candidateHolding, knowledgeBaseOf, knowledgeFolder } from '../helpers.ts';

/** How a document's layout carries meaning into the sentences: question headings, and sentences that cite the one before. */
const kb = await knowledgeBaseOf(
	knowledgeFolder({
		'faq.md': [
			'---\ntitle: Вопросы и ответы\nlanguage: ru\n---',
			'Сколько ждать ответа?',
			'В течение 10 рабочих дней мы сообщаем заявителю, принята ли жалоба.',
			'',
			'Нужно ли платить?',
			'Обращение к уполномоченному бесплатное для всех заявителей.',
		].join('\n'),
		'report.md': [
			'---\ntitle: Доклад\nlanguage: ru\n---',
			'Уполномоченный представил доклад о соблюдении прав человека в 2025 году.',
			'Согласно докладу, за год поступило 7412 обращений от граждан.',
			'Годом ранее поступило 6281 обращение от граждан республики.',
		].join('\n'),
	}),
);

function candidate(question: string, phrase: string) {
	const { read, found } = candidateHolding(kb, question, phrase);
	return { read, found, factIndex: kb.index.facts.indexOf(found.fact) };
}

describe('a question heading is no fact, and the sentences under it are found through its words', () => {
	test('GIVEN a page of questions and answers THEN the headings are not facts', () => {
		expect(kb.index.facts.map((f) => f.text)).not.toContain('Сколько ждать ответа?');
	});

	test('GIVEN a question worded as the heading THEN the answer under it is found, and earns the heading’s word less than its own', () => {
		const { read, factIndex } = candidate('сколько ждать', '10 рабочих дней');
		const wait = read.terms.find((t) => t.label === 'ждать')!;
		expect(kb.index.creditOf(factIndex, wait).credit).toBeGreaterThan(0);
		expect(kb.index.creditOf(factIndex, wait).credit).toBeLessThan(1);
	});

	test('GIVEN the next heading THEN the sentences under it earn only its words', () => {
		const { read, factIndex } = candidate('нужно ли платить за обращение', 'бесплатное');
		const pay = read.terms.find((t) => t.label === 'платить')!;
		expect(kb.index.creditOf(factIndex, pay).credit).toBeGreaterThan(0);
		const wait = readQuestion('сколько ждать', kb.index, kb.options).terms.find((t) => t.label === 'ждать')!;
		expect(kb.index.creditOf(factIndex, wait).credit).toBe(0);
	});
});

describe('a sentence that cites the report the one before named holds that sentence’s numbers', () => {
	test('GIVEN "Согласно докладу, …" after the sentence that dates the report THEN it holds the year the question states', () => {
		expect(candidate('сколько обращений поступило за 2025 год', '7412').found.signals.holdsConstraints).toBe(true);
	});

	test('GIVEN its answer THEN the sentence it leans on is shown before it, so the year it held is there to read', () => {
		expect(answer('сколько обращений поступило за 2025 год', kb).answer).toMatch(/^Уполномоченный представил доклад .* 2025 году\. Согласно докладу/);
	});

	test('GIVEN a sentence that does not lean on the one before THEN it does not', () => {
		expect(candidate('сколько обращений поступило за 2025 год', '6281').found.signals.holdsConstraints).toBe(false);
	});
});
