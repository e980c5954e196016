import { describe, expect, test } from 'vitest';
import { chooseLanguage, clearLanguageOf, languageOfLocale, type LanguageClues } from '../../src/i18n/choose.ts';

describe('chooseLanguage', () => {
	const cases: [string, LanguageClues, string][] = [
		['nothing known: English', {}, 'en'],
		['a Russian question beats every setting', { question: 'Кто представлял Казахстан на форуме?', user: 'kk', locale: 'en-US', guild: 'en' }, 'ru'],
		['a Kazakh question', { question: 'Форум қай қонақ үйде өтті?', user: 'ru' }, 'kk'],
		['an English question beats a Kazakh setting', { question: 'Who hosted the meeting?', user: 'kk', locale: 'ru' }, 'en'],
		['a one-word Latin message is no clue: the user setting', { question: 'hi', user: 'kk' }, 'kk'],
		['no letters: the user setting', { question: '???', user: 'ru' }, 'ru'],
		['a single Cyrillic word is clear', { question: 'привет', user: 'en' }, 'ru'],
		['no question: the user setting beats the locale', { user: 'kk', locale: 'ru' }, 'kk'],
		['no user setting: a Russian locale', { locale: 'ru', guild: 'kk' }, 'ru'],
		['an English locale is Discord\'s default: the server setting wins', { locale: 'en-US', guild: 'kk' }, 'kk'],
		['an other locale: the server setting', { locale: 'de', guild: 'ru' }, 'ru'],
		['a stored value the bot no longer speaks is ignored', { user: 'fr' as never, guild: 'xx' as never }, 'en'],
	];
	test.each(cases)('%s', (_name, clues, expected) => {
		expect(chooseLanguage(clues)).toBe(expected);
	});

	test('locales and clear languages', () => {
		expect(languageOfLocale('ru')).toBe('ru');
		expect(languageOfLocale('en-GB')).toBe('en');
		expect(languageOfLocale('uk')).toBeNull();
		expect(languageOfLocale(undefined)).toBeNull();
		expect(clearLanguageOf('ok')).toBeNull();
		expect(clearLanguageOf('what is the APF')).toBe('en');
	});
});
