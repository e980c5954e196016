import { describe, expect, it } from 'vitest';
import { isCyrillic, latinSpellings, transliterate } from '../../src/language/transliterate.ts';

describe('transliterate', () => {
	it.each([
		['Казахстан', 'kazakhstan'],
		['Шакиров', 'shakirov'],
		['Астана', 'astana'],
		['форум', 'forum'],
		['меморандум', 'memorandum'],
		['Щучинск', 'shchuchinsk'],
		['Тихоокеанский', 'tikhookeansky'],
		['Қазақстан', 'qazaqstan'],
		['Өскемен', 'oskemen'],
		['Ёлка-2', 'yolka-2'],
	])('%j → %j', (cyrillic, latin) => {
		expect(transliterate(cyrillic)).toBe(latin);
	});

	it('offers the English spelling of Kazakh letters too', () => {
		expect(latinSpellings('Қазақстан')).toEqual(['qazaqstan', 'kazakstan']);
		expect(latinSpellings('Астана')).toEqual(['astana']);
	});

	it('knows Cyrillic text', () => {
		expect(isCyrillic('НПМ')).toBe(true);
		expect(isCyrillic('NPM')).toBe(false);
	});
});
