/**
 * Issue 6, hostile uploads and broken folders: every bad upload is refused with a clear reason and
 * nothing is written outside the knowledge folder; a malformed lexicon or document in a refresh
 * keeps the old knowledge base and says why.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_DOWNLOAD_BYTES, safeDocumentName } from '../../src/discord/uploads.ts';
import { snowflake } from '../support/fakeDiscord.ts';
import { expectNoPings, messageOf, startTestBot, textOf, USERS, type TestBot } from '../support/botHarness.ts';
import { control, hostileText, markdown } from './support/hostile.ts';

let t: TestBot;
let refused = 0;
let hostileNamesTried = 0;

beforeAll(async () => {
	t = await startTestBot();
});

afterAll(async () => {
	console.log(`[reliability] uploads refused: ${refused}; hostile upload names tried: ${hostileNamesTried}`);
	await t?.close();
});

/** Everything under the temporary root (knowledge and data folders, and anything that escaped them). */
function snapshot(): string[] {
	const root = dirname(t.knowledgeDir);
	return (readdirSync(root, { recursive: true }) as string[])
		.map(String)
		.filter((path) => !path.endsWith('-wal') && !path.endsWith('-shm') && !path.endsWith('.sqlite'))
		.sort();
}

/** Runs /kb add as a moderator with `name` and `content` (declared `size` if given); returns the final reply. */
async function upload(name: string, content: string | Uint8Array, size?: number): Promise<any> {
	const url = t.discord.serveFile(name, content);
	const id = snowflake();
	const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
	const { token, body } = await t.interact(
		t.discord.payloads.slash('kb', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: id }] }], {
			user: USERS.moderator,
			resolved: { attachments: { [id]: { id, filename: name, size: size ?? bytes, url, proxy_url: url, content_type: 'text/plain' } } },
		}),
	);
	expect(body.type).toBe(5);
	return messageOf(await t.nthCall(token, 2));
}

const GOOD = 'The registry office is open on weekdays.\n';

describe('uploads refused with a clear reason, nothing written', () => {
	const rows: { what: string; name: string; content: string | Uint8Array; size?: number; reason: RegExp }[] = [
		{ what: 'a wrong extension', name: 'report.pdf', content: GOOD, reason: /only \.md and \.txt/ },
		{ what: 'an executable', name: 'run.sh', content: '#!/bin/sh\nrm -rf /\n', reason: /only \.md and \.txt/ },
		{ what: 'the lexicon', name: 'lexicon.json', content: '{}', reason: /only \.md and \.txt/ },
		{ what: 'binary content', name: 'binary.txt', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a]), reason: /binary/ },
		{ what: 'invalid UTF-8', name: 'latin1.txt', content: new Uint8Array([...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait is served.\n')]), reason: /UTF-8/ },
		{ what: 'an empty file', name: 'empty.md', content: '', reason: /empty|no text/ },
		{ what: 'front matter only', name: 'nothing.md', content: '---\ntitle: Nothing\n---\n', reason: /no text/ },
		{ what: 'a declared size over the limit', name: 'huge.md', content: GOOD, size: MAX_DOWNLOAD_BYTES + 1, reason: /larger than/ },
		{ what: 'more bytes than declared, over the limit', name: 'liar.md', content: 'a '.repeat(MAX_DOWNLOAD_BYTES), size: 100, reason: /larger than/ },
		{ what: '../../etc/passwd', name: '../../etc/passwd', content: 'root:x:0:0', reason: /path/ },
		{ what: 'a traversal with a good extension', name: '../../escape.md', content: GOOD, reason: /path/ },
		{ what: 'backslashes', name: '..\\..\\escape.md', content: GOOD, reason: /path/ },
		{ what: 'an absolute path', name: '/etc/cron.d/evil.txt', content: GOOD, reason: /path/ },
		{ what: 'CON.txt', name: 'CON.txt', content: GOOD, reason: /reserved/ },
		{ what: 'a reserved name in full-width letters', name: 'ＣＯＮ.txt', content: GOOD, reason: /reserved/ },
		{ what: 'a reserved name after punctuation is dropped', name: 'Con!.txt', content: GOOD, reason: /reserved/ },
		{ what: 'a hidden file', name: '.bashrc.md', content: GOOD, reason: /hidden/ },
		{ what: 'a NUL in the name', name: 'evil\u0000.md', content: GOOD, reason: /control/ },
		{ what: 'an existing id in other case', name: 'Kazakhstan-Joins-Asia-Pacific-Forum.md', content: GOOD, reason: /already exists/ },
		{ what: 'broken front matter', name: 'broken.md', content: '---\ntitle: [unclosed\n---\nText.\n', reason: /front matter/ },
	];
	for (const row of rows) {
		test(`GIVEN ${row.what} THEN refused (${row.reason.source}) and nothing written anywhere`, async () => {
			const before = snapshot();
			const reply = await upload(row.name, row.content, row.size);
			refused += 1;
			expect(reply.embeds[0].title).toBe('Upload refused');
			expect(textOf(reply)).toMatch(row.reason);
			expect(snapshot()).toEqual(before);
		});
	}

	test('GIVEN any file name at all THEN the name used is a plain kebab-case .md/.txt, never a reserved device name', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string({ unit: 'binary', maxLength: 40 }),
					fc.tuple(fc.oneof(hostileText, control, markdown, fc.constantFrom('con', 'ＣＯＮ', 'nul', 'Com1', 'LPT¹', '..', '.', '~', '%2e%2e%2f')), fc.constantFrom('.md', '.txt', '.MD', '.md.exe', '.txt ', ''))
						.map(([stem, extension]) => stem + extension),
				),
				(name) => {
					hostileNamesTried += 1;
					const result = safeDocumentName(name);
					if (!result.ok) {
						expect(result.issue.length).toBeGreaterThan(5);
						return;
					}
					expect(result.fileName).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.(md|txt)$/);
					expect(result.id).not.toMatch(/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/);
				},
			),
			{ numRuns: 2_000, seed: 11 },
		);
	});

	test('GIVEN uploads with hostile names through Discord THEN each is refused or lands as a safe file inside the knowledge folder', async () => {
		const outside = () => snapshot().filter((path) => !path.startsWith('knowledge') && !path.startsWith('data'));
		const before = outside();
		await fc.assert(
			fc.asyncProperty(fc.tuple(hostileText, fc.constantFrom('.md', '.txt', '.pdf')).map(([stem, extension]) => `${stem.slice(0, 60)}${extension}`), async (name) => {
				hostileNamesTried += 1;
				const reply = await upload(name, GOOD);
				const title = reply.embeds[0].title as string;
				expect(['Upload refused', 'Document added']).toContain(title);
				if (title === 'Upload refused') refused += 1;
			}),
			{ numRuns: 25, seed: 12 },
		);
		expect(outside()).toEqual(before);
		for (const name of readdirSync(t.knowledgeDir)) expect(name).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*\.(md|txt)|lexicon\.json)$/);
	});
});

