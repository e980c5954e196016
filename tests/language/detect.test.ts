import { describe, expect, it } from 'vitest';
import { languageOf } from '../../src/language/detect.ts';

describe('languageOf', () => {
	it.each([
		// Plain questions, as typed.
		['who represented Kazakhstan at the forum?', 'en'],
		['Кто представлял Казахстан на форуме?', 'ru'],
		['Кездесуде Қазақстан атынан кім болды?', 'kk'],
		// Short messages: one or two words.
		['кто?', 'ru'],
		['кім?', 'kk'],
		['омбудсмен', 'ru'],
		['сәлем', 'kk'],
		['рахмет', 'kk'],
		['спасибо', 'ru'],
		['hi', 'en'],
		['', 'en'],
		['2013?', 'en'],
		// Mixed: a Russian question naming an English name, an English one naming a Russian abbreviation.
		['Кто такой Askar Shakirov?', 'ru'],
		['what is the НПМ', 'en'],
		['what does омбудсмен mean', 'en'],
		// Kazakh typed on a Russian keyboard: its function words tell it.
		['форум кай конак уйде отти', 'kk'],
		['омбудсмен сот шешимин озгерте ала ма', 'kk'],
		// Russian that quotes a Kazakh name is still Russian.
		['Уполномоченный по правам человека в Республике Казахстан рассказал о работе с жалобами граждан, поступившими в прошлом году из Қызылорда', 'ru'],
		['Адам құқықтары жөніндегі уәкіл халықаралық ұйымдармен ынтымақтасады', 'kk'],
	])('%j is %s', (text, language) => {
		expect(languageOf(text)).toBe(language);
	});
});
