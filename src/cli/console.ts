import { createInterface } from 'node:readline/promises';
import { answer, loadKnowledgeBase, parseTopicName, quotedText, searchFacts, topicFacts, type KnowledgeBase } from '../answering/index.ts';
import { CONVERSATION_TTL_MS, nextContext } from '../answering/conversation.ts';
import { MORE_ABOUT, type ConversationContext } from '../answering/followUp.ts';
import { UserError } from '../errors.ts';
import { isLanguage } from '../i18n/choose.ts';
import { say, type Language } from '../i18n/index.ts';
import { LANGUAGES } from '../language/detect.ts';
import { TOPIC_NAMES } from '../knowledge/types.ts';
import { factPlace, formatAnswer, formatExplanation, formatProblems, formatSources, formatTopic, replyLanguage, sourcesSummary } from './format.ts';

const help = (language: Language) => say(language, 'consoleHelp', { topics: TOPIC_NAMES.join(', ') });

/**
 * What the console remembers between lines: the last question, for `/why`; a refusal's suggestions, for a bare number;
 * the conversation, for follow-ups ("who is he?", "tell me more"): the console is one conversation.
 */
export interface ConsoleSession {
	lastQuestion?: string;
	suggestions?: readonly string[];
	conversation?: ConversationContext;
	/** The clock a conversation expires by (tests set it). */
	now?: () => number;
	/** The language of the bot's own words (`--lang`) when a question does not show its own; English by default. */
	language?: Language;
}

const PICK = /^\d{1,2}$/;

/**
 * `--lang en|ru|kk` among a command line's arguments: the language of the console's own words. Missing, English;
 * anything else is refused with a message naming the choices.
 */
export function consoleLanguage(args: readonly string[]): { language: Language } | { error: string } {
	const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
	if (at < 0) return { language: 'en' };
	const value = args[at]!.includes('=') ? args[at]!.split('=')[1] : args[at + 1];
	return isLanguage(value) ? { language: value } : { error: `--lang must be one of ${LANGUAGES.join(', ')} (got ${value === undefined ? 'nothing' : JSON.stringify(value)})` };
}

/**
 * The local console that `npm start` opens when no Discord token is set: the bot's answers, with their
 * confidence and citation, from the same `answer` path as Discord; its own words in `language`.
 * @returns the process exit code.
 */
export async function runConsole(
	knowledgeDir: string,
	input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
	output: NodeJS.WritableStream = process.stdout,
	language: Language = 'en',
): Promise<number> {
	const { knowledgeBase, problems } = await loadKnowledgeBase(knowledgeDir);
	if (problems.length) process.stderr.write(`${formatProblems(problems)}\n`);
	if (!knowledgeBase) {
		process.stderr.write(`The knowledge folder "${knowledgeDir}" has nothing usable.\n`);
		return 2;
	}
	const write = (text: string) => output.write(`${text}\n`);
	write(say(language, 'consoleGreeting', { summary: sourcesSummary(knowledgeBase, language) }));
	const interactive = input.isTTY === true;
	const lines = createInterface({ input, output, prompt: 'ombudsbot> ', terminal: interactive });
	const prompt = () => interactive && lines.prompt();
	const session: ConsoleSession = { language };
	let quit = false;
	prompt();
	for await (const line of lines) {
		if ((quit = /^\/(?:quit|exit)\b/i.test(line.trim()))) break;
		if (line.trim()) write(respond(line, knowledgeBase, session));
		prompt();
	}
	lines.close();
	// Ctrl-C and Ctrl-D end the input with the cursor still after the prompt; /quit ended with Enter.
	write(`${interactive && !quit ? '\n' : ''}${say(language, 'consoleBye')}`);
	return 0;
}

/** One console line to its reply; expected mistakes become a message, never an exception. */
export function respond(line: string, kb: KnowledgeBase, session: ConsoleSession = {}): string {
	const [command, ...rest] = line.trim().split(/\s+/);
	const argument = rest.join(' ');
	const language = session.language ?? 'en';
	try {
		switch (command?.toLowerCase()) {
			case '/help':
				return help(language);
			case '/sources':
				return formatSources(kb, language);
			case '/topic': {
				const topic = parseTopicName(argument);
				return formatTopic(topic, topicFacts(kb, topic), language);
			}
			case '/search': {
				const hits = searchFacts(kb, argument, 5);
				return hits.length ? hits.map((h, i) => `${i + 1}. ${quotedText(h.fact)}\n   ${factPlace(h.fact, language)}`).join('\n') : say(language, 'consoleNoMatch');
			}
			case '/why': {
				if (session.lastQuestion === undefined) return say(language, 'consoleWhyFirst');
				// Asked again rather than kept: answers stay cheap, and only a /why pays for the explanation.
				const explained = answer(session.lastQuestion, kb, { explain: true, language });
				if (!explained.explain) return say(language, 'consoleWhySmallTalk', { question: explained.question });
				return `${say(language, 'consoleWhy', { question: explained.question })}\n${formatExplanation(explained.explain)}`;
			}
			default: {
				if (command?.startsWith('/')) return `${say(language, 'consoleUnknownCommand', { command })}\n${help(language)}`;
				const picked = pickSuggestion(line.trim(), session, language);
				if (picked.refusal) return picked.refusal;
				const now = (session.now ?? Date.now)();
				// Like any conversation's, the console's last turn is forgotten after a while: a later question stands alone.
				// A picked suggestion is a document's sentence, made to stand alone: never a follow-up.
				const context = !picked.question && session.conversation && now - session.conversation.at <= CONVERSATION_TTL_MS ? session.conversation : undefined;
				const result = answer(picked.question ?? line, kb, { language, ...(context ? { context } : {}) });
				session.conversation = nextContext(context, result, kb, now);
				// /why explains the question as it was read: a follow-up's rewritten form stands alone.
				session.lastQuestion = result.askedAs && !result.askedAs.startsWith(MORE_ABOUT) ? result.askedAs : result.question;
				// Only right after a refusal does a bare number pick: later, "2" is whatever it was asked as.
				session.suggestions = result.answered || result.smallTalk ? undefined : result.suggestions;
				const reply = formatAnswer(result, kb, language);
				const count = session.suggestions?.length ?? 0;
				const replied = replyLanguage(result.question, language);
				const hint = count ? `\n${count === 1 ? say(replied, 'consolePickOne') : say(replied, 'consolePickMany', { count })}` : '';
				return `${reply}${hint}`;
			}
		}
	} catch (error) {
		if (error instanceof UserError) return error.message;
		throw error;
	}
}

/** A bare number right after a refusal: the suggestion it names, or why it names none. */
function pickSuggestion(line: string, session: ConsoleSession, language: Language): { question?: string; refusal?: string } {
	const suggestions = session.suggestions;
	if (!suggestions?.length || !PICK.test(line)) return {};
	const suggestion = suggestions[Number(line) - 1];
	return suggestion ? { question: suggestion } : { refusal: say(language, 'consolePickRefusal', { count: suggestions.length }) };
}
