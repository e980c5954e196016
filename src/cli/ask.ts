/**
 * The command-line contract (see README): `npm run --silent ask -- [--json] [--knowledge DIR]
 * (QUESTION | --batch FILE|- | --topic NAME)`. With --json, stdout carries only JSON lines.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { answer, loadKnowledgeBase, parseTopicName, quotedText, topicFacts, type KnowledgeBase } from '../answering/index.ts';
import { messages, UserError } from '../errors.ts';
import { formatAnswer, formatExplanation, formatProblems, formatTopic } from './format.ts';

const EXIT_USAGE = 1;
const EXIT_KNOWLEDGE = 2;

const argsSchema = z.object({
	json: z.boolean().default(false),
	explain: z.boolean().default(false),
	knowledge: z.string().min(1).default(process.env.KNOWLEDGE_DIR ?? 'knowledge'),
	batch: z.string().min(1).optional(),
	topic: z.string().min(1).optional(),
	question: z.string().default(''),
});

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({
		options: { json: { type: 'boolean' }, explain: { type: 'boolean' }, knowledge: { type: 'string' }, batch: { type: 'string' }, topic: { type: 'string' } },
		allowPositionals: true,
	});
	const args = argsSchema.parse({ ...values, question: positionals.join(' ') });

	const { knowledgeBase, problems } = await loadKnowledgeBase(args.knowledge);
	if (problems.length || !knowledgeBase) {
		process.stderr.write(`${formatProblems(problems)}\nThe knowledge folder "${args.knowledge}" cannot be used as it is.\n`);
		return EXIT_KNOWLEDGE;
	}
	if (args.topic) return printTopic(knowledgeBase, args.topic, args.json);
	if (args.batch) return printBatch(knowledgeBase, args.batch, args.json, args.explain);
	return printAnswer(knowledgeBase, args.question, args.json, args.explain);
}

function printAnswer(kb: KnowledgeBase, question: string, json: boolean, explain: boolean): number {
	try {
		const result = answer(question, kb, { explain });
		process.stdout.write(`${json ? toJsonLine(result) : formatAnswer(result, kb)}${!json && result.explain ? `\n\n${formatExplanation(result.explain)}` : ''}\n`);
		return 0;
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		process.stderr.write(`${error.message}\nUsage: npm run ask -- [--json] [--explain] [--knowledge DIR] "QUESTION" | --batch FILE | --topic NAME\n`);
		return EXIT_USAGE;
	}
}

async function printBatch(kb: KnowledgeBase, file: string, json: boolean, explain: boolean): Promise<number> {
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
		const result = answer(line, kb, { explain });
		out.push(json ? toJsonLine(result) : `> ${result.question}\n${formatAnswer(result, kb)}\n`);
	}
	process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
	return 0;
}

function printTopic(kb: KnowledgeBase, name: string, json: boolean): number {
	try {
		const topic = parseTopicName(name);
		const facts = topicFacts(kb, topic);
		process.stdout.write(
			`${json ? JSON.stringify({ topic, facts: facts.map((f) => ({ text: quotedText(f), document: f.document, line: f.line })) }) : formatTopic(topic, facts)}\n`,
		);
		return 0;
	} catch (error) {
		if (!(error instanceof UserError)) throw error;
		process.stderr.write(`${error.message}\n`);
		return EXIT_USAGE;
	}
}

function toJsonLine(result: ReturnType<typeof answer>): string {
	const { question, answered, answer: text, confidence, sources, topic, suggestions, smallTalk, ms, explain } = result;
	return JSON.stringify({
		question,
		answered,
		answer: text,
		confidence,
		sources,
		...(topic ? { topic } : {}),
		suggestions,
		...(smallTalk ? { smallTalk } : {}),
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
		const message = error instanceof z.ZodError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? (error as Error).message : String((error as Error).stack ?? error);
		process.stderr.write(`ask: ${message || messages.emptyQuestion}\n`);
		process.exitCode = EXIT_USAGE;
	},
);
