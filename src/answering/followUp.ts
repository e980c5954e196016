import { personNames, properNames } from '../knowledge/names.ts';
import type { Fact, KnowledgeDocument, TopicName } from '../knowledge/types.ts';
import { alternation, AUXILIARIES, FOLLOW_UP, PLACE_NOUNS, QUESTION_WORDS, STOPWORDS } from '../language/english.ts';

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
const PERSON_PRONOUNS: ReadonlySet<string> = new Set(FOLLOW_UP.personPronouns);
const PERSON_POSSESSIVES: ReadonlySet<string> = new Set(FOLLOW_UP.personPossessives);
const THING_PRONOUNS: ReadonlySet<string> = new Set(FOLLOW_UP.thingPronouns);
const THING_POSSESSIVES: ReadonlySet<string> = new Set(FOLLOW_UP.thingPossessives);
const CLOSING_DEMONSTRATIVES: ReadonlySet<string> = new Set(FOLLOW_UP.closingDemonstratives);
const PLACE_ADVERBS: ReadonlySet<string> = new Set(FOLLOW_UP.placeAdverbs);
const OPENERS: ReadonlySet<string> = new Set(FOLLOW_UP.openers);
const MORE: ReadonlySet<string> = new Set(FOLLOW_UP.more);
const CLOSING_PARTICIPLES: ReadonlySet<string> = new Set(FOLLOW_UP.closingParticiples);
const AUXILIARY: ReadonlySet<string> = new Set(AUXILIARIES);
const DUMMY_IT = new RegExp(`\\bit\\s+(?:(?:is|was|be)\\s+)?(?:${alternation(FOLLOW_UP.dummyItFollowers)})\\b`, 'i');
const DETERMINERS: ReadonlySet<string> = new Set(['the', 'this', 'these', 'those']);
const IDENTITY = /^(?:who|what)\s+(?:is|was|are|were)\s+(?:he|she|him|her)$/;

