import { describe, expect, test } from 'vitest';
import { citedDocuments, httpsLink, linesText } from '../../src/answering/sources.ts';
import type { KnowledgeDocument } from '../../src/knowledge/types.ts';

describe('httpsLink: a source a reply may open', () => {
	test.each([
		['https://example.org/report-2024', 'https://example.org/report-2024'],
		['https://EXAMPLE.org', 'https://example.org/'],
		['http://example.org/report', undefined],
		['javascript:alert(1)', undefined],
		['file:///etc/passwd', undefined],
		['https://user:secret@example.org/', undefined],
		['https://example.org/a b', undefined],
		['News article (seed document of the project)', undefined],
		[`https://example.org/${'a'.repeat(600)}`, undefined],
		[undefined, undefined],
	])('GIVEN %s THEN %s', (source, expected) => {
		expect(httpsLink(source)).toBe(expected);
	});
});

describe('linesText', () => {
	test.each([
		[[12], 'line 12'],
		[[12, 13], 'lines 12 and 13'],
		[[12, 13, 15], 'lines 12, 13 and 15'],
	])('GIVEN %o THEN %s', (lines, expected) => {
		expect(linesText(lines)).toBe(expected);
	});
});

describe('citedDocuments', () => {
	const documents = [
		{ id: 'report', title: 'Annual report', source: 'https://example.org/r', date: '2024-03-01' },
		{ id: 'news', title: 'News', source: 'a newspaper' },
		{ id: 'bare', title: 'Bare' },
	] as KnowledgeDocument[];

	test('GIVEN two sentences of one document THEN that document once, lines ascending and each once, in the order first cited', () => {
		const cited = citedDocuments(
			[
				{ document: 'news', line: 9, text: '' },
				{ document: 'report', line: 13, text: '' },
				{ document: 'report', line: 12, text: '' },
				{ document: 'report', line: 13, text: '' },
				{ document: 'bare', line: 1, text: '' },
			],
			documents,
		);
		expect(cited).toEqual([
			{ document: 'news', title: 'News', lines: [9], origin: 'a newspaper' },
			{ document: 'report', title: 'Annual report', lines: [12, 13], date: '2024-03-01', link: 'https://example.org/r' },
			{ document: 'bare', title: 'Bare', lines: [1] },
		]);
	});

	test('GIVEN a document no longer loaded THEN its id stands for its title', () => {
		expect(citedDocuments([{ document: 'gone', line: 3, text: '' }], documents)).toEqual([{ document: 'gone', title: 'gone', lines: [3] }]);
	});
});
