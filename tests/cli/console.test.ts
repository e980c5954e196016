import { PassThrough } from 'node:stream';
import { expect, test, vi } from 'vitest';
import { consoleLanguage, respond, runConsole, type ConsoleSession } from '../../src/cli/console.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE } from '../helpers.ts';

const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);

test.each([
	['Who represented Kazakhstan at the meeting?', /Askar Shakirov[\s\S]*source: kazakhstan-joins-asia-pacific-forum, line 12[\s\S]*confidence: \d+%/],
	['How do I bake bread?', /documents I have don't say/],
	['/topic cooperation', /^cooperation \(\d+ facts\):\n1\. /],
	['/topic weather', /Unknown topic "weather"/],
	['/sources', /^1 document, \d+ facts, built in \d+ ms\.\n {2}kazakhstan-joins-asia-pacific-forum: /],
	['/search torture prevention', /^1\. .*Torture/],
	['/frobnicate', /Unknown command \/frobnicate/],
])('console: %j', (line, expected) => {
	expect(respond(line, kb)).toMatch(expected);
});

/** Runs the console over piped `lines` and resolves with all it printed. */
async function consoleOver(lines: string): Promise<string> {
	const input = new PassThrough();
	const output = new PassThrough();
	let printed = '';
	output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	input.end(lines);
	expect(await runConsole(PROJECT_KNOWLEDGE, input, output)).toBe(0);
	return printed;
}

test('GIVEN piped lines THEN the console answers each and stops at /quit', async () => {
	const printed = await consoleOver('Who hosted this year’s meeting?\n/quit\nWho represented Kazakhstan at the meeting?\n');
	expect(printed).toMatch(/National Human Rights Commission of India/);
	expect(printed).not.toMatch(/represented Kazakhstan at the meeting/);
	expect(printed).toMatch(/Bye\.$/m);
});

test('GIVEN /why before any question THEN nothing to explain; after one THEN the threshold, terms and contributions', () => {
	const session = {};
	expect(respond('/why', kb, session)).toMatch(/Nothing to explain yet/);
	expect(respond('When was the forum founded?', kb, session)).toMatch(/documents I have don't say/);
	const why = respond('/why', kb, session);
	expect(why).toMatch(/^Why: When was the forum founded\?\nregime \w+, threshold [\d.]+, margin/);
	expect(why).toMatch(/terms: .*founded/);
	expect(why).toMatch(/\d+% \(logit -?[\d.]+\) kazakhstan-joins-asia-pacific-forum:\d+/);
	expect(why).toMatch(/^ {6}\w+ [+-][\d.]+, \w+ [+-][\d.]+/m);
	// Commands are not questions: /why still explains the last question after them.
	respond('/sources', kb, session);
	expect(respond('/why', kb, session)).toMatch(/^Why: When was the forum founded\?/);
});

test('GIVEN piped lines THEN /why explains the question before it', async () => {
	const printed = await consoleOver('/why\nWho hosted this year’s meeting?\n/why\n/help\n');
	expect(printed).toMatch(/Nothing to explain yet/);
	expect(printed).toMatch(/Why: Who hosted this year’s meeting\?\nregime \w+, threshold/);
	expect(printed).toMatch(/\/why {12}why the last answer/);
});

test('GIVEN the console starts THEN its first line is a sentence, not a list heading ("built in 93 ms:")', async () => {
	const printed = await consoleOver('');
	expect(printed.split('\n')[0]).toMatch(/^Ombudsbot console \(no DISCORD_TOKEN set\)\. 1 document, \d+ facts, built in \d+ ms\.$/);
});

test('GIVEN /topic with a typo THEN it is read as the topic, as questions are typo-corrected', () => {
	expect(respond('/topic independance', kb)).toMatch(/^independence \(\d+ facts\):\n1\. /);
	expect(respond('/topic cooperaton', kb)).toMatch(/^cooperation \(/);
	expect(respond('/topic weather', kb)).toMatch(/Unknown topic "weather"/);
});

test('GIVEN a terminal and Ctrl-C THEN "Bye." goes on a line of its own, not after the prompt', async () => {
	const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
	const output = new PassThrough();
	let printed = '';
	output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	const done = runConsole(PROJECT_KNOWLEDGE, input, output);
	// The prompt is written once the knowledge base is loaded; Ctrl-C arrives after it.
	await vi.waitFor(() => expect(printed).toContain('ombudsbot> '), { timeout: 10_000 });
	input.write('\x03');
	expect(await done).toBe(0);
	expect(printed).toMatch(/\nBye\.\n$/);
	// readline moves the cursor with an escape sequence (ESC [ n G) before it prints.
	expect(printed).not.toMatch(new RegExp(`ombudsbot> (?:${String.fromCharCode(0x1b)}\\[\\d+G)?Bye`));
});

test('GIVEN small talk in the console THEN a friendly reply without a confidence line, and /why says there is nothing to explain', () => {
	const session = {};
	const reply = respond('hello!', kb, session);
	expect(reply).toMatch(/^Hello!/);
	expect(reply).not.toMatch(/confidence/);
	expect(respond('/why', kb, session)).toMatch(/was small talk/);
	expect(respond('hi, who represented Kazakhstan at the meeting?', kb)).toMatch(/Askar Shakirov[\s\S]*confidence: \d+%/);
});

test('GIVEN a refusal THEN no percentage and numbered suggestions in full; a bare number right after it answers that suggestion', () => {
	const session: ConsoleSession = {};
	const refusal = respond('When was the forum founded?', kb, session);
	expect(refusal).toMatch(/^The documents I have don't say\.\n\nDid you mean:\n {2}1\. /);
	expect(refusal).not.toMatch(/%|confidence/);
	expect(refusal).toMatch(/Type a number from 1 to \d to have it answered\.$/);
	const suggestions = [...session.suggestions!];
	expect(suggestions.length).toBeGreaterThan(1);
	suggestions.forEach((suggestion, index) => expect(refusal).toContain(`  ${index + 1}. ${suggestion}\n`));
	expect(respond('9', kb, session)).toBe(`Pick a number from 1 to ${suggestions.length}, or ask a question.`);
	const picked = respond('2', kb, session);
	expect(picked).toMatch(/source: kazakhstan-joins-asia-pacific-forum, line \d+[\s\S]*confidence: \d+%/);
	expect(session.lastQuestion).toBe(suggestions[1]);
	// After an answer a number is a question again, not a pick.
	expect(session.suggestions).toBeUndefined();
	expect(respond('1', kb, session)).toMatch(/^The documents I have don't say\./);
});

test('GIVEN piped lines THEN "1" after a refusal answers the first suggestion', async () => {
	const printed = await consoleOver('When was the forum founded?\n1\n');
	expect(printed).toMatch(/Did you mean:\n {2}1\. [\s\S]*\n {2}source: kazakhstan-joins-asia-pacific-forum, line \d+/);
});

test('GIVEN an answer on two sentences of one line THEN its source is listed once, with where the document comes from', () => {
	const reply = respond('What ensured the independence of the ombudsman?', kb);
	expect(reply).toMatch(/This, \[Askar Shakirov\] said, ensured/);
	expect(reply.match(/ {2}source: /g)).toHaveLength(1);
	expect(reply).toMatch(/source: kazakhstan-joins-asia-pacific-forum, line 13 · News article \(seed document of the project\)/);
});

test('GIVEN /topic and /search THEN a fact whose pronoun was resolved shows the name put in for it in brackets', () => {
	expect(respond('/topic independence', kb)).toMatch(/\[the ombudsman\] is not allowed to participate/);
	expect(respond('/search adjudicate judiciary', kb)).toMatch(/^1\. \[The commissioner for human rights\] cannot adjudicate/);
});

test('GIVEN the console THEN it is one conversation: "who is he?" and "tell me more" follow the answer before', () => {
	const session: ConsoleSession = { now: () => 0 };
	respond('Who represented Kazakhstan at the meeting?', kb, session);
	const who = respond('who is he?', kb, session);
	expect(who).toMatch(/^\(read as: who is Askar Shakirov\?\)\nAskar Shakirov, Commissioner for Human Rights/);
	expect(session.lastQuestion).toBe('who is Askar Shakirov?');
	expect(respond('tell me more', kb, session)).toMatch(/^\(read as: tell me more about: who is Askar Shakirov\?\)\nAddressing participants/);
});

test('GIVEN more than ten minutes since the last answer THEN a console follow-up stands alone', () => {
	let now = 0;
	const session: ConsoleSession = { now: () => now };
	respond('Who represented Kazakhstan at the meeting?', kb, session);
	now = 11 * 60_000;
	expect(respond('who is he?', kb, session)).toMatch(/^The documents I have don't say\./);
});

test('GIVEN piped lines THEN a follow-up leans on the answer before it', async () => {
	const printed = await consoleOver('Where was the 19th annual forum held?\nand who hosted it?\ntell me more\n');
	expect(printed).toMatch(/\(read as: who hosted the 19th annual forum\?\)/);
	expect(printed).toMatch(/\(read as: tell me more about: who hosted the 19th annual forum\?\)\nThis year's meeting is being hosted by the National Human Rights Commission of India\./);
});

test.each([
	['ru', 'Здравствуйте!', 'Введите /help', /^Задайте вопрос обычными словами/, /^Неизвестная команда \/frobnicate/],
	['kk', 'Сәлеметсіз бе!', '/help енгізіңіз', /^Сұрағыңызды қарапайым сөздермен/, /^Белгісіз команда \/frobnicate/],
] as const)('GIVEN --lang %s THEN the console greets, helps and answers small talk in it', async (language, greeting, greetingLine, helpText, unknown) => {
	const session: ConsoleSession = { language };
	expect(respond('hi', kb, session)).toMatch(new RegExp(`^${greeting}`));
	expect(respond('/help', kb, session)).toMatch(helpText);
	expect(respond('/frobnicate', kb, session)).toMatch(unknown);
	const input = new PassThrough();
	const output = new PassThrough();
	let printed = '';
	output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	input.end('/quit\n');
	expect(await runConsole(PROJECT_KNOWLEDGE, input, output, language)).toBe(0);
	expect(printed).toContain(greetingLine);
});

test('GIVEN --lang ru THEN an answer’s frame is Russian and says the source is in English; an English question keeps an English frame', () => {
	const session: ConsoleSession = { language: 'ru' };
	expect(respond('кто представлял Казахстан на встрече?', kb, session)).toMatch(/Askar Shakirov[\s\S]*источник: kazakhstan-joins-asia-pacific-forum, строка 12[\s\S]*Источник на английском[\s\S]*уверенность: \d+%/);
	expect(respond('Who represented Kazakhstan at the meeting?', kb, session)).toMatch(/source: kazakhstan-joins-asia-pacific-forum, line 12[\s\S]*confidence: \d+%/);
	expect(respond('/sources', kb, session)).toMatch(/^документов: 1, фактов: \d+, собрано за \d+ мс\.\n {2}/);
});

test.each([
	[['--lang', 'kk'], { language: 'kk' }],
	[['--lang=ru'], { language: 'ru' }],
	[[], { language: 'en' }],
	[['--lang', 'de'], { error: '--lang must be one of en, ru, kk (got "de")' }],
	[['--lang'], { error: '--lang must be one of en, ru, kk (got nothing)' }],
])('consoleLanguage(%j) → %j', (args, expected) => {
	expect(consoleLanguage(args)).toEqual(expected);
});
