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
		expect(latinSpellings('Қазақстан').slice(0, 2)).toEqual(['qazaqstan', 'kazakstan']);
		expect(latinSpellings('Астана')).toEqual(['astana']);
	});

	it.each([
		['Квиллон', 'quillon'],
		['Арнезия', 'arnesia'],
		['партия', 'party'],
		['Максим', 'maxim'],
		['Джонас', 'jonas'],
	])('spells %j back as English gave it to Russian: %j', (cyrillic, latin) => {
		expect(latinSpellings(cyrillic)).toContain(latin);
	});

	it('keeps the plain transliteration first, so a Russian name is found as English news spells it', () => {
		expect(latinSpellings('Шакиров')[0]).toBe('shakirov');
		expect(latinSpellings('Казахстан')[0]).toBe('kazakhstan');
	});

	it('knows Cyrillic text', () => {
		expect(isCyrillic('НПМ')).toBe(true);
		expect(isCyrillic('NPM')).toBe(false);
	});
});
