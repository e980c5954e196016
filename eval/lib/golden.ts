import { writeFileSync } from 'node:fs';
import { answer } from '../../src/answering/answer.ts';
import type { VerifierModel } from '../../src/verify/model.ts';
import { knowledgeBaseFor, type QuestionSet } from './sets.ts';

/** The verifier's decisions on the project's own sets, which tests/verify/golden.test.ts checks the engine still makes. */
export const GOLDEN_FILE = new URL('../../tests/fixtures/verifier-golden.json', import.meta.url);

export interface GoldenDecision {
	set: string;
	question: string;
	answered: boolean;
	/** The first cited fact's id when answered. */
	fact?: string;
	confidence: number;
}

export async function goldenDecisions(sets: readonly QuestionSet[], model: VerifierModel): Promise<GoldenDecision[]> {
	const decisions: GoldenDecision[] = [];
	for (const set of sets) {
		const kb = await knowledgeBaseFor(set);
		for (const q of set.questions) {
			const result = answer(q.q, kb, { model });
			decisions.push({ set: set.name, question: q.q, answered: result.answered, ...(result.answered ? { fact: result.factIds[0] } : {}), confidence: result.confidence });
		}
	}
	return decisions;
}

/** Written by `npm run train` with the model it fits. */
export async function writeGolden(sets: readonly QuestionSet[], model: VerifierModel): Promise<void> {
	writeFileSync(GOLDEN_FILE, `${JSON.stringify(await goldenDecisions(sets, model), null, '\t')}\n`);
}