describe('a malformed lexicon or document in a refresh', () => {
	const refresh = async () => {
		const { token } = t.discord.interact(t.discord.payloads.slash('kb', [{ name: 'refresh', type: 1, options: [] }], { user: USERS.moderator }));
		return messageOf(await t.nthCall(token, 2));
	};
	const lexiconPath = () => join(t.knowledgeDir, 'lexicon.json');
	const rows: { what: string; file: string; content: string | Uint8Array; reason: RegExp }[] = [
		{ what: 'a lexicon that is not JSON', file: 'lexicon.json', content: '{ "synonyms": [', reason: /`lexicon\.json`: not valid JSON/ },
		{ what: 'a lexicon of the wrong shape', file: 'lexicon.json', content: '{"synonyms": [["only-one"]], "topics": {}}', reason: /`lexicon\.json`: .*synonym group needs at least two terms/ },
		{ what: 'a lexicon with an unknown key', file: 'lexicon.json', content: '{"synonyms": [], "topics": {}, "evil": 1}', reason: /`lexicon\.json`/ },
		{ what: 'a document in Latin-1', file: 'latin1.txt', content: new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]), reason: /`latin1\.txt`: not valid UTF-8/ },
		{ what: 'a binary document', file: 'image.md', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00]), reason: /`image\.md`: binary/ },
		{ what: 'a stray file', file: 'notes.docx', content: 'PK', reason: /`notes\.docx`: not a knowledge document/ },
	];
	for (const row of rows) {
		test(`GIVEN ${row.what} THEN the old knowledge base stays, answering, and the reply names the file and the reason`, async () => {
			const served = t.bot.ctx.knowledge.current;
			const original = readFileSync(lexiconPath());
			const target = join(t.knowledgeDir, row.file);
			writeFileSync(target, row.content);
			try {
				const reply = await refresh();
				expect(reply.embeds[0].title).toBe('Refresh failed');
				expect(textOf(reply)).toMatch(row.reason);
				expect(textOf(reply)).toMatch(/keep serving the previous knowledge base/);
				expect(t.bot.ctx.knowledge.current).toBe(served);
				const { body } = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'Where was the 19th annual forum held?' }]));
				expect(textOf(body.data)).toMatch(/Leela Palace Hotel/);
			} finally {
				if (row.file === 'lexicon.json') writeFileSync(lexiconPath(), original);
				else rmSync(target);
			}
		});
	}

	test('GIVEN everything above THEN no reply could ping anyone', () => {
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(40);
	});
});
