import { describe, expect, test } from 'vitest';
import { appendedCuratedText, CURATED_FILE } from '../../src/knowledge/curated.ts';
import { loadKnowledge } from '../../src/knowledge/loadKnowledge.ts';
import { knowledgeFolder, PROJECT_KNOWLEDGE } from '../helpers.ts';

const GOOD = 'The commission handled many complaints last year.\nIt is independent of the government.\n';

describe('loadKnowledge', () => {
	test('GIVEN the project knowledge folder THEN it loads with no problems and cites real line numbers', async () => {
		const { documents, problems } = await loadKnowledge(PROJECT_KNOWLEDGE);
		expect(problems).toEqual([]);
		const facts = documents.flatMap((d) => d.facts);
		const represented = facts.find((f) => f.text.includes('represented Kazakhstan'))!;
		// Line 12 of the file: 7 lines of front matter, then line 5 of the article.
		expect(represented.line).toBe(12);
		expect(facts.some((f) => f.text.startsWith('Also Read'))).toBe(false);
	});

	const bad: [string, Record<string, string | Uint8Array>, RegExp][] = [
		['a binary file', { 'photo.txt': new Uint8Array([0x89, 0x50, 0x00, 0x01]) }, /photo\.txt.*binary/],
		['invalid UTF-8', { 'latin1.txt': new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x2e]) }, /latin1\.txt.*UTF-8/],
		['an empty document', { 'empty.md': '   \n\n' }, /empty\.md.*no text/],
		['a lexicon that is not JSON', { 'lexicon.json': '{ synonyms: ' }, /lexicon\.json.*not valid JSON/],
		['a lexicon with an alias in two groups', { 'lexicon.json': JSON.stringify({ synonyms: [['a', 'b'], ['b', 'c']], topics: { mandate: { description: 'd', markers: ['m'] }, independence: { description: 'd', markers: ['i'] }, cooperation: { description: 'd', markers: ['c'] } } }) }, /lexicon\.json.*"b" is already in synonym group 1/],
		// The parser's position, as a line of the file, and its complaint as a sentence (not cut before its snippet).
		['broken front matter', { 'doc.md': '---\ntitle: [unclosed\n---\nA sentence of text here.\n' }, /^doc\.md: front matter is not valid YAML on line 2, column \d+: [^:\n]+[^:\s]$/m],
		['an unknown front matter key', { 'doc.md': '---\nauthor: Someone\n---\nA sentence of text here.\n' }, /doc\.md.*front matter/],
		['a file of another type', { 'notes.pdf': 'x' }, /notes\.pdf.*only \.txt and \.md/],
	];
	for (const [what, files, message] of bad) {
		test(`GIVEN ${what} THEN that file is reported with the reason and the good one still loads`, async () => {
			const { documents, problems } = await loadKnowledge(knowledgeFolder({ 'good.txt': GOOD, ...files }));
			expect(problems.map((p) => `${p.file}: ${p.issue}`).join('\n')).toMatch(message);
			expect(documents.map((d) => d.id)).toEqual(['good']);
		});
	}

	test('GIVEN a missing folder THEN the problem names the folder', async () => {
		const { documents, problems } = await loadKnowledge('/nonexistent/knowledge');
		expect(documents).toEqual([]);
		expect(problems).toEqual([{ file: '/nonexistent/knowledge', issue: expect.stringMatching(/does not exist/) }]);
	});

	test('GIVEN a folder with no documents THEN that is the problem', async () => {
		const { problems } = await loadKnowledge(knowledgeFolder({}));
		expect(problems[0]!.issue).toMatch(/no \.txt or \.md documents/);
	});

	test('GIVEN two files with the same id THEN the second is refused', async () => {
		const { documents, problems } = await loadKnowledge(knowledgeFolder({ 'same.txt': GOOD, 'same.md': GOOD }));
		expect(documents).toHaveLength(1);
		expect(problems[0]!.issue).toMatch(/same document id "same"/);
	});

	test('GIVEN a layer carrying curated text THEN it is read instead of the folder\'s curated.yaml, and the folder\'s file serves without it', async () => {
		const stored = 'The stored document says the commission has nine members.';
		const folderEntry = { question: 'Is it independent?', document: 'good', fact: 'It is independent of the government.' };
		const dir = knowledgeFolder({ 'good.txt': GOOD, [CURATED_FILE]: appendedCuratedText(null, folderEntry) });
		const documents = [{ id: 'members', file: 'members.md', content: `${stored}\n` }];
		// The layer's text names a document that lives only in the layer: resolved against the layered documents.
		const layered = await loadKnowledge(dir, { layer: { documents, removed: [], curated: appendedCuratedText(null, { question: 'How many members?', document: 'members', fact: stored }) } });
		expect(layered.problems).toEqual([]);
		const fact = (id: string) => layered.documents.flatMap((d) => d.facts).find((f) => f.id === id)!;
		expect(layered.curated!.map((link) => [link.question, fact(link.factId).text])).toEqual([['How many members?', stored]]);
		// Without curated text in the layer, the folder's file is read as before.
		const folder = await loadKnowledge(dir, { layer: { documents, removed: [] } });
		expect(folder.curated!.map((link) => link.question)).toEqual(['Is it independent?']);
		// The layer's text is checked like the file: an entry naming a removed document is a problem of curated.yaml.
		const stale = await loadKnowledge(dir, { layer: { documents, removed: ['members'], curated: appendedCuratedText(null, { question: 'How many members?', document: 'members', fact: stored }) } });
		expect(stale.problems).toEqual([{ file: CURATED_FILE, issue: expect.stringMatching(/document "members" is not in the knowledge folder/) }]);
	});

	test('GIVEN front matter THEN title, aliases and subject come from it', async () => {
		const { documents } = await loadKnowledge(knowledgeFolder({ 'office.md': `---\ntitle: The Office of Ruritania\naliases: [Defender of Ruritania]\n---\n${GOOD}` }));
		expect(documents[0]).toMatchObject({ id: 'office', title: 'The Office of Ruritania', aliases: ['Defender of Ruritania'] });
		expect(documents[0]!.subject).toEqual(expect.arrayContaining(['Office of Ruritania', 'Defender of Ruritania']));
		expect(documents[0]!.facts[0]!.line).toBe(5);
	});
});
