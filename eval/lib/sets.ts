import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { loadKnowledgeBase, type KnowledgeBase } from '../../src/answering/index.ts';
import type { SearchOptions } from '../../src/search/searchOptions.ts';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
/** The public sets beside the project (see DEVELOPERS.md); read at training and evaluation time only, never copied. */
export const SHARED_EVAL = resolve(ROOT, '../shared/eval');

const questionSchema = z.union([
	z.object({ id: z.string(), q: z.string(), abstain: z.literal(true) }),
	z.object({ id: z.string(), q: z.string(), accept: z.array(z.array(z.string()).min(1)).min(1), abstain: z.undefined().optional() }),
]);
/**
 * A question set: `with` adds documents beside the project's knowledge folder; `knowledge` (relative to the set
 * file) replaces that folder, for text outside the institution's field.
 */
const setSchema = z.object({
	about: z.string().optional(),
	with: z.array(z.string()).optional(),
	knowledge: z.string().optional(),
	questions: z.array(questionSchema),
});

export type Question = z.infer<typeof questionSchema>;

export interface QuestionSet {
	name: string;
	/** Whether the set is the project's own (committed) or one of the public sets read from ../shared. */
	own: boolean;
	questions: Question[];
	knowledge: string;
	with: string[];
}

/**
 * Every set to train and evaluate on: the project's own (eval/sets) and, when ../shared is beside the project,
 * the public ones (read at training and evaluation time, never copied).
 */
export function questionSets(): QuestionSet[] {
	const sets: QuestionSet[] = [];
	const ownDir = join(ROOT, 'eval/sets');
	for (const file of existsSync(ownDir) ? readdirSync(ownDir).filter((f) => f.endsWith('.json')).sort() : []) {
		sets.push(readSet(`own/${basename(file, '.json')}`, join(ownDir, file), { own: true, knowledge: join(ROOT, 'knowledge') }));
	}
	if (existsSync(SHARED_EVAL)) {
		const shared = (name: string, file: string, knowledge: string, extra: string[] = []) => existsSync(file) && sets.push(readSet(name, file, { own: false, knowledge, extra }));
		shared('public/seed', join(SHARED_EVAL, 'questions.json'), join(ROOT, 'knowledge'));
		shared('public/multi-doc', join(SHARED_EVAL, 'multi-doc/questions.json'), join(ROOT, 'knowledge'), [join(SHARED_EVAL, 'multi-doc/merovia-human-rights-commission.txt')]);
		shared('public/squad', join(SHARED_EVAL, 'squad/questions.json'), join(SHARED_EVAL, 'squad/knowledge'));
		shared('public/seed-ru', join(SHARED_EVAL, 'ru/seed-ru.json'), join(ROOT, 'knowledge'));
		shared('public/tavria-ru', join(SHARED_EVAL, 'ru/tavria-questions.json'), join(ROOT, 'knowledge'), [join(SHARED_EVAL, 'ru/tavria-ombudsman.txt')]);
	}
	return sets;
}

function readSet(name: string, file: string, how: { own: boolean; knowledge: string; extra?: string[] }): QuestionSet {
	const parsed = setSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
	const withDocs = [...(how.extra ?? []), ...(parsed.with ?? []).map((doc) => resolve(dirname(file), doc))];
	const knowledge = parsed.knowledge ? resolve(dirname(file), parsed.knowledge) : how.knowledge;
	return { name, own: how.own, questions: parsed.questions.filter((q) => q.q.trim()), knowledge, with: withDocs };
}

/** The knowledge base a set is asked against: its folder, with its extra documents beside the folder's own. */
export async function knowledgeBaseFor(set: QuestionSet, options: Partial<SearchOptions> = {}): Promise<KnowledgeBase> {
	const folder = set.with.length ? mkdtempSync(join(tmpdir(), 'ombudsbot-eval-')) : set.knowledge;
	try {
		if (set.with.length) {
			cpSync(set.knowledge, folder, { recursive: true });
			for (const doc of set.with) cpSync(doc, join(folder, basename(doc)));
		}
		const { knowledgeBase, problems } = await loadKnowledgeBase(folder, options);
		if (!knowledgeBase || problems.length) throw new Error(`${set.name}: knowledge did not load: ${JSON.stringify(problems)}`);
		return knowledgeBase;
	} finally {
		if (set.with.length) rmSync(folder, { recursive: true, force: true });
	}
}
