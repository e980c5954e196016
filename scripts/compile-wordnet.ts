import { ensureCompiled } from '../src/language/wordnetCompile.ts';

/**
 * Run by `postinstall`, so the first question after `npm ci` does not wait ~1.5 s for WordNet to be
 * compiled. It never fails the install: `wordnet.ts` compiles on first use when this did not, and
 * answers without WordNet (saying so once) when that fails too.
 */
try {
	process.stdout.write(`WordNet compiled: ${ensureCompiled()}\n`);
} catch (error) {
	process.stderr.write(`WordNet not compiled (${(error as Error).message}); it will be on first use.\n`);
}
