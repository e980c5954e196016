import { expect, test } from 'vitest';
import { searchFacts, suggestQuestions, topicFacts, factContext } from '../../src/answering/index.ts';
import { knowledgeBaseOf, twoInstitutions } from '../helpers.ts';

const kb = await knowledgeBaseOf(twoInstitutions());
const lines = (facts: { document: string; line: number }[]) => facts.map((f) => `${f.document.split('-')[0]}:${f.line}`);

test('golden ranking: "ombudsman complaints" over two institutions', () => {
	expect(lines(searchFacts(kb, 'ombudsman complaints', 4).map((h) => h.fact))).toEqual([
		// Says "Ombudsman" and "complaints" outright.
		'valdorian:6',
		// Complaints, in the words of the ombudsman (found through whom the quote is attributed to);
		// ties with the next two and is the shortest.
		'kazakhstan:22',
		// "He or she may receive … complaints": leans on the commissioner named the sentence before.
		'kazakhstan:19',
		// Complaints under the memorandum, said by the ombudsman: the longest of the three.
		'kazakhstan:21',
	]);
});

test('topics list their facts, strongest first, without padding', () => {
	const independence = topicFacts(kb, 'independence');
	expect(independence.length).toBeGreaterThanOrEqual(4);
	expect(independence.every((f) => f.topics.includes('independence'))).toBe(true);
	expect(independence[0]!.text).toMatch(/political life|independen|branch of government/);
	expect(topicFacts(kb, 'cooperation').some((f) => /Organization of Islamic Cooperation/.test(f.text))).toBe(true);
	expect(topicFacts(kb, 'cooperation').some((f) => /adjudicate/.test(f.text))).toBe(false);
});

test('autocomplete completes the word being typed and never repeats a suggestion', () => {
	const suggestions = suggestQuestions(kb, 'national preven', 25);
	expect(suggestions[0]).toMatch(/National Preventive Mechanism/);
	expect(new Set(suggestions).size).toBe(suggestions.length);
	expect(suggestions.every((s) => s.length <= 100)).toBe(true);
	expect(suggestQuestions(kb, '', 5)).toHaveLength(5);
	expect(suggestQuestions(kb, 'zzzzqq', 5)).toEqual([]);
});

test('context gives the fact with its neighbours, in document order', () => {
	const fact = searchFacts(kb, 'Working Group for Prevention of Torture', 1)[0]!.fact;
	const context = factContext(kb, fact.id, 1);
	expect(context.map((f) => f.position)).toEqual([fact.position - 1, fact.position, fact.position + 1]);
});
