import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isNode, isSeq, parse as parseYaml, parseDocument, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { writeFileAtomic } from '../discord/uploads.ts';
import { describeYamlError, describeZodError } from './schema.ts';
import type { KnowledgeDocument, KnowledgeProblem } from './types.ts';

/** The curated questions' file name inside a knowledge folder. */
export const CURATED_FILE = 'curated.yaml';

/**
 * One entry of `knowledge/curated.yaml`: a question as people typed it, linked by a moderator to the fact that
 * answers it. The fact is named by its document and its sentence, not by its line: editing other lines of the
 * document (or re-wrapping it) leaves the link intact; only rewording the sentence itself breaks it, and that
 * is reported as a knowledge problem.
 */
export const curatedEntrySchema = z
	.object({
		question: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
		document: z.string().trim().min(1, 'must not be empty'),
		/** The fact's sentence as the engine reads it (`Fact.text`): whitespace differences do not matter. */
		fact: z.string().trim().min(1, 'must not be empty'),
	})
	.strict();
export type CuratedEntry = z.infer<typeof curatedEntrySchema>;

/** A curated question resolved against the documents loaded now. */
export interface CuratedLink {
	question: string;
	factId: string;
}

const HEADER = `# Curated questions: a question as people asked it, linked by a moderator (/kb answer) to the fact that answers it.
# Each entry names its fact by document id and sentence text, so edits to other lines keep it valid.
# A question matching one of these is answered with its fact (see README, "The curation loop").
`;

/** Same sentence whatever its spacing: the file is edited by hand too. */
const spaced = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Reads `curated.yaml`'s text into entries. An absent or empty file has none. An entry that fails validation is
 * reported (by its position, with the reason) and skipped, so one bad line costs only itself.
 */
export function parseCurated(text: string): { entries: CuratedEntry[]; problems: KnowledgeProblem[] } {
	let raw: unknown;
	try {
		raw = parseYaml(text);
	} catch (error) {
		return { entries: [], problems: [{ file: CURATED_FILE, issue: describeYamlError('not valid YAML', error) }] };
	}
	if (raw === null || raw === undefined) return { entries: [], problems: [] };
	if (!Array.isArray(raw)) return { entries: [], problems: [{ file: CURATED_FILE, issue: 'must be a list of entries (question, document, fact)' }] };
	const entries: CuratedEntry[] = [];
	const problems: KnowledgeProblem[] = [];
	raw.forEach((item: unknown, index) => {
		const parsed = curatedEntrySchema.safeParse(item);
		if (parsed.success) entries.push({ ...parsed.data, fact: spaced(parsed.data.fact) });
		else problems.push({ file: CURATED_FILE, issue: `entry ${index + 1}: ${describeZodError(parsed.error)}` });
	});
	return { entries, problems };
}

/**
 * Links each entry to the fact its sentence names now. An entry whose document or sentence is gone is a problem
 * (file and reason, like any other file's), never a crash. When the same question is linked twice, the later
 * entry wins: a moderator's newer decision replaces the older one.
 */
export function resolveCurated(entries: readonly CuratedEntry[], documents: readonly KnowledgeDocument[]): { links: CuratedLink[]; problems: KnowledgeProblem[] } {
	const byId = new Map(documents.map((d) => [d.id, d]));
	const links = new Map<string, CuratedLink>();
	const problems: KnowledgeProblem[] = [];
	entries.forEach((entry, index) => {
		const where = `entry ${index + 1} ("${entry.question.slice(0, 80)}")`;
		const document = byId.get(entry.document);
		if (!document) {
			problems.push({ file: CURATED_FILE, issue: `${where}: document "${entry.document}" is not in the knowledge folder` });
			return;
		}
		const fact = document.facts.find((f) => spaced(f.text) === entry.fact);
		if (!fact) {
			problems.push({ file: CURATED_FILE, issue: `${where}: the sentence "${entry.fact.slice(0, 120)}" is no longer in document "${entry.document}"` });
			return;
		}
		const key = spaced(entry.question).toLowerCase();
		links.delete(key);
		links.set(key, { question: entry.question, factId: fact.id });
	});
	return { links: [...links.values()], problems };
}

/**
 * The curated questions, resolved against the documents: `stored`'s text when given (the store's, with PostgreSQL),
 * else the folder's file; none when that is absent.
 */
