import type { Language } from '../language/detect.ts';
import { isCyrillic } from '../language/transliterate.ts';
import { words } from '../search/analyze.ts';
import type { Lexicon } from './schema.ts';
import { TOPIC_NAMES, type TopicName } from './types.ts';

/**
 * Labels sentences with the lexicon's topics. A marker counts once per sentence, weighted by its number of
 * content words, since "branch of government" says more than "government".
 */
export class TopicLabeller {
	private readonly markers: { topic: TopicName; stems: string[]; weight: number }[] = [];

	constructor(topics: Lexicon['topics']) {
		for (const topic of TOPIC_NAMES) {
			for (const marker of topics[topic].markers) {
				// A Cyrillic marker marks Russian and Kazakh sentences, whose stemmers cut it differently; read alike, it is one marker.
				const readings = isCyrillic(marker) ? [words(marker, 'ru'), words(marker, 'kk')] : [words(marker)];
				const distinct = readings.filter((r, i) => i === 0 || r.map((w) => w.stem).join(' ') !== readings[0]!.map((w) => w.stem).join(' '));
				for (const analysed of distinct) {
					this.markers.push({
						topic,
						stems: analysed.map((w) => w.stem),
						weight: Math.max(1, analysed.filter((w) => !w.isStopword).length),
					});
				}
			}
		}
	}

	/** How strongly the text belongs to each topic; topics it does not touch are absent. */
	scores(text: string, language: Language = 'en'): Partial<Record<TopicName, number>> {
		const stems = words(text, language).map((w) => w.stem);
		const scores: Partial<Record<TopicName, number>> = {};
		for (const marker of this.markers) {
			if (containsRun(stems, marker.stems)) scores[marker.topic] = (scores[marker.topic] ?? 0) + marker.weight;
		}
		return scores;
	}

	/** The topics of a text, strongest first. */
	label(text: string, language: Language = 'en'): TopicName[] {
		const scores = this.scores(text, language);
		return (Object.keys(scores) as TopicName[]).sort((a, b) => scores[b]! - scores[a]!);
	}
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
		return true;
	}
	return false;
}
