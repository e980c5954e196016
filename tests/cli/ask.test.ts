import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Store } from '../../src/store/store.ts';
import { knowledgeFolder } from '../helpers.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs the CLI exactly as scripts and the eval do: `npm run --silent ask -- …`. */
function ask(args: string[], input?: string) {
	const run = spawnSync('npm', ['run', '--silent', 'ask', '--', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
	return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('ask --json', () => {
	test('GIVEN a question THEN stdout is one JSON object of the documented shape', async () => {
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

	test('GIVEN --batch - THEN one object per non-empty line, in order', async () => {
		const { code, stdout } = ask(['--json', '--batch', '-'], 'Who represented Kazakhstan at the meeting?\n\n   \nWhat is the capital of Peru?\n');
		expect(code).toBe(0);
		const results = stdout.trim().split('\n').map((l) => JSON.parse(l));
		expect(results.map((r) => [r.question, r.answered])).toEqual([
			['Who represented Kazakhstan at the meeting?', true],
			['What is the capital of Peru?', false],
		]);
	});

	test('GIVEN --topic THEN the topic and its cited facts', async () => {
		const { code, stdout } = ask(['--json', '--topic', 'independence']);
		expect(code).toBe(0);
		const result = JSON.parse(stdout);
		expect(result.topic).toBe('independence');
		expect(result.facts.length).toBeGreaterThan(2);
		expect(result.facts[0]).toEqual({ text: expect.any(String), document: 'kazakhstan-joins-asia-pacific-forum', line: expect.any(Number) });
	});
});

describe('ask: bad input', () => {
	test('GIVEN a knowledge folder with a binary file THEN exit 2 naming the file and the reason', async () => {
		const dir = knowledgeFolder({ 'good.txt': 'The office handles complaints every day.\n', 'scan.txt': new Uint8Array([0, 1, 2, 3]) });
		const { code, stdout, stderr } = ask(['--json', '--knowledge', dir, 'anything']);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/scan\.txt: binary content/);
	});

	test('GIVEN a missing knowledge folder THEN exit 2 naming it', async () => {
		const { code, stderr } = ask(['--json', '--knowledge', '/no/such/folder', 'anything']);
		expect(code).toBe(2);
		expect(stderr).toMatch(/\/no\/such\/folder: the knowledge folder does not exist/);
	});

	test('GIVEN an empty question THEN a clear error and a non-zero exit', async () => {
		const { code, stdout, stderr } = ask(['--json', '   ']);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/question.*empty/i);
	});

	test('GIVEN an unknown topic THEN the known topics are listed', async () => {
		const { code, stderr } = ask(['--json', '--topic', 'budget']);
		expect(code).toBe(1);
		expect(stderr).toMatch(/Unknown topic "budget".*mandate, independence, cooperation/);
	});
});

describe('ask --batch: a file that cannot be read', () => {
	test('GIVEN --batch naming a missing file THEN a one-line message naming it, no stack, exit 1', async () => {
		const { code, stdout, stderr } = ask(['--json', '--batch', 'no-such-questions.txt']);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr.trim()).toBe('ask: cannot read the batch file "no-such-questions.txt": no such file');
	});
});

describe('ask --json: small talk', () => {
	test('GIVEN "hi" THEN one JSON object with the documented keys: not answered, confidence 0, and smallTalk', async () => {
		const { code, stdout } = ask(['--json', 'hi']);
		expect(code).toBe(0);
		const lines = stdout.trim().split('\n');
		expect(lines).toHaveLength(1);
		const result = JSON.parse(lines[0]!);
		expect(Object.keys(result)).toEqual(['question', 'answered', 'answer', 'confidence', 'sources', 'suggestions', 'smallTalk', 'ms']);
		expect(result).toMatchObject({ question: 'hi', answered: false, confidence: 0, sources: [], suggestions: [], smallTalk: 'greeting', answer: expect.stringMatching(/\/help/) });
	});
});

describe('ask --session: follow-ups through the contract', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'ombudsbot-ask-session-'));
	afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

	/** A batch of lines as one conversation, its store in a data folder of the test's own. */
	function converse(session: string | undefined, lines: string[]) {
		const run = spawnSync('npm', ['run', '--silent', 'ask', '--', '--json', ...(session ? ['--session', session] : []), '--batch', '-'], {
			cwd: ROOT,
			input: `${lines.join('\n')}\n`,
			encoding: 'utf8',
			timeout: 60_000,
			env: { ...process.env, DATA_DIR: dataDir },
		});
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
	}

	test('GIVEN who represented Kazakhstan THEN "who is he?" is answered about Askar Shakirov', async () => {
		const [first, second] = converse('shakirov', ['Who represented Kazakhstan at the meeting?', 'who is he?']);
		expect(first.askedAs).toBeUndefined();
		expect(second).toMatchObject({ question: 'who is he?', askedAs: 'who is Askar Shakirov?', answered: true, sources: [{ line: 12 }] });
		expect(second.answer).toMatch(/^Askar Shakirov, Commissioner for Human Rights/);
		// The documented keys stay; askedAs is an extra one.
		expect(Object.keys(second)).toEqual(expect.arrayContaining(['question', 'answered', 'answer', 'confidence', 'sources', 'suggestions', 'ms']));
	});

	test('GIVEN where the forum was held THEN "and who hosted it?" asks about the forum, and "tell me more" gives the next facts', async () => {
		const [held, hosted, more, again] = converse('forum', ['Where was the 19th annual forum held?', 'and who hosted it?', 'tell me more', 'tell me more']);
		expect(held.sources.map((s: { line: number }) => s.line)).toEqual([9]);
		expect(hosted.askedAs).toBe('who hosted the 19th annual forum?');
		expect(more).toMatchObject({ answered: true, askedAs: 'tell me more about: who hosted the 19th annual forum?' });
		expect(more.answer).toMatch(/hosted by the National Human Rights Commission of India/);
		// The neighbours after what was shown (line 9, cited twice), never a line shown already.
		const linesOf = (result: { sources: { line: number }[] }) => result.sources.map((s) => s.line);
		expect(linesOf(more)).toEqual([10, 11]);
		expect(again.answered).toBe(true);
		expect(linesOf(again).filter((line) => [9, 10, 11].includes(line))).toEqual([]);
	});

	test('GIVEN two sessions THEN neither leaks into the other, and each survives the process', async () => {
		converse('alice', ['Who represented Kazakhstan at the meeting?']);
		const [bob] = converse('bob', ['who is he?']);
		expect(bob.askedAs).toBeUndefined();
		expect(bob.answered).toBe(false);
		const [alice] = converse('alice', ['who is he?']);
		expect(alice.askedAs).toBe('who is Askar Shakirov?');
	});

	test('GIVEN a session last used more than ten minutes ago THEN its follow-up stands alone', async () => {
		const store = Store.open(dataDir);
		const context = { question: 'Who represented Kazakhstan at the meeting?', factIds: ['kazakhstan-joins-asia-pacific-forum:12:4'], shownIds: [], person: 'Askar Shakirov', confidence: 0.95 };
		const stale = Date.now() - 11 * 60_000;
		await store.saveConversation('cli:stale', JSON.stringify({ ...context, at: stale }), stale);
		await store.saveConversation('cli:fresh', JSON.stringify({ ...context, at: Date.now() }), Date.now());
		await store.close();
		expect(converse('stale', ['who is he?'])[0].askedAs).toBeUndefined();
		expect(converse('fresh', ['who is he?'])[0].askedAs).toBe('who is Askar Shakirov?');
	});

	test('GIVEN no --session THEN every line stands alone, as before', async () => {
		const [first, second] = converse(undefined, ['Who represented Kazakhstan at the meeting?', 'who is he?']);
		expect(first.answered).toBe(true);
		expect(second).toMatchObject({ answered: false });
		expect(second.askedAs).toBeUndefined();
	});
});

describe('ask --lang', () => {
	test('GIVEN --lang kk and an English greeting THEN the Kazakh reply, with the same JSON keys', () => {
		const english = JSON.parse(ask(['--json', 'hi']).stdout);
		const { code, stdout } = ask(['--json', '--lang', 'kk', 'hi']);
		expect(code).toBe(0);
		const kazakh = JSON.parse(stdout);
		expect(Object.keys(kazakh).sort()).toEqual(Object.keys(english).sort());
		expect(kazakh.answer).toMatch(/^Сәлеметсіз бе!/);
	});

	test('GIVEN --lang ru without --json THEN the answer’s frame is Russian', () => {
		const { code, stdout } = ask(['--lang', 'ru', 'кто представлял Казахстан на встрече?']);
		expect(code).toBe(0);
		expect(stdout).toMatch(/источник: kazakhstan-joins-asia-pacific-forum, строка 12/);
	});

	test('GIVEN --lang de THEN exit 1 naming the choices, nothing on stdout', () => {
		const { code, stdout, stderr } = ask(['--json', '--lang', 'de', 'hi']);
		expect(code).toBe(1);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/expected one of "en"\|"ru"\|"kk"[\s\S]*lang/);
	});
});
