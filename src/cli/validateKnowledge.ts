/**
 * `npm run validate-knowledge [-- DIR]`: checks a knowledge folder with the same rules as the bot's loader
 * and refresh, for CI or before a commit. Exits 2 when any file has a problem.
 */
import { loadKnowledgeBase } from '../answering/index.ts';
import { formatProblems, formatSources } from './format.ts';

const directory = process.argv[2] ?? process.env.KNOWLEDGE_DIR ?? 'knowledge';
const { knowledgeBase, problems } = await loadKnowledgeBase(directory);
if (knowledgeBase) process.stdout.write(`${formatSources(knowledgeBase)}\n`);
if (problems.length) {
	process.stderr.write(`${formatProblems(problems)}\n`);
	process.exitCode = 2;
} else {
	process.stdout.write('No problems found.\n');
}
