import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { properNames } from '../../src/knowledge/names.ts';
import type { Fact } from '../../src/knowledge/types.ts';
import { kazakhSurname } from '../../src/language/kazakh.ts';
import { russianSurname } from '../../src/language/russian.ts';
import { leansOnPrevious } from '../../src/knowledge/attribution.ts';
import { personReferences } from '../../src/search/personReference.ts';
import { readQuestion } from '../../src/search/query.ts';
import { knowledgeBaseOf, knowledgeFolder } from '../helpers.ts';

/** Facts as ingestion makes them, with the names ingestion finds: only what personReferences reads. */
const factsOf = (sentences: readonly string[]): Fact[] =>
	sentences.map((text, position) => ({ text, names: properNames(text, 'ru'), position }) as unknown as Fact);

describe('personReferences: whom a Russian sentence speaks of by a pronoun alone', () => {
	const facts = factsOf([
		'Уполномоченный по правам ребенка Елена Маркова подвела итоги года.',
		'По ее словам, к ней обратились 2 190 человек.',
		'Больше всего нарушений выявлено в Озерском районе, где она провела проверку.',
		'Маркова сообщила, что сотрудники посетили 41 интернат.',
		'«Это важно», — сказала она.',
		'Заместителем назначен Тимур Гаранин.',
		'Он будет курировать защиту прав детей.',
		'Бюджет составил 27 млн рублей.',
	]);

	test('GIVEN a person introduced by first name and surname THEN a later "ее", "она", "он" refers to the last one named', () => {
		expect(personReferences(facts, 'ru')).toEqual([undefined, 'Маркова', 'Маркова', undefined, 'Маркова', undefined, 'Гаранин', undefined]);
	});

	test('GIVEN an English document THEN nothing: ingestion attributes English pronouns itself', () => {
		expect(personReferences(facts, 'en').every((p) => p === undefined)).toBe(true);
	});

	test.each([
		['Оскольской', 'оскольск'],
		['Вересов', 'вересов'],
		['Вересова', 'вересов'],
		['Гаранину', 'гаранин'],
		['Таврии', undefined],
		['Народному', undefined],
	])('russianSurname(%j) → %j', (word, surname) => {
		expect(russianSurname(word)).toBe(surname);
	});

	test('kazakhSurname reads the Russian-style and the -ұлы surnames under their endings', () => {
		expect(kazakhSurname('Ахметованың')).toBe('ахметов');
		expect(kazakhSurname('Сәрсенұлы')).toBe('сәрсенұлы');
		expect(kazakhSurname('Астанада')).toBeUndefined();
	});
});

describe('a Russian document end to end: a question naming the person finds the sentence that says "she"', () => {
	const note = [
		'---',
		'title: Доклад детского омбудсмена',
		'language: ru',
		'---',
		'Уполномоченный по правам ребенка Елена Маркова представила доклад парламенту.',
		'По ее словам, за год к ней обратились 2 190 человек.',
		'Бюджет аппарата составил 27 млн рублей.',
		'',
	].join('\n');

	test('GIVEN the sentence that says "По ее словам" THEN the index holds Маркова for it, as a reference; the one after names nobody', async () => {
		const kb = await knowledgeBaseOf(knowledgeFolder({ 'lugansk-note.md': note }));
		const [surname] = readQuestion('Марковой', kb.index, kb.options).terms;
		const [introduced, saidBy, budget] = [0, 1, 2].map((i) => kb.index.creditOf(i, surname!));
		expect(introduced).toMatchObject({ direct: true });
		expect(saidBy!.direct).toBe(false);
		expect(saidBy!.credit).toBeGreaterThan(0);
		expect(budget!.credit).toBe(0);
		expect(answer('сколько человек обратились к Марковой за год?', kb).answer).toMatch(/^По ее словам, за год к ней обратились 2 190 человек/);
	});
});

describe('leansOnPrevious: a Russian or Kazakh sentence whose subject is the one before it', () => {
	test.each([
		['Он не вправе быть членом политической партии.', 'ru', true],
		['Это позволило сократить сроки.', 'ru', true],
		['Ол саяси партияның мүшесі бола алмайды.', 'kk', true],
		['Уполномоченный не может быть депутатом.', 'ru', false],
		['Оскольская представила доклад.', 'ru', false],
		['Он не вправе быть членом политической партии.', 'en', false],
	] as const)('%j (%s) → %s', (text, language, leans) => {
		expect(leansOnPrevious(text, language)).toBe(leans);
	});

	test('GIVEN "Он не вправе …" after a sentence about the ombudsman THEN it is found through that sentence’s words, as a reference', async () => {
		const law = '---\ntitle: Закон\nlanguage: ru\n---\nУполномоченный не может быть депутатом краевого собрания.\nОн не вправе быть членом политической партии.\nБюджет утверждается ежегодно отдельной строкой.\n';
		const kb = await knowledgeBaseOf(knowledgeFolder({ 'law.md': law }));
		const [deputy] = readQuestion('депутатом', kb.index, kb.options).terms;
		const [own, leaning, unrelated] = [0, 1, 2].map((i) => kb.index.creditOf(i, deputy!));
		expect(own!.direct).toBe(true);
		expect(leaning!.direct).toBe(false);
		expect(leaning!.credit).toBeGreaterThan(0);
		expect(unrelated!.credit).toBe(0);
	});
});