/** Lower case, curly apostrophes straightened, the closing punctuation and a leading opener's comma dropped. */
function normalised(message: string): string {
	return message.toLowerCase().replace(/’/g, "'").replace(/[\s?!.…]+$/u, '').replace(/[,;:]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Reads a message against the conversation's last turn. A message that does not lean on it is left alone, and so is
 * one whose pronoun points to nothing the conversation named: a follow-up is never guessed into a question.
 * @example readFollowUp('who is he?', { person: 'Askar Shakirov', … }) // → { kind: 'rewritten', question: 'who is Askar Shakirov?', person: 'Askar Shakirov' }
 * @example readFollowUp('and who hosted it?', { thing: 'the 19th annual forum', … }) // → { kind: 'rewritten', question: 'who hosted the 19th annual forum?' }
 */
export function readFollowUp(message: string, context: ConversationContext | undefined): FollowUp {
	if (!context) return { kind: 'none' };
	const plain = normalised(message);
	if (MORE.has(plain)) return context.factIds.length ? { kind: 'more', question: `${MORE_ABOUT}${context.question}` } : { kind: 'none' };
	const about = moreAbout(plain, context);
	if (about) return about;
	const words = [...message.matchAll(WORD)];
	const opener = words[0] && OPENERS.has(words[0][0].toLowerCase()) && words.length > 1 ? words[0] : undefined;
	// The question after the opener ("and when was it created?" → "when was it created?").
	const rest = opener ? message.slice(opener.index + opener[0].length).replace(/^[\s,;:.…-]+/u, '') : message;
	const resolved = resolvePronouns(rest, context);
	if (resolved === null) return { kind: 'none' };
	if (resolved === rest && !opener) return { kind: 'none' };
	const person = IDENTITY.test(normalised(rest)) && context.person && resolved !== rest ? context.person : undefined;
	return { kind: 'rewritten', question: resolved, ...(person ? { person } : {}) };
}

/** "What else did he say?", "tell me more about her": more facts about the one the pronoun names. */
function moreAbout(plain: string, context: ConversationContext): FollowUp | undefined {
	const phrase = FOLLOW_UP.moreAbout.find((p) => plain.startsWith(`${p} `));
	if (!phrase || !context.factIds.length) return undefined;
	const [pointer, ...tail] = plain.slice(phrase.length).trim().split(' ');
	// "What else did he say" and "tell me more about him" only: "what else did the ombudsman say" is a question of its own.
	if (!pointer || tail.length > 2) return undefined;
	const referent = PERSON_PRONOUNS.has(pointer) ? context.person : THING_PRONOUNS.has(pointer) || CLOSING_DEMONSTRATIVES.has(pointer) ? context.thing : undefined;
	if (!referent) return undefined;
	return { kind: 'more', about: referent, question: `${phrase} ${referent}${tail.length ? ` ${tail.join(' ')}` : ''}?` };
}

/**
 * The text with each pronoun that points back replaced by what it names; the text itself when it has none; null
 * when one points to nothing the conversation named (then it is not read as a follow-up at all).
 */
function resolvePronouns(text: string, context: ConversationContext): string | null {
	const words = [...text.matchAll(WORD)];
	let unresolved = false;
	let out = '';
	let at = 0;
	words.forEach((match, i) => {
		const word = match[0].toLowerCase();
		const last = i === words.length - 1;
		const referent = referentOf(word, last, words[i - 1]?.[0].toLowerCase(), text, context);
		if (referent === undefined) return;
		// "Kazakhstan joined … its forum": a pronoun after the message's own name for it points to that, not back.
		if (referent === null || namesItsOwn(text.slice(0, match.index), word)) {
			unresolved = true;
			return;
		}
		out += text.slice(at, match.index) + referent;
		at = match.index + match[0].length;
	});
	if (unresolved) return null;
	return out + text.slice(at);
}

/** Whether the words before a pronoun name what it may point to themselves: a person for "he", a thing for "it". */
function namesItsOwn(before: string, pronoun: string): boolean {
	if (PERSON_PRONOUNS.has(pronoun) || PERSON_POSSESSIVES.has(pronoun)) return personNames(before).length > 0;
	return properNames(before).length > 0 || subjectOf(before) !== undefined;
}

/** What one word stands for: undefined when it is no pronoun here, null when it is one the context cannot fill. */
function referentOf(word: string, last: boolean, before: string | undefined, text: string, context: ConversationContext): string | null | undefined {
	if (PERSON_PRONOUNS.has(word)) return context.person ?? null;
	if (PERSON_POSSESSIVES.has(word)) return context.person ? `${context.person}'s` : null;
	if (THING_PRONOUNS.has(word)) return DUMMY_IT.test(text) ? undefined : (context.thing ?? null);
	if (THING_POSSESSIVES.has(word)) return context.thing ? `${context.thing}'s` : null;
	if (CLOSING_DEMONSTRATIVES.has(word) && last) return context.thing ?? null;
	// "Is there …" asks whether something exists; "who spoke there?" points to a place.
	if (PLACE_ADVERBS.has(word) && last && !(before && AUXILIARY.has(before))) return context.place ?? null;
	return undefined;
}

/** What the last turn named, for the next message's pronouns: each kept from before when this turn names none. */
export function referentsOf(question: string, facts: readonly Fact[], previous?: Pick<ConversationContext, 'person' | 'thing' | 'place'>): Pick<ConversationContext, 'person' | 'thing' | 'place'> {
	const people = [...personNames(question), ...facts.flatMap((f) => [...personNames(f.about ?? ''), ...personNames(f.standalone)])];
	const places = facts.flatMap(placesOf);
	const bodies = facts.flatMap((f) => f.names.filter((name) => !personNames(name).length && !places.some((place) => place.endsWith(name))));
	const person = people.at(-1) ?? previous?.person;
	const thing = subjectOf(question) ?? bodies[0] ?? previous?.thing;
	const place = places.at(-1) ?? previous?.place;
	return { ...(person ? { person } : {}), ...(thing ? { thing } : {}), ...(place ? { place } : {}) };
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

function isContentWord(word: string): boolean {
	const lower = word.toLowerCase();
	return !STOPWORDS.has(lower) && !QUESTION_WORDS.has(lower) && !AUXILIARY.has(lower);
}

/**
 * Where a fact puts something, as it says it, so "there" can be put back in its place: "held at the Leela Palace
 * Hotel" → "at the Leela Palace Hotel", "an office in Astana" → "in Astana".
 */
function placesOf(fact: Fact): string[] {
	return fact.names.flatMap((name) => {
		const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const said = new RegExp(`\\b(?:at|in|near)\\s+(?:the\\s+)?${escaped}\\b`).exec(fact.text);
		return said ? [said[0]] : PLACE_NOUN.test(name) ? [`at ${name}`] : [];
	});
}
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
	const names = (fact: Fact) => !about || `${fact.about ?? ''} ${fact.standalone}`.toLowerCase().includes(about.toLowerCase());
	const found: Fact[] = [];
	for (const document of new Set(cited.map((c) => c.document))) {
		const positions = cited.filter((c) => c.document === document).map((c) => c.fact.position);
		const after = document.facts.filter((f) => f.position > Math.max(...positions));
		const before = document.facts.filter((f) => f.position < Math.min(...positions)).reverse();
		for (const fact of [...after, ...before]) if (!shown.has(fact.id) && names(fact) && !found.includes(fact)) found.push(fact);
	}
	return found.slice(0, limit).sort((a, b) => (a.document === b.document ? a.position - b.position : 0));
}
