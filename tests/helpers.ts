import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { loadKnowledgeBase, type KnowledgeBase } from '../src/answering/index.ts';

export const PROJECT_KNOWLEDGE = new URL('../knowledge/', import.meta.url).pathname;
export const TWO_INSTITUTIONS = new URL('./fixtures/two-institutions/', import.meta.url).pathname;

const cache = new Map<string, Promise<KnowledgeBase>>();

/** A knowledge base built once per folder per test file. */
export function knowledgeBaseOf(dir: string): Promise<KnowledgeBase> {
	let built = cache.get(dir);
	if (!built) {
		built = loadKnowledgeBase(dir).then(({ knowledgeBase, problems }) => {
			if (!knowledgeBase || problems.length) throw new Error(`fixture ${dir} did not load: ${JSON.stringify(problems)}`);
			return knowledgeBase;
		});
		cache.set(dir, built);
	}
	return built;
}

const made: string[] = [];
afterEach(() => {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary knowledge folder with the given files (name → text or bytes), removed after the test. */
export function knowledgeFolder(files: Record<string, string | Uint8Array>, base?: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'ombudsbot-test-'));
	made.push(dir);
	if (base) cpSync(base, dir, { recursive: true });
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	return dir;
}
