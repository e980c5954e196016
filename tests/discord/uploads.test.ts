import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { insideFolder, safeDocumentName, writeFileAtomic } from '../../src/discord/uploads.ts';

describe('safeDocumentName', () => {
	test('GIVEN a language THEN the refusal is said in it', () => {
		expect(safeDocumentName('report.pdf', 'ru')).toEqual({ ok: false, issue: 'принимаются только файлы .md и .txt (получено: `.pdf`)' });
		expect(safeDocumentName('../x.md', 'kk')).toMatchObject({ ok: false, issue: expect.stringMatching(/^файл атында жол болмауы керек/) });
	});

	const accepted = [
		{ input: 'annual-report.md', out: 'annual-report.md' },
		{ input: 'Annual Report 2023.MD', out: 'annual-report-2023.md' },
		{ input: 'Médiateur_loi.txt', out: 'mediateur-loi.txt' },
		{ input: 'a.b.c.txt', out: 'a-b-c.txt' },
		// Russian and Kazakh names, transliterated as English text writes them (src/language/transliterate.ts).
		{ input: 'Ежегодный доклад 2024.md', out: 'ezhegodny-doklad-2024.md' },
		{ input: 'Отчёт омбудсмена.txt', out: 'otchyot-ombudsmena.txt' },
		{ input: 'Қазақстан баяндамасы.md', out: 'qazaqstan-bayandamasy.md' },
		{ input: 'Закон «Об омбудсмене» (ред. 2023).md', out: 'zakon-ob-ombudsmene-red-2023.md' },
	];
	for (const { input, out } of accepted) {
		test(`GIVEN ${JSON.stringify(input)} THEN ${out}`, () => {
			expect(safeDocumentName(input)).toMatchObject({ ok: true, fileName: out });
		});
	}

	const refused = [
		{ input: '../../etc/passwd', reason: /path/ },
		{ input: '..\\..\\boot.ini.txt', reason: /path/ },
		{ input: 'sub/dir.md', reason: /path/ },
		{ input: 'CON.txt', reason: /reserved/ },
		{ input: 'lpt1.md', reason: /reserved/ },
		{ input: 'nul.tar.md', reason: /reserved/ },
		{ input: '.hidden.md', reason: /hidden/ },
		{ input: 'report.pdf', reason: /only \.md and \.txt/ },
		{ input: 'noextension', reason: /no extension/ },
		{ input: 'evil\u0000.md', reason: /control/ },
		{ input: '!!!.md', reason: /no letters or digits/ },
		{ input: '', reason: /no name/ },
		{ input: `${'a'.repeat(200)}.md`, reason: /longer than/ },
	];
	for (const { input, reason } of refused) {
		test(`GIVEN ${JSON.stringify(input.slice(0, 30))} THEN refused: ${reason}`, () => {
			const result = safeDocumentName(input);
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.issue).toMatch(reason);
		});
	}
});

describe('insideFolder and writeFileAtomic', () => {
	test('GIVEN a plain name THEN the file is written whole, with no temporary file left', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ombudsbot-upload-'));
		try {
			const target = insideFolder(dir, 'doc.md');
			await writeFileAtomic(target, 'hello');
			await writeFileAtomic(target, 'hello again');
			expect(readFileSync(target, 'utf8')).toBe('hello again');
			expect(readdirSync(dir)).toEqual(['doc.md']);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test('GIVEN a name escaping the folder THEN insideFolder throws', () => {
		expect(() => insideFolder('/tmp/kb', '../x.md')).toThrow(/outside/);
		expect(() => insideFolder('/tmp/kb', 'a/b.md')).toThrow(/outside/);
		expect(() => insideFolder('/tmp/kb', '/etc/passwd')).toThrow(/outside/);
	});
});
