import { describe, expect, test } from 'vitest';
import { Attributor, leansOnPrevious } from '../../src/knowledge/attribution.ts';

function attribute(sentences: string[]) {
	const attributor = new Attributor();
	return sentences.map((s) => attributor.next(s));
}

describe('Attributor', () => {
	test('GIVEN "He said" after a named speaker THEN the fact is about that person, office included', () => {
		const [, , third] = attribute([
			'Askar Shakirov, Commissioner for Human Rights (Ombudsman) represented Kazakhstan.',
			'Shakirov said the office is unique.',
			'He further revealed that the mandate had been expanded in 2008.',
		]);
		expect(third!.about).toBe('Askar Shakirov, Commissioner for Human Rights (Ombudsman)');
		expect(third!.standalone).toBe('Askar Shakirov further revealed that the mandate had been expanded in 2008.');
	});

	test('GIVEN a surname alone as speaker THEN the standalone text gives the full name', () => {
		const [, second] = attribute(['Chairperson Tomas Reyvik opened the meeting.', '"Rights matter," Reyvik told reporters.']);
		expect(second!.standalone).toBe('"Rights matter," Tomas Reyvik told reporters.');
		expect(second!.about).toBe('Tomas Reyvik, Chairperson');
	});

	test('GIVEN a mid-sentence "she said" THEN the pronoun is replaced by the speaker', () => {
		const [, second] = attribute(['Marta Hollander said the office is busy.', '"Nobody waits long," she said.']);
		expect(second!.standalone).toBe('"Nobody waits long," Marta Hollander said.');
	});

	test('GIVEN the generic "He or she" THEN it stands for the office named before, not for a person', () => {
		const [, , third] = attribute([
			'Askar Shakirov spoke at the meeting.',
			'A decree sets the procedures that the commissioner for human rights has to follow.',
			'He or she may receive complaints against officials.',
		]);
		expect(third!.about).toBe('the commissioner for human rights');
		expect(third!.standalone).toBe('The commissioner for human rights may receive complaints against officials.');
	});

	test('GIVEN no earlier person THEN a leading pronoun is left alone', () => {
		const [first] = attribute(['He said the forum opened.']);
		expect(first).toEqual({ standalone: 'He said the forum opened.' });
	});
});

test.each([
	['This, he said, ensured the independence.', true],
	['It was adopted in 2013.', true],
	["This year's meeting is hosted by India.", false],
	['Its budget grew by 8 percent.', false],
])('leansOnPrevious(%j) is %s', (sentence, expected) => {
	expect(leansOnPrevious(sentence)).toBe(expected);
});
