/**
 * Issue 6, faults: the process killed (SIGKILL) during /kb add and /kb refresh. On restart the
 * knowledge folder and the store are intact: old or new, never half. More rounds: crash.slow.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { removeStaleTemporaries, writeFileAtomic } from '../../src/discord/uploads.ts';
import { crashRounds } from './support/crashRounds.ts';

describe('killed mid-write', () => {
	test('GIVEN the bot killed during /kb add THEN after restart the folder and the store are intact', async () => {
		const report = await crashRounds({ rounds: 1, seed: 42, maxDelayMs: 900 });
		console.log(`[reliability] crash rounds: ${JSON.stringify(report)}`);
		expect(report.kills).toHaveLength(1);
	}, 60_000);
});

describe('crash points of an atomic write', () => {
	test('GIVEN a writer that died before its rename THEN the target is the old version and the leftover is removed at the next start', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'ombudsbot-atomic-'));
		try {
			writeFileSync(join(dir, 'doc.md'), 'old');
			// What a process killed between writing and renaming leaves: a partial temporary file under a dead pid.
			const dead = 2_147_483_000;
			writeFileSync(join(dir, `.doc.md.${dead}-0123456789ab.tmp`), 'ne');
			// A live writer's temporary file (this process) must survive.
			writeFileSync(join(dir, `.doc.md.${process.pid}-ba9876543210.tmp`), 'in progress');
			expect(readFileSync(join(dir, 'doc.md'), 'utf8')).toBe('old');
			expect(await removeStaleTemporaries(dir)).toEqual([`.doc.md.${dead}-0123456789ab.tmp`]);
			expect(readdirSync(dir).sort()).toEqual([`.doc.md.${process.pid}-ba9876543210.tmp`, 'doc.md']);
			await writeFileAtomic(join(dir, 'doc.md'), 'new');
			expect(readFileSync(join(dir, 'doc.md'), 'utf8')).toBe('new');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
