import { SMALL_TALK, SMALL_TALK_FILLERS, type SmallTalkKind } from '../language/english.ts';
import { KAZAKH_SMALL_TALK, KAZAKH_SMALL_TALK_FILLERS } from '../language/kazakh.ts';
import { RUSSIAN_SMALL_TALK, RUSSIAN_SMALL_TALK_FILLERS } from '../language/russian.ts';
import { say, type Language } from '../i18n/index.ts';
import type { KnowledgeBase } from './knowledgeBase.ts';

export type { SmallTalkKind };

/** What a message is: small talk of some kind, or a question (without the greeting or thanks that opened it). */
export type SmallTalkReading = { kind: SmallTalkKind } | { kind: null; question: string };

/** Kinds that may open a real question and be dropped from it ("hi, who …", "thanks! and when …"). */
const OPENERS: ReadonlySet<SmallTalkKind> = new Set(['greeting', 'thanks']);

/** When a message mixes kinds ("hi, what can you do?"), the one its reply should answer: the most specific. */
const PRIORITY: readonly SmallTalkKind[] = ['documents', 'capabilities', 'help', 'farewell', 'thanks', 'greeting'];

/** Lower-case, apostrophes dropped, ё as е, so "What's up" and "whats up", "всё" and "все" are one phrase. */
function normalise(word: string): string {
	return word.toLowerCase().replace(/['’]/g, '').replace(/ё/g, 'е');
}

const PHRASES: readonly { kind: SmallTalkKind; words: string[] }[] = [SMALL_TALK, RUSSIAN_SMALL_TALK, KAZAKH_SMALL_TALK]
	.flatMap((table) => Object.entries(table))
	.flatMap(([kind, phrases]) => phrases.map((phrase) => ({ kind: kind as SmallTalkKind, words: phrase.split(/\s+/).map(normalise).map((w) => w.replace(/^\//, '')) })))
	// Longest first, so "thank you" wins over a shorter phrase that starts the same way.
	.sort((a, b) => b.words.length - a.words.length);
const FILLERS: ReadonlySet<string> = new Set([...SMALL_TALK_FILLERS, ...RUSSIAN_SMALL_TALK_FILLERS, ...KAZAKH_SMALL_TALK_FILLERS].map(normalise));

/**
 * Reads a message for small talk: the one place every door (DM, mention, /ask, console, CLI) learns whether a
 * message is chat or a question, in English, Russian or Kazakh. A message made only of small-talk phrases and fillers
 * is small talk; one that opens with a greeting or thanks is the question after it.
 * @example readSmallTalk('hi!') // → { kind: 'greeting' }
 * @example readSmallTalk('hi, who represented Kazakhstan?') // → { kind: null, question: 'who represented Kazakhstan?' }
 * @example readSmallTalk('сәлем! что ты умеешь?') // → { kind: 'capabilities' }
 */
export function readSmallTalk(text: string): SmallTalkReading {
	const tokens = [...text.matchAll(/[\p{L}\p{N}'’]+/gu)].map((match) => ({ word: normalise(match[0]), end: match.index + match[0].length }));
	const kinds: SmallTalkKind[] = [];
	let at = 0;
	while (at < tokens.length) {
		const phrase = PHRASES.find((p) => p.words.every((word, offset) => tokens[at + offset]?.word === word));
		if (phrase) {
			kinds.push(phrase.kind);
			at += phrase.words.length;
		} else if (FILLERS.has(tokens[at]!.word)) {
			at += 1;
		} else {
			break;
		}
	}
	if (kinds.length === 0) return { kind: null, question: text };
	if (at === tokens.length) return { kind: PRIORITY.find((kind) => kinds.includes(kind))! };
	// "what can you do with complaints" is a question; only greetings and thanks are dropped from one.
	if (!kinds.every((kind) => OPENERS.has(kind))) return { kind: null, question: text };
	const rest = text.slice(tokens[at - 1]!.end).replace(/^[\s\p{P}\p{S}]+/u, '');
	return { kind: null, question: rest || text };
}

/**
 * The short, friendly reply to small talk, in `language` (the catalogues in `src/i18n/` hold the words): what the
 * bot does, where its answers come from, an example question the knowledge base answers (from `examples`) and a
 * pointer to /help. No confidence: nothing was looked up.
 */
export function smallTalkReply(kind: SmallTalkKind, kb: KnowledgeBase, examples: readonly string[], language: Language = 'en'): string {
	const example = examples.length ? say(language, 'smallTalkExample', { example: examples[0]! }) : '';
	const several = examples.length > 1 ? say(language, 'smallTalkTwoExamples', { first: examples[0]!, second: examples[1]! }) : example;
	const count = kb.documents.length === 1 ? say(language, 'documentCountOne') : say(language, 'documentCount', { count: kb.documents.length });
	switch (kind) {
		case 'greeting':
			return say(language, 'smallTalkGreeting', { example });
		case 'thanks':
			return say(language, 'smallTalkThanks');
		case 'farewell':
			return say(language, 'smallTalkFarewell');
		case 'capabilities':
			return say(language, 'smallTalkCapabilities', { count, examples: several });
		case 'documents': {
			const shown = kb.documents.slice(0, 5).map((document) => `• ${document.title} (${document.id})`);
			const more = kb.documents.length > shown.length ? [say(language, 'smallTalkDocumentsMore', { more: kb.documents.length - shown.length })] : [];
			return [say(language, 'smallTalkDocuments', { count }), ...shown, ...more, say(language, 'smallTalkDocumentsEnd', { example })].join('\n');
		}
		case 'help':
			return say(language, 'smallTalkHelp', { example });
	}
}
