import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ingestInWorkers, poolSize, POOL_MIN_DOCUMENTS } from '../../src/knowledge/ingestPool.ts';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.ts';
import { knowledgeFolder, PROJECT_KNOWLEDGE } from '../helpers.ts';

const PLACES = ['Ruritania', 'Merovia', 'Valdoria', 'Ostania', 'Kesoora', 'Tamestan'];
const PEOPLE = ['Amara Osei', 'Goran Cohen', 'Leela Varma', 'Daniyar Nieminen', 'Ines Duarte'];

/**
 * A few hundred small documents that exercise every step of ingestion: front matter, headlines, datelines,
 * lines broken mid-sentence, "He said" attribution, names, topics from the project's lexicon, boilerplate,
 * sub-folders, and files the loader refuses (bad front matter, binary, a clashing id).
 */
function generatedFolder(count: number): string {
	const files: Record<string, string | Uint8Array> = {};
	for (let i = 0; i < count; i++) {
		const place = PLACES[i % PLACES.length]!;
		const person = PEOPLE[(i * 7) % PEOPLE.length]!;
		const year = 2000 + (i % 24);
		const body = [
			`${place} commission report ${i}`,
			'',
			`${place.toUpperCase()}: The National Human Rights Commission of ${place} received ${100 + i} complaints in ${year}, most of them about`,
			`detention conditions and access to justice.`,
			`Commissioner ${person} visited ${i % 9} prisons and said the government must act within ${1 + (i % 11)} months.`,
			`He said the commission is independent of the government and reports to parliament every year.`,
			`Also Read: Other news`,
			`"We cooperate with the Asia Pacific Forum and the United Nations," the commission said on ${1 + (i % 28)} March ${year}.`,
			'',
			`This ensured that the mandate of the commission covers ${i % 2 ? 'the armed forces' : 'private companies'}.`,
		].join('\n');
		const name = i % 10 === 3 ? `region-${i % 4}/doc-${i}.md` : `doc-${String(i).padStart(4, '0')}.${i % 3 ? 'txt' : 'md'}`;
		files[name] = i % 5 === 0 ? `---\ntitle: Report ${i} of the ${place} commission\naliases: [${place} NHRI]\ndate: ${year}-05-01\n---\n${body}\n` : `${body}\n`;
	}
	files['broken.md'] = '---\ntitle: [unclosed\n---\nA sentence of text here.\n';
	files['photo.txt'] = new Uint8Array([0x89, 0x50, 0x00, 0x01]);
	files['doc-0001.md'] = 'This file has the same id as doc-0001.txt and is refused.\n';
	const dir = knowledgeFolder({}, PROJECT_KNOWLEDGE);
	for (const name of Object.keys(files)) if (name.includes('/')) mkdirSync(join(dir, name.split('/')[0]!), { recursive: true });
	return knowledgeFolder(files, dir);
}

describe('ingestion across worker threads', () => {
	test('GIVEN a folder of a few hundred documents THEN workers give exactly the documents, facts and problems of one thread', async () => {
		const folder = generatedFolder(320);
		const single = await loadKnowledge(folder, { workers: 0 });
		expect(single.documents.length).toBeGreaterThan(300);
		expect(single.problems.map((p) => p.file)).toEqual(['broken.md', 'doc-0001.txt', 'photo.txt']);

		const pooled = await loadKnowledge(folder, { workers: 2 });
		expect(pooled).toEqual(single);
		// Byte for byte, key order included: ids, lines, positions and every derived field.
		expect(JSON.stringify(pooled)).toBe(JSON.stringify(single));

		// Workers alone, the calling thread ingesting nothing: what they send back is the same documents, in order.
		const files = single.documents.map((d) => d.file);
		const outcomes = await ingestInWorkers(folder, files, single.lexicon, 2);
		expect(JSON.stringify(outcomes.map((o) => ('document' in o ? o.document : o)))).toBe(JSON.stringify(single.documents));
	}, 60_000);

	test('GIVEN a worker asked to ingest a file it cannot read THEN it reports the problem as the loader does', async () => {
		const folder = knowledgeFolder({ 'good.txt': 'The commission handled many complaints last year.\n' });
		const outcomes = await ingestInWorkers(folder, ['good.txt', 'gone.txt'], (await loadKnowledge(folder, { workers: 0 })).lexicon, 1);
		expect(outcomes[0]).toMatchObject({ file: 'good.txt', document: { id: 'good' } });
		expect(outcomes[1]).toEqual({ file: 'gone.txt', issue: expect.stringMatching(/^cannot be read: ENOENT/) });
	}, 30_000);

	test('GIVEN a small folder or one core THEN ingestion stays in one thread', () => {
		expect(poolSize(POOL_MIN_DOCUMENTS - 1)).toBe(0);
		expect(poolSize(10_000, 0)).toBe(0);
		expect(poolSize(10_000, 3)).toBe(3);
	});
});
