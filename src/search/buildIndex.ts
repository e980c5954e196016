import { pacer } from '../knowledge/pace.ts';
import type { Language } from '../language/detect.ts';
import { compoundDurationUnit } from '../language/russian.ts';
import type { Lexicon } from '../knowledge/schema.ts';
import type { KnowledgeDocument } from '../knowledge/types.ts';
import { stem, words, type Word } from './analyze.ts';
import { ConceptMatcher, type ConceptMatch } from './concepts.ts';
import { personReferences } from './personReference.ts';
import { FactIndex, type FactIndexParts, type Postings } from './factIndex.ts';
import type { SearchOptions } from './searchOptions.ts';
import { TypoCorrector } from './typoCorrector.ts';

type PostingsBuilder = Map<string, { facts: number[]; weights: number[] }>;

/** Shared by the many facts that name no lexicon concept, to keep 100,000 empty arrays out of the heap. */
const NO_CONCEPTS: ConceptMatch[] = [];

/**
 * Indexes the documents' facts. The work is cut into slices that yield to the event loop (see `pacer`),
 * so a bot refreshing 100,000 facts keeps answering from its old index meanwhile.
 */
export async function buildFactIndex(documents: readonly KnowledgeDocument[], lexicon: Lexicon, options: SearchOptions): Promise<FactIndex> {
	const pace = pacer();
	const concepts = new ConceptMatcher(lexicon.synonyms);
	const surfaceFrequency = new Map<string, number>();
	const countSurface = (list: readonly Word[]) => {
		for (const w of list) surfaceFrequency.set(w.surface, (surfaceFrequency.get(w.surface) ?? 0) + 1);
	};
	for (const group of lexicon.synonyms) for (const term of group) countSurface(words(term));
	const subjectTerms: Set<string>[] = [];
	for (const doc of documents) {
		subjectTerms.push(new Set(termsOf(words(doc.subject.join(' . '), doc.language), concepts)));
		await pace();
	}
	keepDistinguishing(subjectTerms);
	// Names recur from fact to fact ("Askar Shakirov, Commissioner…", "the forum"): analyse each once.
	const nameTerms = new Map<string, string[]>();
	const termsOfName = (name: string, language: Language): string[] => {
		let terms = nameTerms.get(name);
		if (!terms) nameTerms.set(name, (terms = termsOf(words(name, language), concepts)));
		return terms;
	};

	const facts: FactIndexParts['facts'] = [];
	const factDocument: number[] = [];
	const factLength: number[] = [];
	const factStems: string[][] = [];
	const factConcepts: ConceptMatch[][] = [];
	const nameWords = new Set<string>();
	const building: PostingsBuilder = new Map();
	const referencing: PostingsBuilder = new Map();
	for (const [docIndex, doc] of documents.entries()) {
		let previousTerms: string[] = [];
		const persons = personReferences(doc.facts, doc.language);
		for (const [position, fact] of doc.facts.entries()) {
			const factIndex = facts.length;
			facts.push(fact);
			factDocument.push(docIndex);
			const own = words(fact.text, doc.language);
			countSurface(own);
			factStems.push(own.map((w) => w.stem));
			factLength.push(own.filter((w) => !w.isStopword).length);
			for (const name of fact.names) for (const word of name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word) nameWords.add(word);
			const terms = new Map<string, number>();
			const named = concepts.match(own);
			factConcepts.push(named.length ? named : NO_CONCEPTS);
			for (const term of own) if (!term.isStopword) terms.set(term.stem, 1);
			// "семилетний срок" says "лет" too: a question asks "на сколько лет".
			if (doc.language === 'ru') {
				for (const term of own) {
					const unit = compoundDurationUnit(term.surface);
					if (unit !== undefined) terms.set(stem(unit, 'ru'), 1);
				}
			}
			for (const match of named) terms.set(match.concept, 1);
			const ownTerms = [...terms.keys()];
			if (fact.about) for (const term of termsOfName(fact.about, doc.language)) if (!terms.has(term)) terms.set(term, options.aboutWeight);
			// The heading's words are the answer's own, a little weaker: the sentence is found by them, as by its words.
			if (fact.section) for (const term of termsOf(words(fact.section, doc.language), concepts)) if (!terms.has(term)) terms.set(term, options.sectionWeight);
			for (const [term, weight] of terms) addPosting(building, term, factIndex, weight);
			const referred = new Map<string, number>();
			for (const term of subjectTerms[docIndex]!) referred.set(term, options.subjectWeight);
			const person = persons[position];
			for (const term of [...fact.mentions, ...(person ? [person] : [])].flatMap((name) => termsOfName(name, doc.language))) referred.set(term, Math.max(referred.get(term) ?? 0, options.aboutWeight));
			if (fact.leansOnPrevious) {
				for (const term of previousTerms) referred.set(term, Math.max(referred.get(term) ?? 0, options.previousSentenceWeight));
			}
			for (const [term, weight] of referred) if (weight > (terms.get(term) ?? 0)) addPosting(referencing, term, factIndex, weight);
			previousTerms = ownTerms;
		}
		await pace();
	}
	const parts: FactIndexParts = {
		documents,
		concepts,
		facts,
		factDocument,
		factLength,
		factStems,
		factConcepts,
		postings: await freeze(building, pace),
		references: await freeze(referencing, pace),
		nameWords,
		subjectTerms,
		typos: await TypoCorrector.build(surfaceFrequency, pace),
	};
	return new FactIndex(parts, options);
}

/**
 * Scoring terms of analysed text: content-word stems plus the lexicon concepts it names.
 * @example termsOf(words('the Commissioner for Human Rights'), concepts) // → ['commission', 'human', 'right', '~0']
 */
export function termsOf(analysed: readonly Word[], concepts: ConceptMatcher): string[] {
	const terms = analysed.filter((w) => !w.isStopword).map((w) => w.stem);
	for (const match of concepts.match(analysed)) terms.push(match.concept);
	return terms;
}

/** Postings lists into typed arrays: a fifth of the memory, and fast to walk. */
async function freeze(building: PostingsBuilder, pace: () => Promise<void>): Promise<Map<string, Postings>> {
	const frozen = new Map<string, Postings>();
	for (const [term, list] of building) {
		frozen.set(term, { facts: Int32Array.from(list.facts), weights: Float32Array.from(list.weights) });
		await pace();
	}
	return frozen;
}

function addPosting(building: PostingsBuilder, term: string, fact: number, weight: number): void {
	let list = building.get(term);
	if (!list) {
		list = { facts: [], weights: [] };
		building.set(term, list);
	}
	list.facts.push(fact);
	list.weights.push(weight);
}

/**
 * Keeps, for each document, the subject terms that not every document shares: a subject term stands in for a
 * sentence's missing words only to say which document a question is about, so with one document, or for
 * words all subjects share ("human rights"), it adds nothing.
 */
function keepDistinguishing(subjects: Set<string>[]): void {
	const documentsHolding = new Map<string, number>();
	for (const terms of subjects) for (const term of terms) documentsHolding.set(term, (documentsHolding.get(term) ?? 0) + 1);
	for (const terms of subjects) for (const term of terms) if (documentsHolding.get(term) === subjects.length) terms.delete(term);
}
