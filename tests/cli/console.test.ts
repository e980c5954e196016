import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { respond, runConsole } from '../../src/cli/console.ts';
import { knowledgeBaseOf, PROJECT_KNOWLEDGE } from '../helpers.ts';

const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);

test.each([
	['Who represented Kazakhstan at the meeting?', /Askar Shakirov[\s\S]*source: kazakhstan-joins-asia-pacific-forum, line 12[\s\S]*confidence: \d+%/],
	['How do I bake bread?', /documents I have don't say/],
	['/topic cooperation', /^cooperation \(\d+ facts\):\n1\. /],
	['/topic weather', /Unknown topic "weather"/],
	['/sources', /1 document, \d+ facts/],
	['/search torture prevention', /^1\. .*Torture/],
	['/frobnicate', /Unknown command \/frobnicate/],
])('console: %j', (line, expected) => {
	expect(respond(line, kb)).toMatch(expected);
});

test('GIVEN piped lines THEN the console answers each and stops at /quit', async () => {
	const input = new PassThrough();
	const output = new PassThrough();
	let printed = '';
	output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
	input.end('Who hosted this year’s meeting?\n/quit\nWho represented Kazakhstan at the meeting?\n');
	expect(await runConsole(PROJECT_KNOWLEDGE, input, output)).toBe(0);
	expect(printed).toMatch(/National Human Rights Commission of India/);
	expect(printed).not.toMatch(/represented Kazakhstan at the meeting/);
	expect(printed).toMatch(/Bye\.$/m);
});
