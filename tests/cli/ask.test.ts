import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { knowledgeFolder } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs the CLI exactly as scripts and the eval do: `npm run --silent ask -- …`. */
function ask(args: string[], input?: string) {
	const run = spawnSync('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('ask --json', () => {
	test('GIVEN a question THEN stdout is one JSON object of the documented shape', () => {
		const { code, stdout } = ask(['--json', 'Who hosted the meeting this year?']);
		expect(code).toBe(0);
		const lines = stdout.trim().split('\n');
		expect(lines).toHaveLength(1);
		const result = JSON.parse(lines[0]!);
		expect(result).toMatchObject({
			question: 'Who hosted the meeting this year?',
			answered: true,
			answer: expect.stringContaining('National Human Rights Commission of India'),
			confidence: expect.any(Number),
			sources: [{ document: 'kazakhstan-joins-asia-pacific-forum', line: 10, text: expect.any(String) }],
			ms: expect.any(Number),
		});
		expect(result.confidence).toBeGreaterThan(0);
		expect(result.confidence).toBeLessThanOrEqual(1);
	});

	test('GIVEN --batch - THEN one object per non-empty line, in order', () => {
		const { code, stdout } = ask(['--json', '--batch', '-'], 'Who represented Kazakhstan at the meeting?\n\n   \nWhat is the capital of Peru?\n');
		expect(code).toBe(0);
		const results = stdout.trim().split('\n').map((l) => JSON.parse(l));
		expect(results.map((r) => [r.question, r.answered])).toEqual([
			['Who represented Kazakhstan at the meeting?', true],
			['What is the capital of Peru?', false],
		]);
	});

	test('GIVEN --topic THEN the topic and its cited facts', () => {
		const { code, stdout } = ask(['--json', '--topic', 'independence']);
		expect(code).toBe(0);
		const result = JSON.parse(stdout);
		expect(result.topic).toBe('independence');
		expect(result.facts.length).toBeGreaterThan(2);
		expect(result.facts[0]).toEqual({ text: expect.any(String), document: 'kazakhstan-joins-asia-pacific-forum', line: expect.any(Number) });
	});
});

describe('ask: bad input', () => {
	test('GIVEN a knowledge folder with a binary file THEN exit 2 naming the file and the reason', () => {
		const dir = knowledgeFolder({ 'good.txt': 'The office handles complaints every day.\n', 'scan.txt': new Uint8Array([0, 1, 2, 3]) });
		const { code, stdout, stderr } = ask(['--json', '--knowledge', dir, 'anything']);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/scan\.txt: binary content/);
	});

	test('GIVEN a missing knowledge folder THEN exit 2 naming it', () => {
		const { code, stderr } = ask(['--json', '--knowledge', '/no/such/folder', 'anything']);
		expect(code).toBe(2);
		expect(stderr).toMatch(/\/no\/such\/folder: the knowledge folder does not exist/);
	});

	test('GIVEN an empty question THEN a clear error and a non-zero exit', () => {
		const { code, stdout, stderr } = ask(['--json', '   ']);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/question.*empty/i);
	});

	test('GIVEN an unknown topic THEN the known topics are listed', () => {
		const { code, stderr } = ask(['--json', '--topic', 'budget']);
		expect(code).toBe(1);
		expect(stderr).toMatch(/Unknown topic "budget".*mandate, independence, cooperation/);
	});
});

describe('ask --batch: a file that cannot be read', () => {
	test('GIVEN --batch naming a missing file THEN a one-line message naming it, no stack, exit 1', () => {
		const { code, stdout, stderr } = ask(['--json', '--batch', 'no-such-questions.txt']);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr.trim()).toBe('ask: cannot read the batch file "no-such-questions.txt": no such file');
	});
});

describe('ask --json: small talk', () => {
	test('GIVEN "hi" THEN one JSON object with the documented keys: not answered, confidence 0, and smallTalk', () => {
		const { code, stdout } = ask(['--json', 'hi']);
		expect(code).toBe(0);
		const lines = stdout.trim().split('\n');
		expect(lines).toHaveLength(1);
		const result = JSON.parse(lines[0]!);
		expect(Object.keys(result)).toEqual(['question', 'answered', 'answer', 'confidence', 'sources', 'suggestions', 'smallTalk', 'ms']);
		expect(result).toMatchObject({ question: 'hi', answered: false, confidence: 0, sources: [], suggestions: [], smallTalk: 'greeting', answer: expect.stringMatching(/\/help/) });
	});
});
