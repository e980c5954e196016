import { describe, expect, test } from 'vitest';
import { cleanSentence, readSentences } from '../../src/knowledge/sentences.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ line: i + 1, text: t }));

describe('readSentences', () => {
	test('GIVEN a sentence broken across lines THEN it is joined and cited at its first line', () => {
		const { sentences } = readSentences(lines('First sentence here.\nThe mandate grew with the Working Group for\nPrevention of Torture, set up that year.'));
		expect(sentences.map((s) => [s.line, s.text])).toEqual([
			[1, 'First sentence here.'],
			[2, 'The mandate grew with the Working Group for Prevention of Torture, set up that year.'],
		]);
	});

	test('GIVEN site boilerplate lines THEN they are dropped and do not join the next line', () => {
		const { sentences } = readSentences(lines('One fact stands here.\nAlso Read\nRead more: Heatwave expected this weekend\nAnother fact stands here.'));
		expect(sentences.map((s) => s.text)).toEqual(['One fact stands here.', 'Another fact stands here.']);
		expect(sentences[1]!.line).toBe(4);
	});

	test('GIVEN a headline, byline and dateline THEN they are kept out of the facts', () => {
		const text = readSentences(lines('Commission marks ten years\n\n11 June 2025 | Daily News\n\nPORT ALDEN: The commission marked its anniversary on Thursday.'));
		expect(text.headings).toEqual(['Commission marks ten years', '11 June 2025 | Daily News']);
		expect(text.dateline).toBe('Port Alden');
		expect(text.sentences.map((s) => [s.line, s.text])).toEqual([[5, 'The commission marked its anniversary on Thursday.']]);
	});

	test.each([
		['a dateline on a line of its own', 'Омбудсмен Ставрании: две трети зданий недоступны\nВЕЛИГРАД, 4 июня.\nУполномоченный представил доклад парламенту.', 'ru', 'Велиград', 3],
		['a dateline opening the first sentence', 'Commission marks ten years\nPORT ALDEN: The commission marked its anniversary on Thursday.', 'en', 'Port Alden', 2],
	] as const)('GIVEN a headline right above %s, with no blank line THEN the headline is a heading and the dateline no fact', (_, text, language, place, line) => {
		const read = readSentences(lines(text), language);
		expect(read.headings).toHaveLength(1);
		expect(read.dateline).toBe(place);
		expect(read.sentences.map((s) => s.line)).toEqual([line]);
	});

	test('GIVEN a line further down that opens like a dateline ("OSCE: …") THEN the line above runs on into it', () => {
		const { sentences } = readSentences(lines('The commission met on Monday.\nIts report names two partners, among them the\nOSCE: the office says both helped.'));
		expect(sentences.map((s) => s.line)).toEqual([1, 2]);
	});

	test('GIVEN several sentences on one line THEN each is its own fact on that line', () => {
		const { sentences } = readSentences(lines('Intro line ends here.\nShakirov spoke first. He said the office is independent.'));
		expect(sentences.map((s) => [s.line, s.text])).toEqual([
			[1, 'Intro line ends here.'],
			[2, 'Shakirov spoke first.'],
			[2, 'He said the office is independent.'],
		]);
	});
});

describe('readSentences: questions as headings', () => {
	test('GIVEN a page of questions and answers THEN each question heads the sentences under it and is no fact', () => {
		const { sentences } = readSentences(lines('Сколько ждать ответа?\nВ течение 10 дней мы сообщаем, принята ли жалоба.\nРассмотрение занимает до 30 дней.\n\nНужно ли платить?\nОбращение бесплатное для всех.'), 'ru');
		expect(sentences.map((s) => [s.line, s.section])).toEqual([
			[2, 'Сколько ждать ответа?'],
			[3, 'Сколько ждать ответа?'],
			[6, 'Нужно ли платить?'],
		]);
	});

	test('GIVEN a heading that is no question after an answer THEN the sentences under it answer nothing', () => {
		const { sentences } = readSentences(lines('Нужно ли платить?\nОбращение бесплатное для всех.\n\nКонтакты\n\nПриемная работает по будним дням.'), 'ru');
		expect(sentences.map((s) => s.section)).toEqual(['Нужно ли платить?', undefined]);
	});

	test('GIVEN an interviewer’s question after a dash THEN it heads the answer, without the dash', () => {
		const { sentences } = readSentences(lines('— How do you choose which prisons to visit?\nWe go where the complaints come from.'));
		expect(sentences).toEqual([{ line: 2, text: 'We go where the complaints come from.', section: 'How do you choose which prisons to visit?' }]);
	});

	test.each([
		['a question among sentences', 'The office asked a question. Who pays for the repairs?\nNobody has answered so far.', 'en'],
		['a quoted question', '«Кто за это ответит?»\nДепутаты промолчали в ответ на это.', 'ru'],
	] as const)('GIVEN %s THEN it stays a sentence and heads nothing', (_, text, language) => {
		const { sentences } = readSentences(lines(text), language);
		expect(sentences.every((s) => s.section === undefined)).toBe(true);
		expect(sentences.some((s) => s.text.includes('?'))).toBe(true);
	});
});

describe('cleanSentence', () => {
	const cases: [string, string][] = [
		['priorities for 2015 to 2020) and a statement.', 'priorities for 2015 to 2020 and a statement.'],
		['“Curly” quotes and ‘single’ ones.', '"Curly" quotes and \'single\' ones.'],
		['He further said: "The main sphere is complaints.', 'He further said: The main sphere is complaints.'],
		['  spaced   out\u00a0text .', 'spaced out text.'],
	];
	for (const [input, expected] of cases) {
		test(`GIVEN ${JSON.stringify(input)} THEN ${JSON.stringify(expected)}`, () => expect(cleanSentence(input)).toBe(expected));
	}
});
