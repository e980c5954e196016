import { describe, expect, test } from 'vitest';
import { markInserted } from '../../src/answering/quote.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE } from '../helpers.ts';

describe('markInserted: the words ingestion put in, in brackets; the document\'s words as they are', () => {
	test.each([
		['the same sentence', 'Kazakhstan joined the forum.', 'Kazakhstan joined the forum.', 'Kazakhstan joined the forum.'],
		['a leading pronoun', 'He further revealed that the mandate grew.', 'Askar Shakirov further revealed that the mandate grew.', '[Askar Shakirov] further revealed that the mandate grew.'],
		['a pronoun mid-sentence, commas outside', 'This, he said, ensured independence.', 'This, Askar Shakirov said, ensured independence.', 'This, [Askar Shakirov] said, ensured independence.'],
		['a generic holder of an office', 'At the same time, he or she is not allowed to.', 'At the same time, the ombudsman is not allowed to.', 'At the same time, [the ombudsman] is not allowed to.'],
		['a capitalised office at the start', 'He or she may receive complaints.', 'The commissioner for human rights may receive complaints.', '[The commissioner for human rights] may receive complaints.'],
		['a surname made a full name', 'Shakirov said membership opens up opportunities.', 'Askar Shakirov said membership opens up opportunities.', '[Askar] Shakirov said membership opens up opportunities.'],
		['the speaker after a quotation: its marks kept', '"We will share it," he added.', '"We will share it," Askar Shakirov added.', '"We will share it," [Askar Shakirov] added.'],
		['a word with an apostrophe beside it', "He said the ombudsman's office grew.", "Askar Shakirov said the ombudsman's office grew.", "[Askar Shakirov] said the ombudsman's office grew."],
		['words only left out: the document\'s text', 'He said so, again.', 'He said so.', 'He said so, again.'],
		['a pronoun at the end', 'The award went to her', 'The award went to Lina Osei', 'The award went to [Lina Osei]'],
	])('GIVEN %s', (_, text, standalone, expected) => {
		expect(markInserted(text, standalone)).toBe(expected);
	});
});

test('GIVEN every fact of the shipped knowledge THEN the marked text, brackets taken out, is the standalone sentence, and what is outside them is the document\'s start and end', async () => {
	const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);
	const changed = kb.facts.filter((fact) => fact.text !== fact.standalone);
	expect(changed.length).toBeGreaterThan(5);
	for (const fact of changed) {
		const marked = markInserted(fact.text, fact.standalone);
		expect(marked.replace(/[[\]]/g, ''), fact.id).toBe(fact.standalone);
		const [before, after] = marked.split(/\[[^\]]*\]/) as [string, string];
		expect(fact.text.startsWith(before.trimEnd()) && fact.text.endsWith(after.trimStart()), fact.id).toBe(true);
	}
});