export async function loadCurated(directory: string, documents: readonly KnowledgeDocument[], stored?: string): Promise<{ links: CuratedLink[]; problems: KnowledgeProblem[] }> {
	const text = stored ?? (await readCuratedText(directory));
	if (text instanceof Error) return { links: [], problems: [{ file: CURATED_FILE, issue: `cannot be read: ${text.message}` }] };
	const parsed = parseCurated(text ?? '');
	const resolved = resolveCurated(parsed.entries, documents);
	return { links: resolved.links, problems: [...parsed.problems, ...resolved.problems] };
}

/** The folder's `curated.yaml` text; null when there is none, the error when it cannot be read. */
export async function readCuratedText(directory: string): Promise<string | null | Error> {
	try {
		return await readFile(join(directory, CURATED_FILE), 'utf8');
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : (error as Error);
	}
}

/** The file's text with `entry` appended: what was there (comments included) stays as it was. */
export function appendedCuratedText(existing: string | null, entry: CuratedEntry): string {
	const valid = curatedEntrySchema.parse(entry);
	const before = existing?.trim() ? existing.replace(/\s*$/, '\n') : HEADER;
	return before + stringifyYaml([{ question: valid.question, document: valid.document, fact: spaced(valid.fact) }], { lineWidth: 0 });
}

/**
 * `curated.yaml`'s text without the entries that link to `documentId`, and those entries; null when none do or the
 * text is no list (its problems are the build's to report). Comments stay, the file's opening one included even when
 * its first entry goes: the YAML parser hangs it on that entry.
 */
export function curatedWithout(text: string, documentId: string): { text: string; dropped: CuratedEntry[] } | null {
	const file = parseDocument(text);
	if (file.errors.length > 0 || !isSeq(file.contents)) return null;
	const dropped: CuratedEntry[] = [];
	const items = file.contents.items;
	const kept = items.filter((item) => {
		const entry = curatedEntrySchema.safeParse(isNode(item) ? item.toJSON() : item);
		if (!entry.success || entry.data.document !== documentId) return true;
		dropped.push(entry.data);
		return false;
	});
	if (dropped.length === 0) return null;
	const opening = isNode(items[0]) ? items[0].commentBefore : null;
	if (opening && kept[0] !== items[0]) {
		const first = kept[0];
		if (isNode(first)) first.commentBefore = first.commentBefore ? `${opening}\n${first.commentBefore}` : opening;
		else file.commentBefore = file.commentBefore ? `${opening}\n${file.commentBefore}` : opening;
	}
	file.contents.items = kept;
	return { text: file.toString({ lineWidth: 0 }), dropped };
}

/**
 * {@link appendedCuratedText}, refusing a text that is not a valid YAML list rather than appending to it, so a
 * moderator's hand edit is never buried under generated text.
 */
export function curatedTextWith(existing: string | null, entry: CuratedEntry): string {
	if (existing !== null) {
		const parsed = parseCurated(existing);
		const broken = parsed.problems.find((p) => !p.issue.startsWith('entry '));
		if (broken) throw new Error(`${CURATED_FILE} ${broken.issue}`);
	}
	return appendedCuratedText(existing, entry);
}

/**
 * Appends an entry to the folder's `curated.yaml`, creating it when absent, atomically (a temporary file renamed
 * over it): a crash leaves the old file or the new one, never half. Callers serialise writers (the knowledge
 * holder's `exclusive`), since this reads the file before writing it. A file that is not valid YAML is refused
 * (see {@link curatedTextWith}).
 * @returns the previous text (null when there was no file), so a failed rebuild can put it back.
 */
export async function appendCuratedEntry(directory: string, entry: CuratedEntry): Promise<string | null> {
	const existing = await readCuratedText(directory);
	if (existing instanceof Error) throw existing;
	await writeFileAtomic(join(directory, CURATED_FILE), curatedTextWith(existing, entry));
	return existing;
}

/** Puts `curated.yaml` back as it was before {@link appendCuratedEntry} (removing it when there was none). */
export async function restoreCurated(directory: string, previous: string | null): Promise<void> {
	const target = join(directory, CURATED_FILE);
	if (previous === null) await unlink(target).catch(() => undefined);
	else await writeFileAtomic(target, previous);
}
