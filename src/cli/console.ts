import { createInterface } from 'node:readline/promises';
import { answer, loadKnowledgeBase, parseTopicName, quotedText, searchFacts, topicFacts, type KnowledgeBase } from '../answering/index.ts';
import { CONVERSATION_TTL_MS, nextContext } from '../answering/conversation.ts';
import { MORE_ABOUT, type ConversationContext } from '../answering/followUp.ts';
import { UserError } from '../errors.ts';
import { TOPIC_NAMES } from '../knowledge/types.ts';
import { formatAnswer, formatExplanation, formatProblems, formatSources, formatTopic, sourcesSummary } from './format.ts';

const HELP = `Ask a question in plain words, or:
  /topic NAME     the facts on a topic (${TOPIC_NAMES.join(', ')})
  /search WORDS   the facts that best match some words
  /sources        the documents the answers come from
  /why            why the last answer was given or declined: terms, candidates, feature contributions
  1, 2, 3         after "did you mean": answer that suggestion
  /help           this text
  /quit           leave (or Ctrl-D)`;

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
}

const PICK = /^\d{1,2}$/;

/**
 * The local console that `npm start` opens when no Discord token is set: the bot's answers, with their
 * confidence and citation, from the same `answer` path as Discord.
 * @returns the process exit code.
 */
export async function runConsole(
	knowledgeDir: string,
	input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
	output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
	const { knowledgeBase, problems } = await loadKnowledgeBase(knowledgeDir);
	if (problems.length) process.stderr.write(`${formatProblems(problems)}\n`);
	if (!knowledgeBase) {
		process.stderr.write(`The knowledge folder "${knowledgeDir}" has nothing usable.\n`);
		return 2;
	}
	const write = (text: string) => output.write(`${text}\n`);
	write(`Ombudsbot console (no DISCORD_TOKEN set). ${sourcesSummary(knowledgeBase)}.\nType /help for commands.`);
	const interactive = input.isTTY === true;
	const lines = createInterface({ input, output, prompt: 'ombudsbot> ', terminal: interactive });
	const prompt = () => interactive && lines.prompt();
	const session: ConsoleSession = {};
	let quit = false;
	prompt();
	for await (const line of lines) {
		if ((quit = /^\/(?:quit|exit)\b/i.test(line.trim()))) break;
		if (line.trim()) write(respond(line, knowledgeBase, session));
		prompt();
	}
	lines.close();
	// Ctrl-C and Ctrl-D end the input with the cursor still after the prompt; /quit ended with Enter.
	write(`${interactive && !quit ? '\n' : ''}Bye.`);
	return 0;
}

/** One console line to its reply; expected mistakes become a message, never an exception. */
export function respond(line: string, kb: KnowledgeBase, session: ConsoleSession = {}): string {
	const [command, ...rest] = line.trim().split(/\s+/);
	const argument = rest.join(' ');
	try {
		switch (command?.toLowerCase()) {
			case '/help':
				return HELP;
			case '/sources':
				return formatSources(kb);
			case '/topic': {
				const topic = parseTopicName(argument);
				return formatTopic(topic, topicFacts(kb, topic));
			}
			case '/search': {
				const hits = searchFacts(kb, argument, 5);
				return hits.length ? hits.map((h, i) => `${i + 1}. ${quotedText(h.fact)}\n   (${h.fact.document}, line ${h.fact.line})`).join('\n') : 'No fact matches that.';
			}
			case '/why': {
				if (session.lastQuestion === undefined) return 'Nothing to explain yet: ask a question first, then /why.';
				// Asked again rather than kept: answers stay cheap, and only a /why pays for the explanation.
				const explained = answer(session.lastQuestion, kb, { explain: true });
				if (!explained.explain) return `Nothing to explain: "${explained.question}" was small talk, answered without the documents.`;
				return `Why: ${explained.question}\n${formatExplanation(explained.explain)}`;
			}
			default: {
				if (command?.startsWith('/')) return `Unknown command ${command}.\n${HELP}`;
				const picked = pickSuggestion(line.trim(), session);
				if (picked.refusal) return picked.refusal;
				const now = (session.now ?? Date.now)();
				// Like any conversation's, the console's last turn is forgotten after a while: a later question stands alone.
				// A picked suggestion is a document's sentence, made to stand alone: never a follow-up.
				const context = !picked.question && session.conversation && now - session.conversation.at <= CONVERSATION_TTL_MS ? session.conversation : undefined;
				const result = answer(picked.question ?? line, kb, context ? { context } : {});
				session.conversation = nextContext(context, result, kb, now);
				// /why explains the question as it was read: a follow-up's rewritten form stands alone.
				session.lastQuestion = result.askedAs && !result.askedAs.startsWith(MORE_ABOUT) ? result.askedAs : result.question;
				// Only right after a refusal does a bare number pick: later, "2" is whatever it was asked as.
				session.suggestions = result.answered || result.smallTalk ? undefined : result.suggestions;
				const reply = formatAnswer(result, kb);
				const hint = session.suggestions?.length ? `\nType ${session.suggestions.length === 1 ? '1' : `a number from 1 to ${session.suggestions.length}`} to have it answered.` : '';
				return `${reply}${hint}`;
			}
		}
	} catch (error) {
		if (error instanceof UserError) return error.message;
		throw error;
	}
}

/** A bare number right after a refusal: the suggestion it names, or why it names none. */
function pickSuggestion(line: string, session: ConsoleSession): { question?: string; refusal?: string } {
	const suggestions = session.suggestions;
	if (!suggestions?.length || !PICK.test(line)) return {};
	const suggestion = suggestions[Number(line) - 1];
	return suggestion ? { question: suggestion } : { refusal: `Pick a number from 1 to ${suggestions.length}, or ask a question.` };
}
