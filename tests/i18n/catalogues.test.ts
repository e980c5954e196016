import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { CATALOGUES, placeholdersOf, say } from '../../src/i18n/index.ts';

describe('catalogues', () => {
	test.each(Object.keys(CATALOGUES))('GIVEN %s THEN it has every English key, no other, each non-empty with the same placeholders', (language) => {
		const catalogue = CATALOGUES[language as keyof typeof CATALOGUES] as Record<string, string>;
		expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
		for (const [key, english] of Object.entries(en)) {
			expect(catalogue[key]!.trim(), `${language}.${key}`).not.toBe('');
			expect(placeholdersOf(catalogue[key]!), `${language}.${key}`).toEqual(placeholdersOf(english));
		}
	});

	test('GIVEN Russian and Kazakh THEN the bot\'s own messages are translated, not English left in place', () => {
		// A string with no words of its own (placeholders, code and punctuation only) may be the same in every language.
		const hasWords = (text: string) => /\p{L}/u.test(text.replace(/\{\w+\}|`[^`]*`/g, ''));
		const same = (language: 'ru' | 'kk') =>
			Object.keys(en).filter((key) => hasWords(en[key as keyof typeof en]) && CATALOGUES[language][key as keyof typeof en] === en[key as keyof typeof en]);
		expect(same('ru')).toEqual([]);
		expect(same('kk')).toEqual([]);
	});

	test('GIVEN values THEN say fills the placeholders; a missing one stays visible', () => {
		expect(say('en', 'flood', { seconds: 5 })).toBe("You're asking quickly: please wait 5 seconds before the next question.");
		expect(say('ru', 'contextFooter', { document: 'doc', line: 3 })).toBe('doc, строка 3');
		expect(say('kk', 'contextFooter', { document: 'doc' })).toBe('doc, {line}-жол');
	});
});
