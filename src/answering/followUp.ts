import { personNames, properNames } from '../knowledge/names.ts';
import type { Fact, KnowledgeDocument, TopicName } from '../knowledge/types.ts';
import { languageOf, type Language } from '../language/detect.ts';
import { alternation, AUXILIARIES, FOLLOW_UP, PLACE_NOUNS, QUESTION_WORDS, STOPWORDS, type FollowUpWords } from '../language/english.ts';
import { KAZAKH_FOLLOW_UP, kazakhPersonNames } from '../language/kazakh.ts';
import { RUSSIAN_FOLLOW_UP } from '../language/russian.ts';
import { isCyrillic } from '../language/transliterate.ts';

/**
 * What a conversation remembers of its last turn, enough to read the next message: plain JSON, so the store can keep
 * it and any shard or a restarted bot can pick the conversation up.
 */
export interface ConversationContext {
	/** The last question as it was read (a follow-up already rewritten to stand alone). */
	question: string;
	/** The facts the last answer cited: "tell me more" goes on from them. */
	factIds: string[];
	/** Every fact shown in this conversation, so "tell me more" never repeats one. */
	shownIds: string[];
	/** The last person named ("he", "she", "him", "her"). */
	person?: string;
	/** The last thing asked about: a body, an event, a document ("it", "that"). */
	thing?: string;
	/** The last place named, with the preposition the document put it with ("there" → "at the Leela Palace Hotel"). */
	place?: string;
	topic?: TopicName;
	/** The last answer's confidence: "tell me more" shows the same passage's next sentences, judged with it. */
	confidence: number;
	/** When the turn was taken (ms since the epoch): a context expires. */
	at: number;
}

/** How "tell me more" reads: more about the question before, which the next "tell me more" goes on with. */
export const MORE_ABOUT = 'tell me more about: ';

/** How a message reads in a conversation. */
export type FollowUp =
	/** Not a follow-up (or one whose pronoun has no referent): answered as it is. */
	| { kind: 'none' }
	/** A follow-up made to stand alone; `person` is set when it asks who that person is ("who is he?"). */
	| { kind: 'rewritten'; question: string; person?: string }
	/** "Tell me more", "what else did he say?": the next facts of the passage, about `about` when it names one. */
	| { kind: 'more'; about?: string; question: string };

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const AUXILIARY: ReadonlySet<string> = new Set(AUXILIARIES);
const DUMMY_IT = new RegExp(`\\bit\\s+(?:(?:is|was|be)\\s+)?(?:${alternation(FOLLOW_UP.dummyItFollowers)})\\b`, 'i');
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'these', 'those']);
const CLOSING_PARTICIPLES: ReadonlySet<string> = new Set(FOLLOW_UP.closingParticiples);

/** One language's follow-up words, as sets: the message's language picks which reads it. */
interface Reader {
	language: Language;
	words: FollowUpWords;
	personPronouns: ReadonlySet<string>;
	personPossessives: ReadonlySet<string>;
	thingPronouns: ReadonlySet<string>;
	thingPossessives: ReadonlySet<string>;
	eitherPronouns: ReadonlySet<string>;
	closingDemonstratives: ReadonlySet<string>;
	demonstrativeFollowers: ReadonlySet<string>;
	placeAdverbs: ReadonlySet<string>;
	openers: ReadonlySet<string>;
	more: ReadonlySet<string>;
	/** The "tell me more about …" phrases, longest first: one is tried before a shorter one inside it ("а что еще" before "что еще"). */
	moreAbout: readonly string[];
}

function readerOf(language: Language, words: FollowUpWords): Reader {
	return {
		language,
		words,
		personPronouns: new Set(words.personPronouns),
		personPossessives: new Set(words.personPossessives),
		thingPronouns: new Set(words.thingPronouns),
		thingPossessives: new Set(words.thingPossessives),
		eitherPronouns: new Set(words.eitherPronouns),
		closingDemonstratives: new Set(words.closingDemonstratives),
		demonstrativeFollowers: new Set(words.demonstrativeFollowers ?? []),
		placeAdverbs: new Set(words.placeAdverbs),
		openers: new Set(words.openers),
		more: new Set(words.more),
		moreAbout: [...words.moreAbout].sort((a, b) => b.length - a.length),
	};
}

const READERS: Readonly<Record<Language, Reader>> = {
	en: readerOf('en', { ...FOLLOW_UP, dummyPronoun: DUMMY_IT }),
	ru: readerOf('ru', RUSSIAN_FOLLOW_UP),
	kk: readerOf('kk', KAZAKH_FOLLOW_UP),
};

