/**
 * The command-line contract (see README): `npm run --silent ask -- [--json] [--knowledge DIR] [--session ID]
 * [--lang en|ru|kk] (QUESTION | --batch FILE|- | --topic NAME)`. --lang sets the language of the bot's own words
 * when a question does not show its own; the JSON keys stay the same. With --json, stdout carries only JSON lines. With --session, the
 * questions are one conversation, kept in the store under DATA_DIR, so follow-ups ("who is he?") can be tested.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { answer, loadKnowledgeBase, parseTopicName, quotedText, topicFacts, type Answer, type KnowledgeBase } from '../answering/index.ts';
import { answerInConversation, type ConversationStore } from '../answering/conversation.ts';
import { messages, UserError } from '../errors.ts';
import type { Language } from '../i18n/index.ts';
import { LANGUAGES } from '../language/detect.ts';
import { Store } from '../store/store.ts';
import { formatAnswer, formatExplanation, formatProblems, formatTopic } from './format.ts';

const EXIT_USAGE = 1;
const EXIT_KNOWLEDGE = 2;

const argsSchema = z.object({
	json: z.boolean().default(false),
	explain: z.boolean().default(false),
	knowledge: z.string().min(1).default(process.env.KNOWLEDGE_DIR ?? 'knowledge'),
	batch: z.string().min(1).optional(),
	topic: z.string().min(1).optional(),
	session: z.string().min(1).max(200).optional(),
	lang: z.enum(LANGUAGES).default('en'),
	question: z.string().default(''),
});

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		options: { json: { type: 'boolean' }, explain: { type: 'boolean' }, knowledge: { type: 'string' }, batch: { type: 'string' }, topic: { type: 'string' }, session: { type: 'string' }, lang: { type: 'string' } },
		allowPositionals: true,
	});
	const args = argsSchema.parse({ ...values, question: positionals.join(' ') });

	const { knowledgeBase, problems } = await loadKnowledgeBase(args.knowledge);
	if (problems.length || !knowledgeBase) {
		process.stderr.write(`${formatProblems(problems)}\nThe knowledge folder "${args.knowledge}" cannot be used as it is.\n`);
		return EXIT_KNOWLEDGE;
	}
	if (args.topic) return printTopic(knowledgeBase, args.topic, args.json, args.lang);
	const store = args.session === undefined ? undefined : openStore();
	if (store === null) return EXIT_USAGE;
	try {
		const ask = asker(knowledgeBase, { explain: args.explain, language: args.lang }, store, args.session);
		if (args.batch) return await printBatch(knowledgeBase, args.batch, args.json, ask, args.lang);
		return await printAnswer(knowledgeBase, args.question, args.json, ask, args.lang);
	} finally {
		await store?.close();
	}
}

type Ask = (question: string) => Answer | Promise<Answer>;

/** Without a session every question stands alone, exactly as before; with one, each is a turn of its conversation. */
function asker(kb: KnowledgeBase, options: { explain: boolean; language: Language }, store: ConversationStore | undefined, session: string | undefined): Ask {
	// The CLI's sessions are named apart from Discord's, so a script never joins a person's conversation.
	if (store && session !== undefined) return (question) => answerInConversation(question, kb, { store, session: `cli:${session}` }, options);
	return (question) => answer(question, kb, options);
}

/** The store that keeps `--session` conversations, or null (said on stderr) when DATA_DIR cannot hold it. */
function openStore(): Store | null {
	try {
		return Store.open(process.env.DATA_DIR ?? 'data');
	} catch (error) {
		process.stderr.write(`ask: --session needs the store: ${(error as Error).message}\n`);
		return null;
	}
}

async function printAnswer(kb: KnowledgeBase, question: string, json: boolean, ask: Ask, language: Language): Promise<number> {
	try {
		const result = await ask(question);
		process.stdout.write(`${json ? toJsonLine(result) : formatAnswer(result, kb, language)}${!json && result.explain ? `\n\n${formatExplanation(result.explain)}` : ''}\n`);
		return 0;
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		process.stderr.write(`${error.message}\nUsage: npm run ask -- [--json] [--explain] [--knowledge DIR] [--session ID] [--lang en|ru|kk] "QUESTION" | --batch FILE | --topic NAME\n`);
		return EXIT_USAGE;
	}
}

async function printBatch(kb: KnowledgeBase, file: string, json: boolean, ask: Ask, language: Language): Promise<number> {
	let text: string;
	try {
		text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
	} catch (error) {
		// A mistyped file name is the user's slip, not a crash: say which file and why, without a stack.
		process.stderr.write(`ask: cannot read the batch file "${file}": ${unreadableReason(error)}\n`);
		return EXIT_USAGE;
	}
	const out: string[] = [];
	for (const line of text.split(/\r?\n/)) {
		if (!line.trim()) continue;
		const result = await ask(line);
		out.push(json ? toJsonLine(result) : `> ${result.question}\n${formatAnswer(result, kb, language)}\n`);
	}
	process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
	return 0;
}

function printTopic(kb: KnowledgeBase, name: string, json: boolean, language: Language): number {
	try {
		const topic = parseTopicName(name);
		const facts = topicFacts(kb, topic);
		process.stdout.write(
			`${json ? JSON.stringify({ topic, facts: facts.map((f) => ({ text: quotedText(f), document: f.document, line: f.line })) }) : formatTopic(topic, facts, language)}\n`,
		);
		return 0;
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		process.stderr.write(`${error.message}\n`);
		return EXIT_USAGE;
	}
}

function toJsonLine(result: Answer): string {
	const { question, answered, answer: text, confidence, sources, topic, suggestions, smallTalk, askedAs, ms, explain } = result;
	return JSON.stringify({
		question,
		answered,
		answer: text,
		confidence,
		sources,
		...(topic ? { topic } : {}),
		suggestions,
		...(smallTalk ? { smallTalk } : {}),
		...(askedAs ? { askedAs } : {}),
		ms: Math.round(ms * 1000) / 1000,
		...(explain ? { explain } : {}),
	});
}

function unreadableReason(error: unknown): string {
	const reasons: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a folder', EACCES: 'permission denied', EPERM: 'permission denied' };
	const code = (error as NodeJS.ErrnoException).code ?? '';
	return reasons[code] ?? (error as Error).message;
}

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		const message =
			error instanceof z.ZodError ? z.prettifyError(error) : (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : String((error as Error).stack ?? error);
		process.stderr.write(`ask: ${message || messages.emptyQuestion}\n`);
		process.exitCode = EXIT_USAGE;
	},
);
