import { describe, expect, it } from 'vitest';
import { placeOfAdjective, RUSSIAN_STOPWORDS } from '../../src/language/russian.ts';
import { splitCyrillicSentences } from '../../src/knowledge/sentences.ts';
import { stem, words } from '../../src/search/analyze.ts';
import { expectationOf } from '../../src/search/expectation.ts';

describe('Russian stemming (Snowball)', () => {
	it.each([
		['омбудсмена', 'омбудсмен'],
		['уполномоченного', 'уполномоченному'],
		['жалоба', 'жалобы'],
		['пытки', 'пытка'],
		['независимость', 'независимости'],
		['Казахстана', 'Казахстан'],
		['оскольскую', 'Оскольская'],
	])('%j and %j share a stem', (a, b) => {
		expect(words(a, 'ru')[0]!.stem).toBe(words(b, 'ru')[0]!.stem);
	});

	it('keeps й and folds ё, so the stemmer sees the word as written', () => {
		expect(words('новый ёлка', 'ru').map((w) => w.surface)).toEqual(['новый', 'елка']);
		expect(stem('новый', 'ru')).toBe('нов');
	});

	it('reads "2013м" and "2008г" as the numbers', () => {
		expect(words('в 2013м, в 2008г', 'ru').map((w) => w.surface)).toEqual(['в', '2013', 'в', '2008']);
	});

	it('skips function and question words', () => {
		expect(words('кто был от Казахстана на этой встрече', 'ru').filter((w) => !w.isStopword).map((w) => w.surface)).toEqual(['казахстана', 'встрече']);
		expect(RUSSIAN_STOPWORDS.has('омбудсмен')).toBe(false);
	});

	it('finds the place an adjective is made from', () => {
		expect(placeOfAdjective(stem('таврийский', 'ru'))).toBe(stem('таврии', 'ru'));
		expect(placeOfAdjective(stem('казахстанский', 'ru'))).toBe('казахстан');
		expect(placeOfAdjective(stem('омбудсмен', 'ru'))).toBeUndefined();
	});
});

describe('Russian question kinds', () => {
	it.each([
		['когда оскольскую избрали уполномоченным', 'date'],
		['в каком году появилась должность', 'date'],
		['сколько обращений поступило', 'number'],
		['скока голосов нужно', 'number'],
		['на сколько лет выбирают омбудсмена', 'duration'],
		['кто избирает уполномоченного', 'agent'],
		['как зовут председателя', 'agent'],
		['где находится представительство', 'place'],
		['почему омбудсмен независим', 'reason'],
		['может ли омбудсмен отменить решение суда', 'none'],
	])('%j asks for %s', (question, kind) => {
		expect(expectationOf(question, 'ru').kind).toBe(kind);
	});

	it('"сколько X" counts X', () => {
		expect(expectationOf('сколько всего обращений поступило', 'ru').counted).toBe(stem('обращений', 'ru'));
	});
});

describe('Russian sentences', () => {
	it.each([
		['В 2008 г. мандат был расширен. Он стал шире.', ['В 2008 г. мандат был расширен.', 'Он стал шире.']],
		['Жалобы касались пенсий, пособий и т.д. Их стало больше.', ['Жалобы касались пенсий, пособий и т.д.', 'Их стало больше.']],
		['Это, т.е. работа, важно. Так сказал А. С. Иванов по ст. 12 закона.', ['Это, т.е. работа, важно.', 'Так сказал А. С. Иванов по ст. 12 закона.']],
		['«Мы смогли помочь», — сказала она. «Это важно!» Да.', ['«Мы смогли помочь», — сказала она.', '«Это важно!»', 'Да.']],
	])('%j splits into %j', (text, sentences) => {
		expect(splitCyrillicSentences(text).map((p) => p.text)).toEqual(sentences);
	});
});
