import { personNames } from './names.ts';

const SPEECH_VERB =
	'(?:said|says|added|adds|told|tells|noted|notes|stated|states|explained|revealed|stressed|emphasi[sz]ed|announced|remarked|urged|argued|insisted|warned|recalled|underlined|highlighted|asserted|claimed|mentioned|reported|pointed out|went on)';
const ADVERB = '(?:(?:further|also|then|later|again|previously)\\s+)?';
/** "Shakirov said", "Chairperson Tomas Reyvik further revealed". */
const NAMED_SPEAKER = new RegExp(`(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})\\s+${ADVERB}${SPEECH_VERB}\\b`, 'u');
/** "he said", "She added", but never the generic "he or she". */
const PRONOUN_SPEAKER = new RegExp(`\\b(he|she)\\b(?=\\s+${ADVERB}${SPEECH_VERB}\\b)`, 'iu');
const LEADING_PRONOUN = /^(he|she)\b(?!\s+or\b|\s*\/)/iu;
const FIRST_PERSON_PLURAL = /\b(?:we|our|us)\b/iu;

export interface Attribution {
	/** Whom the sentence leans on, if it leans on someone named earlier. */
	about?: string;
	/** The sentence with the leaning pronoun replaced by the name. */
	standalone: string;
}

/**
 * Follows who is speaking through a document, so "He further revealed …" is known to be Askar Shakirov's and
 * can be found by his name. Call `next` on each sentence in document order.
 */
export class Attributor {
	private readonly people: string[] = [];
	private lastPerson: string | undefined;
	private lastSpeaker: string | undefined;

	next(sentence: string): Attribution {
		const named = personNames(sentence).map((n) => this.fullName(n));
		const speakerMatch = NAMED_SPEAKER.exec(sentence);
		const speaker = speakerMatch ? this.knownPerson(speakerMatch[1]!) : undefined;
		for (const name of named) if (!this.people.includes(name)) this.people.push(name);

		let result: Attribution = { standalone: sentence };
		if (!speaker && named.length === 0 && this.lastPerson) {
			if (PRONOUN_SPEAKER.test(sentence)) {
				result = { about: this.lastPerson, standalone: sentence.replace(PRONOUN_SPEAKER, this.lastPerson) };
			} else if (LEADING_PRONOUN.test(sentence)) {
				result = { about: this.lastPerson, standalone: sentence.replace(LEADING_PRONOUN, this.lastPerson) };
			} else if (this.lastSpeaker && FIRST_PERSON_PLURAL.test(sentence)) {
				result = { about: this.lastSpeaker, standalone: sentence };
			}
		}
		const current = speaker ?? named[0];
		if (current) this.lastPerson = current;
		this.lastSpeaker = speaker ?? (result.about && PRONOUN_SPEAKER.test(sentence) ? result.about : undefined);
		return result;
	}

	/** A surname alone ("Shakirov") stands for the full name met earlier ("Askar Shakirov"). */
	private knownPerson(name: string): string | undefined {
		const last = name.split(/\s+/).pop()!;
		return this.people.find((p) => p === name || p.endsWith(` ${last}`)) ?? (personNames(name).length ? name : undefined);
	}

	private fullName(name: string): string {
		return this.knownPerson(name) ?? name;
	}
}
