import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadKnowledgeBase } from '../../src/answering/knowledgeBase.ts';
import { appendCuratedEntry, appendedCuratedText, CURATED_FILE, parseCurated, restoreCurated } from '../../src/knowledge/curated.ts';
import { knowledgeFolder } from '../helpers.ts';

const DOCUMENT = `---\ntitle: The Office of Ruritania\n---\nThe ombudsman's salary is set by parliament each year.\nThe ombudsman is elected for a term of five years.\n`;
const SALARY = "The ombudsman's salary is set by parliament each year.";
const TERM = 'The ombudsman is elected for a term of five years.';

const entry = (question: string, fact: string, document = 'office') => ({ question, document, fact });

describe('curated.yaml', () => {
	test('GIVEN an entry naming a sentence THEN the knowledge base links the question to that fact', async () => {
		const dir = knowledgeFolder({ 'office.md': DOCUMENT, [CURATED_FILE]: appendedCuratedText(null, entry("What is the ombudsman's salary?", SALARY)) });
		const { knowledgeBase, problems } = await loadKnowledgeBase(dir);
		expect(problems).toEqual([]);
		const fact = knowledgeBase!.factsById.get(knowledgeBase!.curated[0]!.factId)!;
		expect(knowledgeBase!.curated).toEqual([{ question: "What is the ombudsman's salary?", factId: fact.id }]);
		expect(fact.text).toBe(SALARY);
	});

	test('GIVEN lines added above the linked sentence THEN the link follows the sentence to its new line', async () => {
		const curated = appendedCuratedText(null, entry('How long is the term?', TERM));
		const before = await loadKnowledgeBase(knowledgeFolder({ 'office.md': DOCUMENT, [CURATED_FILE]: curated }));
		const edited = DOCUMENT.replace('---\nThe', '---\nA new opening sentence was written here.\n\nThe');
		const after = await loadKnowledgeBase(knowledgeFolder({ 'office.md': edited, [CURATED_FILE]: curated }));
		expect(after.problems).toEqual([]);
		const [was, now] = [before, after].map(({ knowledgeBase }) => knowledgeBase!.factsById.get(knowledgeBase!.curated[0]!.factId)!);
		expect(now!.text).toBe(TERM);
		expect(now!.line).toBeGreaterThan(was!.line);
	});

	test('GIVEN an entry whose sentence was reworded THEN it is a knowledge problem with the file and reason, and the rest still loads', async () => {
		const curated = appendedCuratedText(appendedCuratedText(null, entry('How long is the term?', 'The ombudsman is elected for four years.')), entry('salary?', SALARY));
		const { knowledgeBase, problems } = await loadKnowledgeBase(knowledgeFolder({ 'office.md': DOCUMENT, [CURATED_FILE]: curated }));
		expect(problems).toEqual([{ file: CURATED_FILE, issue: expect.stringMatching(/entry 1 .*How long is the term.*is no longer in document "office"/) }]);
		expect(knowledgeBase!.curated.map((c) => c.question)).toEqual(['salary?']);
	});

	test.each([
		['not YAML', 'question: [unclosed', /not valid YAML/],
		['a mapping instead of a list', 'question: hi\n', /must be a list/],
		['an entry with no fact', '- question: hi\n  document: office\n', /entry 1: fact/],
		['an unknown key', `- question: hi\n  document: office\n  fact: "${SALARY}"\n  note: x\n`, /entry 1: .*note/],
		['an unknown document', `- question: hi\n  document: elsewhere\n  fact: "${SALARY}"\n`, /document "elsewhere" is not in the knowledge folder/],
	])('GIVEN %s THEN it is reported, never thrown', async (_what, text, message) => {
		const { knowledgeBase, problems } = await loadKnowledgeBase(knowledgeFolder({ 'office.md': DOCUMENT, [CURATED_FILE]: text }));
		expect(problems.map((p) => `${p.file}: ${p.issue}`).join('\n')).toMatch(message);
		expect(problems.every((p) => p.file === CURATED_FILE)).toBe(true);
		expect(knowledgeBase!.documents).toHaveLength(1);
	});

	test('GIVEN no file or an empty one THEN there are no curated questions and no problems', async () => {
		for (const files of [{}, { [CURATED_FILE]: '# nothing yet\n' }] as Record<string, string>[]) {
			const { knowledgeBase, problems } = await loadKnowledgeBase(knowledgeFolder({ 'office.md': DOCUMENT, ...files }));
			expect(problems).toEqual([]);
			expect(knowledgeBase!.curated).toEqual([]);
		}
	});

	test('GIVEN the same question linked twice THEN both entries are kept and the later link wins', async () => {
		const text = appendedCuratedText(appendedCuratedText(null, entry('Term?', SALARY)), entry('term?', TERM));
		expect(parseCurated(text).entries.map((e) => e.fact)).toEqual([SALARY, TERM]);
		const { knowledgeBase, problems } = await loadKnowledgeBase(knowledgeFolder({ 'office.md': DOCUMENT, [CURATED_FILE]: text }));
		expect(problems).toEqual([]);
		expect(knowledgeBase!.curated.map((c) => [c.question, knowledgeBase!.factsById.get(c.factId)!.text])).toEqual([['term?', TERM]]);
	});

	test('GIVEN a hand-edited file THEN appending keeps its comments and entries, writes atomically, and can be undone', async () => {
		const handWritten = `# kept by the moderators\n- question: Term?\n  document: office\n  fact: ${TERM}\n`;
		const dir = knowledgeFolder({ 'office.md': DOCUMENT, [CURATED_FILE]: handWritten });
		const previous = await appendCuratedEntry(dir, entry('Who sets the salary: "parliament"?', SALARY));
		expect(previous).toBe(handWritten);
		const text = readFileSync(join(dir, CURATED_FILE), 'utf8');
		expect(text.startsWith(handWritten)).toBe(true);
		expect(parseCurated(text)).toEqual({ problems: [], entries: [entry('Term?', TERM), entry('Who sets the salary: "parliament"?', SALARY)] });
		expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
		await restoreCurated(dir, previous);
		expect(readFileSync(join(dir, CURATED_FILE), 'utf8')).toBe(handWritten);
	});

	test('GIVEN no file THEN appending creates it with a header; undoing removes it', async () => {
		const dir = knowledgeFolder({ 'office.md': DOCUMENT });
		expect(await appendCuratedEntry(dir, entry('Term?', TERM))).toBeNull();
		expect(readFileSync(join(dir, CURATED_FILE), 'utf8')).toMatch(/^# Curated questions/);
		await restoreCurated(dir, null);
		expect(readdirSync(dir)).toEqual(['office.md']);
	});

	test('GIVEN a file that is not valid YAML THEN appending refuses rather than bury it', async () => {
		const dir = knowledgeFolder({ 'office.md': DOCUMENT });
		writeFileSync(join(dir, CURATED_FILE), 'question: [unclosed');
		await expect(appendCuratedEntry(dir, entry('Term?', TERM))).rejects.toThrow(/not valid YAML/);
		expect(readFileSync(join(dir, CURATED_FILE), 'utf8')).toBe('question: [unclosed');
	});
});
