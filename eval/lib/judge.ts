import type { Question } from './sets.ts';

/** Longest answer that counts: an answer must be a sentence or two, not the whole document. */
const MAX_ANSWER = 600;

/** Compared as the public scorer compares: lower case, NFKD, every run of non-letters and non-digits one space. */
function normalise(text: string): string {
	return text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Whether an answer's text answers the question: it holds every phrase of one accepted alternative. */
export function answersRightly(question: Question, text: string): boolean {
	if (question.abstain || text.length > MAX_ANSWER) return false;
	const answer = ` ${normalise(text)} `;
	return question.accept.some((alternative) => alternative.every((phrase) => answer.includes(` ${normalise(phrase)} `)));
}
