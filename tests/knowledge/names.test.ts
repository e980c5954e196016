import { describe, expect, test } from 'vitest';
import { personNames, properNames } from '../../src/knowledge/names.ts';

describe('properNames', () => {
	test.each([
		['Is the Valdorian ombudsman here?', ['Valdorian']],
		['The Organization of Islamic Cooperation met in Astana.', ['Organization of Islamic Cooperation', 'Astana']],
		['Chairperson Tomas Reyvik said so.', ['Chairperson Tomas Reyvik']],
	])('%j → %j', (sentence, names) => {
		expect(properNames(sentence)).toEqual(names);
	});
});

describe('personNames', () => {
	test.each([
		['Chairperson Tomas Reyvik said so.', ['Tomas Reyvik']],
		['The National Assembly elects them.', []],
		['Askar Shakirov represented Kazakhstan.', ['Askar Shakirov']],
	])('%j → %j', (sentence, names) => {
		expect(personNames(sentence)).toEqual(names);
	});
});