/** Lower case, ё as е, curly apostrophes straightened, the closing punctuation and a leading opener's comma dropped. */
function normalised(message: string): string {
	return message.toLowerCase().replace(/ё/g, 'е').replace(/’/g, "'").replace(/[\s?!.…]+$/u, '').replace(/[,;:]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Reads a message against the conversation's last turn. A message that does not lean on it is left alone, and so is
 * one whose pronoun points to nothing the conversation named: a follow-up is never guessed into a question.
 * @example readFollowUp('who is he?', { person: 'Askar Shakirov', … }) // → { kind: 'rewritten', question: 'who is Askar Shakirov?', person: 'Askar Shakirov' }
 * @example readFollowUp('and who hosted it?', { thing: 'the 19th annual forum', … }) // → { kind: 'rewritten', question: 'who hosted the 19th annual forum?' }
 */
export function readFollowUp(message: string, context: ConversationContext | undefined): FollowUp {
	if (!context) return { kind: 'none' };
	// The message's own language reads it, whatever the answer before was written in: "кто он?" after an English answer.
	const reader = READERS[languageOf(message)];
	const plain = normalised(message);
	if (reader.more.has(plain)) return context.factIds.length ? { kind: 'more', question: `${MORE_ABOUT}${context.question}` } : { kind: 'none' };
	const about = moreAbout(plain, context, reader);
	if (about) return about;
	const words = [...message.matchAll(WORD)];
	const opener = words[0] && reader.openers.has(words[0][0].toLowerCase()) && words.length > 1 ? words[0] : undefined;
	// The question after the opener ("and when was it created?" → "when was it created?").
	const rest = opener ? message.slice(opener.index + opener[0].length).replace(/^[\s,;:.…-]+/u, '') : message;
	const resolved = resolvePronouns(rest, context, reader);
	if (resolved === null) return { kind: 'none' };
	if (resolved === rest && !opener) return { kind: 'none' };
	const person = reader.words.identity.test(normalised(rest)) && context.person && resolved !== rest ? context.person : undefined;
	return { kind: 'rewritten', question: resolved, ...(person ? { person } : {}) };
}

/**
 * "What else did he say?", "tell me more about her", "что ещё он сказал?", "ол тағы не айтты?": more facts about
 * the one the pronoun names, which comes after the phrase or, in Kazakh, before it.
 */
function moreAbout(plain: string, context: ConversationContext, reader: Reader): FollowUp | undefined {
	if (!context.factIds.length) return undefined;
	for (const phrase of reader.moreAbout) {
		const at = ` ${plain} `.indexOf(` ${phrase} `);
		if (at !== 0 && (at < 0 || plain.slice(0, at - 1).includes(' '))) continue;
		const leading = at > 0 ? plain.slice(0, at - 1) : undefined;
		const after = plain.slice(at + phrase.length).trim().split(' ').filter(Boolean);
		const [pointer, ...tail] = leading ? [leading, ...after] : after;
		// "What else did he say" and "tell me more about him" only: "what else did the ombudsman say" is a question of its own.
		if (!pointer || tail.length > 2) continue;
		const referent = pointerReferent(pointer, tail, context, reader);
		if (!referent) continue;
		const rest = tail.length ? ` ${tail.join(' ')}` : '';
		return { kind: 'more', about: referent, question: leading ? `${referent} ${phrase}${rest}?` : `${phrase} ${referent}${rest}?` };
	}
	return undefined;
}

/** What the pronoun of a "tell me more about …" names: the person, or the thing. */
function pointerReferent(pointer: string, tail: readonly string[], context: ConversationContext, reader: Reader): string | undefined {
	if (reader.personPronouns.has(pointer)) return context.person;
	if (reader.thingPronouns.has(pointer) || reader.closingDemonstratives.has(pointer)) return context.thing;
	if (!reader.eitherPronouns.has(pointer)) return undefined;
	return eitherReferent(pointer, [pointer, ...tail], context, reader, undefined) ?? undefined;
}

/**
 * The text with each pronoun that points back replaced by what it names; the text itself when it has none; null
 * when one points to nothing the conversation named (then it is not read as a follow-up at all).
 */
function resolvePronouns(text: string, context: ConversationContext, reader: Reader): string | null {
	const words = [...text.matchAll(WORD)];
	const lower = words.map((m) => normalised(m[0]));
	let unresolved = false;
	let out = '';
	let at = 0;
	// In Russian and Kazakh a second pronoun of another form names the other one ("где он его представил?").
	let firstEither: { pronoun: string; referent: string } | undefined;
	words.forEach((match, i) => {
		const word = lower[i]!;
		const last = i === words.length - 1;
		let referent = referentOf(word, last, lower[i - 1], lower[i + 1], text, context, reader);
		if (reader.eitherPronouns.has(word)) {
			referent = eitherReferent(word, lower, context, reader, firstEither);
			if (referent && !firstEither) firstEither = { pronoun: word, referent };
		}
		if (referent === undefined) return;
		// "Kazakhstan joined … its forum": a pronoun after the message's own name for it points to that, not back.
		if (referent === null || namesItsOwn(text.slice(0, match.index), word, reader)) {
			unresolved = true;
			return;
		}
		out += text.slice(at, match.index) + referent;
		at = match.index + match[0].length;
	});
	if (unresolved) return null;
	return out + text.slice(at);
}

/**
 * What a pronoun for a person and a thing alike names: the language's reading of the question, else the one the
 * conversation has (the person when it has both, as "he" is, unless an earlier pronoun of another form took them).
 */
function eitherReferent(pronoun: string, words: readonly string[], context: ConversationContext, reader: Reader, first: { pronoun: string; referent: string } | undefined): string | null {
	if (first && first.pronoun !== pronoun) {
		const other = first.referent === context.person ? context.thing : context.person;
		return other ?? null;
	}
	if (first) return first.referent;
	const reading = reader.words.eitherReading?.(pronoun, words, context.person);
	if (reading === 'person') return context.person ?? null;
	if (reading === 'thing') return context.thing ?? null;
	return context.person ?? context.thing ?? null;
}

/** Whether the words before a pronoun name what it may point to themselves: a person for "he", a thing for "it". */
function namesItsOwn(before: string, pronoun: string, reader: Reader): boolean {
	const people = peopleIn(before);
	if (reader.personPronouns.has(pronoun) || reader.personPossessives.has(pronoun)) return people.length > 0;
	const things = properNames(before, reader.language).length > 0 || (reader.words.subjectOf ?? subjectOf)(before) !== undefined;
	return reader.eitherPronouns.has(pronoun) ? people.length > 0 || things : things;
}

/** What one word stands for: undefined when it is no pronoun here, null when it is one the context cannot fill. */
function referentOf(word: string, last: boolean, before: string | undefined, next: string | undefined, text: string, context: ConversationContext, reader: Reader): string | null | undefined {
	const owner = (name: string | undefined) => (name ? `${name}${reader.words.possessiveEnding}` : null);
	if (reader.personPronouns.has(word)) return context.person ?? null;
	if (reader.personPossessives.has(word)) return owner(context.person);
	if (reader.thingPronouns.has(word)) return reader.words.dummyPronoun?.test(text) ? undefined : (context.thing ?? null);
	if (reader.thingPossessives.has(word)) return owner(context.thing);
	if (reader.closingDemonstratives.has(word) && (last || (next !== undefined && reader.demonstrativeFollowers.has(next)))) return context.thing ?? null;
	// "Is there …" asks whether something exists; "who spoke there?" points to a place.
	if (reader.placeAdverbs.has(word) && (last || reader.language !== 'en') && !(before && AUXILIARY.has(before))) return placeIn(context.place, reader) ?? null;
	return undefined;
}

/** The place as the message's language puts it: "там" → "в Leela Palace Hotel", the English preposition left out. */
function placeIn(place: string | undefined, reader: Reader): string | undefined {
	// A place a Russian or Kazakh sentence named is put back as it said it.
	return place && reader.words.placeAs && !isCyrillic(place) ? reader.words.placeAs(place.replace(PLACE_PREPOSITION, '')) : place;
}

/** What the last turn named, for the next message's pronouns: each kept from before when this turn names none. */
export function referentsOf(question: string, facts: readonly Fact[], previous?: Pick<ConversationContext, 'person' | 'thing' | 'place'>): Pick<ConversationContext, 'person' | 'thing' | 'place'> {
	const reader = READERS[languageOf(question)];
	const people = [...peopleIn(question), ...facts.flatMap((f) => [...peopleIn(f.about ?? ''), ...peopleIn(f.standalone)])];
	const places = facts.flatMap(placesOf);
	const bodies = facts.flatMap((f) => f.names.filter((name) => !peopleIn(name).length && !people.some((person) => name.includes(person)) && !places.some((place) => place.endsWith(name))));
	const person = people.at(-1) ?? previous?.person;
	// "Расскажи подробнее" asks about nothing new: "оно" still means what it meant before.
	const subject = reader.more.has(normalised(question)) ? undefined : (reader.words.subjectOf ?? subjectOf)(question);
	// "Who is he?" rewritten asks about a person, not a thing: "it" still means what it meant before.
	const named = [...people, ...(previous?.person ? [previous.person] : [])];
	const aboutPerson = subject ? named.some((name) => subject.includes(name)) : peopleIn(question).length > 0;
	const thing = aboutPerson ? (previous?.thing ?? bodies[0]) : (subject ?? bodies[0] ?? previous?.thing);
	const place = places.at(-1) ?? previous?.place;
	return { ...(person ? { person } : {}), ...(thing ? { thing } : {}), ...(place ? { place } : {}) };
}

/**
 * People a text names, in the order it names them, in Latin letters as English reads names ("Askar Shakirov") and
 * in Cyrillic as Russian and Kazakh do ("Эмиль Варецкий"): a Russian question may name a person of an English answer.
 */
function peopleIn(text: string): string[] {
	const latin = personNames(text).filter((name) => !isCyrillic(name));
	// Kazakh's reading of names takes Russian surnames too.
	const cyrillic = kazakhPersonNames(text);
	return [...latin, ...cyrillic].sort((a, b) => text.indexOf(a) - text.indexOf(b));
}

/**
 * What a question asks about, for "it" and "that": its last noun phrase opened by a determiner ("where was the 19th
 * annual forum held?" → "the 19th annual forum"), else its last proper name that is no person.
 */
export function subjectOf(question: string): string | undefined {
	const words = [...question.matchAll(WORD)].map((m) => m[0]);
	let found: string[] | undefined;
	for (let i = 0; i < words.length; i++) {
		if (!DETERMINERS.has(words[i]!.toLowerCase())) continue;
		const phrase = [words[i]!];
		for (let j = i + 1; j < words.length && isContentWord(words[j]!); j++) phrase.push(words[j]!);
		while (phrase.length > 1 && CLOSING_PARTICIPLES.has(phrase.at(-1)!.toLowerCase())) phrase.pop();
		if (phrase.length > 1) found = phrase;
	}
	if (found) return found.join(' ');
	return properNames(question).filter((name) => !personNames(name).length).at(-1);
}

const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{N}'’-]+$/u;

function isContentWord(word: string): boolean {
	const lower = word.toLowerCase();
	// A Russian or Kazakh word ends an English phrase: "the 19th annual forum қашан өтті".
	return LATIN_OR_DIGIT.test(word) && !STOPWORDS.has(lower) && !QUESTION_WORDS.has(lower) && !AUXILIARY.has(lower);
}

/**
 * Where a fact puts something, as it says it, so "there" can be put back in its place: "held at the Leela Palace
 * Hotel" → "at the Leela Palace Hotel", "an office in Astana" → "in Astana".
 */
function placesOf(fact: Fact): string[] {
	const read = READERS[languageOf(fact.text)].words.placesIn;
	if (read) return read(fact.text);
	return fact.names.flatMap((name) => {
		const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const said = new RegExp(`\\b(?:at|in|near)\\s+(?:the\\s+)?${escaped}\\b`).exec(fact.text);
		return said ? [said[0]] : PLACE_NOUN.test(name) ? [`at ${name}`] : [];
	});
}
const PLACE_PREPOSITION = /^(?:at|in|near)\s+(?:the\s+)?/;
const PLACE_NOUN = new RegExp(`\\b(?:${alternation(PLACE_NOUNS)})\\b`, 'i');

/** How many facts "tell me more" adds: a short reply, asked again for more. */
export const MORE_FACTS = 2;

/**
 * "Tell me more": the cited facts' next neighbours in their document, then the ones before, never one already shown;
 * with `about`, only facts that name it ("what else did he say?").
 */
export function nextFacts(context: ConversationContext, documents: readonly KnowledgeDocument[], about?: string, limit = MORE_FACTS): Fact[] {
	const shown = new Set([...context.shownIds, ...context.factIds]);
	const cited = documents.flatMap((d) => d.facts.filter((f) => context.factIds.includes(f.id)).map((f) => ({ document: d, fact: f })));
	const names = (fact: Fact) => !about || namesPerson(`${fact.about ?? ''} ${fact.standalone}`, about);
	const found: Fact[] = [];
	for (const document of new Set(cited.map((c) => c.document))) {
		const positions = cited.filter((c) => c.document === document).map((c) => c.fact.position);
		const after = document.facts.filter((f) => f.position > Math.max(...positions));
		const before = document.facts.filter((f) => f.position < Math.min(...positions)).reverse();
		for (const fact of [...after, ...before]) if (!shown.has(fact.id) && names(fact) && !found.includes(fact)) found.push(fact);
	}
	return found.slice(0, limit).sort((a, b) => (a.document === b.document ? a.position - b.position : 0));
}

/**
 * Whether a text names someone: in full, or by the surname alone in any case ending ("сказал Варецкий",
 * "Варецкого"), as a report names a person after its first sentence.
 */
function namesPerson(text: string, name: string): boolean {
	const lower = text.toLowerCase();
	if (lower.includes(name.toLowerCase())) return true;
	const surname = name.split(/\s+/).at(-1)!.toLowerCase();
	if (!name.includes(' ') || surname.length < 5) return false;
	const stem = surname.slice(0, Math.max(4, surname.length - 2)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<![\\p{L}\\p{N}])${stem}\\p{L}*`, 'u').test(lower);
}
