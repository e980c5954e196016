/**
 * Answer quality, scored exactly as ../shared/eval/run.mjs scores the bot: an answerable question passes
 * when the answer (at most 600 characters) holds every phrase of one accepted alternative; an
 * unanswerable one passes when the bot says it does not know.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface EvalQuestion {
	id: string;
	q: string;
	accept?: string[][];
	abstain?: boolean;
}

export interface Reply {
	answered: boolean;
	answer: string;
}

export interface Score {
	correct: number;
	total: number;
	answerable: { correct: number; total: number };
	abstain: { correct: number; total: number };
	accuracy: number;
}

const MAX_ANSWER = 600;
const norm = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Whether `phrase` occurs in `text` as whole words, after run.mjs's normalisation. */
export function contains(text: string, phrase: string): boolean {
	return ` ${norm(text)} `.includes(` ${norm(phrase)} `);
}

/** The real questions, or null when ../shared (the eval set) is not beside the project. */
export function readEvalQuestions(file: string): EvalQuestion[] | null {
	if (!existsSync(file)) return null;
	const set = JSON.parse(readFileSync(file, 'utf8')) as { questions: EvalQuestion[] };
	return set.questions.filter((x) => x.q.trim() !== '');
}

export function passes(item: EvalQuestion, reply: Reply): boolean {
	if (item.abstain) return !reply.answered;
	if (!reply.answered || reply.answer.length > MAX_ANSWER) return false;
	return (item.accept ?? []).some((alternative) => alternative.every((phrase) => contains(reply.answer, phrase)));
}

export function score(items: readonly EvalQuestion[], replies: readonly Reply[]): Score {
	const result: Score = { correct: 0, total: items.length, answerable: { correct: 0, total: 0 }, abstain: { correct: 0, total: 0 }, accuracy: 0 };
	items.forEach((item, i) => {
		const ok = passes(item, replies[i]!);
		const bucket = item.abstain ? result.abstain : result.answerable;
		bucket.total++;
		if (ok) {
			bucket.correct++;
			result.correct++;
		}
	});
	result.accuracy = result.total ? result.correct / result.total : 0;
	return result;
}
