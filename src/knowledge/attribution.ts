import type { Language } from '../language/detect.ts';
import { alternation, capitalised, NAME_JOINERS, OFFICE_QUALIFIERS, OFFICES, SPEECH_VERBS } from '../language/english.ts';
import { KAZAKH_LEANS_ON_PREVIOUS } from '../language/kazakh.ts';
import { RUSSIAN_LEANS_ON_PREVIOUS } from '../language/russian.ts';
import { personNames } from './names.ts';

const SPEECH_VERB = `(?:${alternation(SPEECH_VERBS)})`;
const ADVERB = '(?:(?:further|also|then|later|again|previously)\\s+)?';
/** "Shakirov said", "Chairperson Tomas Reyvik further revealed". */
const NAMED_SPEAKER = new RegExp(`(\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2})\\s+${ADVERB}${SPEECH_VERB}\\b`, 'u');
/** "he said", "She added", but never the generic "he or she". */
const PRONOUN_SPEAKER = new RegExp(`\\b(he|she)\\b(?=\\s+${ADVERB}${SPEECH_VERB}\\b)`, 'iu');
const LEADING_PRONOUN = /^(he|she)\b(?!\s+or\b|\s*\/)/iu;
const FIRST_PERSON_PLURAL = /\b(?:we|our|us)\b/iu;
/** "He or she", "he/she", "They": the generic holder of an office, not a person named before. */
const GENERIC_HOLDER = /\b(?:he or she|she or he|he\/she|s\/he)\b/iu;
/** An office with up to two qualifiers ("deputy public defender"). */
const AN_OFFICE = `(?:(?:${alternation(OFFICE_QUALIFIERS)})\\s+){0,2}(?:${alternation(OFFICES)})`;
/** An office mentioned with "the" ("the commissioner for human rights"): what a later "he or she" stands for. */
const OFFICE = new RegExp(`\\bthe\\s+(${AN_OFFICE}(?:\\s+for\\s+human\\s+rights)?)\\b`, 'iu');

/** "Askar Shakirov, Commissioner for Human Rights (Ombudsman)": a capitalised office after the name. */
const ROLE_AFTER = new RegExp(`^,\\s+((?:the\\s+)?\\p{Lu}[\\p{L}'’-]*(?:\\s+(?:(?:${alternation(NAME_JOINERS)})\\s+)*(?:\\p{Lu}[\\p{L}'’-]*|\\([^)]{1,60}\\)))*)`, 'u');
/** "Chairperson Tomas Reyvik", "Deputy chairperson Lina Osei": an office right before the name. */
const ROLE_BEFORE = new RegExp(`(${AN_OFFICE})\\s+$`, 'iu');

/**
 * "This, he said, ensured …", "It was adopted …", "According to the report, …": a sentence whose subject is the
 * sentence before it, or the report or data it named.
 */
const LEANS_ON_PREVIOUS =
	/^(?:(?:This|That|It)(?:,|\s+(?:is|was|has|had|will|would|can|could|means|meant|ensures|ensured|allows|allowed|makes|made|leads|led|shows|showed|gives|gave)\b)|According to (?:it|them|the (?:report|study|survey|data|figures))\b)/u;

const LEANS: Readonly<Record<Language, RegExp>> = { en: LEANS_ON_PREVIOUS, ru: RUSSIAN_LEANS_ON_PREVIOUS, kk: KAZAKH_LEANS_ON_PREVIOUS };

/**
 * Whether a sentence's subject is the sentence before it, so it must be read (and shown) with it: "This ensured …",
 * "Согласно докладу, …", "Он не вправе …", "Бұл …".
 */
export function leansOnPrevious(sentence: string, language: Language = 'en'): boolean {
	return LEANS[language].test(sentence);
}

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
	private lastOffice: string | undefined;
	/** Offices people hold, as the document states them ("Askar Shakirov" → "Commissioner for Human Rights (Ombudsman)"). */
	private readonly roles = new Map<string, string>();

	next(sentence: string): Attribution {
		const rawNames = personNames(sentence);
		const named = rawNames.map((n) => this.fullName(n));
		rawNames.forEach((raw, i) => this.learnRole(sentence, raw, named[i]!));
		for (const name of named) if (!this.people.includes(name)) this.people.push(name);
		const speakerMatch = NAMED_SPEAKER.exec(sentence);
		const speaker = speakerMatch ? this.knownPerson(speakerMatch[1]!) : undefined;

		let result: Attribution = { standalone: sentence };
		const generic = GENERIC_HOLDER.exec(sentence);
		if (generic && this.lastOffice) {
			const office = generic.index === 0 ? capitalised(this.lastOffice) : this.lastOffice;
			result = { about: this.lastOffice, standalone: sentence.replace(GENERIC_HOLDER, office) };
		} else if (!speaker && named.length === 0 && this.lastPerson) {
			if (PRONOUN_SPEAKER.test(sentence)) {
				result = { about: this.describe(this.lastPerson), standalone: sentence.replace(PRONOUN_SPEAKER, this.lastPerson) };
			} else if (LEADING_PRONOUN.test(sentence)) {
				result = { about: this.describe(this.lastPerson), standalone: sentence.replace(LEADING_PRONOUN, this.lastPerson) };
			} else if (this.lastSpeaker && FIRST_PERSON_PLURAL.test(sentence)) {
				result = { about: this.describe(this.lastSpeaker), standalone: sentence };
			}
		}
		if (!result.about && speaker && speakerMatch) {
			const standalone = speaker !== speakerMatch[1] && speaker.endsWith(speakerMatch[1]!) ? sentence.replace(speakerMatch[1]!, speaker) : sentence;
			const about = this.describe(speaker);
			if (about !== speakerMatch[1]) result = { about, standalone };
		}
		const office = OFFICE.exec(sentence)?.[0];
		if (office) this.lastOffice = office.toLowerCase();
		const current = speaker ?? named[0];
		if (current) this.lastPerson = current;
		this.lastSpeaker = speaker ?? (result.about && PRONOUN_SPEAKER.test(sentence) ? this.lastPerson : undefined);
		return result;
	}

	/** A person with the office the document gave them, so their words are found by the office too. */
	private describe(person: string): string {
		const role = this.roles.get(person);
		return role ? `${person}, ${role}` : person;
	}

	private learnRole(sentence: string, raw: string, person: string): void {
		const at = sentence.indexOf(raw);
		if (at < 0 || this.roles.has(person)) return;
		const role = ROLE_AFTER.exec(sentence.slice(at + raw.length))?.[1] ?? ROLE_BEFORE.exec(sentence.slice(0, at))?.[1];
		if (role) this.roles.set(person, role.trim());
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
