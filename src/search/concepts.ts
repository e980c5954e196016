import type { Lexicon } from '../knowledge/schema.ts';
import { isCyrillic } from '../language/transliterate.ts';
import { words, type Word } from './analyze.ts';

/** A lexicon synonym group found in text: the words it covers and the group's concept term. */
export interface ConceptMatch {
	concept: string;
	start: number;
	/** Exclusive end index into the word list. */
	end: number;
}

/** Prefix of concept terms, so they can never collide with a word's stem. */
const CONCEPT_PREFIX = '~';

/**
 * Finds the lexicon's synonyms and aliases in analysed text, so that "ombudsman", "Commissioner for Human
 * Rights" and "human rights commissioner" all yield one concept term. Matching is on stems, longest phrase
 * first, left to right, so a longer name ("UN Office of High Commissioner for Human Rights") wins over a
 * shorter one inside it.
 */
export class ConceptMatcher {
	/** First stem of a phrase → phrases starting with it, longest first. */
	private readonly phrases = new Map<string, { stems: string[]; concept: string }[]>();
	/** Concept term → the lexicon's first (display) name of its group. */
	readonly names = new Map<string, string>();

	constructor(synonyms: Lexicon['synonyms']) {
		synonyms.forEach((group, index) => {
			const concept = `${CONCEPT_PREFIX}${index}`;
			this.names.set(concept, group[0]!);
			for (const term of group) {
				// A Cyrillic term is found in Russian and in Kazakh text, whose stemmers cut it differently.
				const readings = isCyrillic(term) ? [words(term, 'ru'), words(term, 'kk')] : [words(term)];
				for (const stems of new Set(readings.map((reading) => reading.map((w) => w.stem).join(' ')))) {
					if (!stems) continue;
					const list = this.phrases.get(stems.split(' ')[0]!) ?? [];
					list.push({ stems: stems.split(' '), concept });
					list.sort((a, b) => b.stems.length - a.stems.length);
					this.phrases.set(stems.split(' ')[0]!, list);
				}
			}
		});
	}

	match(text: readonly Word[]): ConceptMatch[] {
		const found: ConceptMatch[] = [];
		for (let i = 0; i < text.length; ) {
			// A function word alone never names a concept, even when its stem is one ("will" of "willing").
			const candidates = text[i]!.isStopword ? this.phrases.get(text[i]!.stem)?.filter((p) => p.stems.length > 1) : this.phrases.get(text[i]!.stem);
			const hit = candidates?.find((p) => p.stems.every((s, k) => text[i + k]?.stem === s));
			if (hit) {
				found.push({ concept: hit.concept, start: i, end: i + hit.stems.length });
				i += hit.stems.length;
			} else {
				i++;
			}
		}
		return found;
	}
}
