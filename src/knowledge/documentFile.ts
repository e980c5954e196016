import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeYamlError, describeZodError, frontMatterSchema, type FrontMatter } from './schema.ts';

/** Extensions a knowledge document may have. */
export const DOCUMENT_EXTENSIONS = Object.freeze(['.txt', '.md']);
/** Largest document accepted, in bytes: a news article is a few KiB; this leaves room for reports. */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/** One physical line of a document body (blank ones too: they end paragraphs), with its 1-based line number in the file. */
export interface SourceLine {
	line: number;
	text: string;
}

export interface DocumentFile {
	id: string;
	file: string;
	frontMatter: FrontMatter;
	lines: SourceLine[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; issue: string };

export function isDocumentFileName(name: string): boolean {
	return DOCUMENT_EXTENSIONS.includes(extname(name).toLowerCase());
}

/** The document id: the file name without its extension. */
export function documentId(fileName: string): string {
	return basename(fileName, extname(fileName));
}

/**
 * Checks and splits one knowledge file: size, binary content, UTF-8, front matter, non-empty body.
 * Shared by the folder loader and moderators' uploads, so both refuse the same files for the same reasons.
 */
export function parseDocumentFile(file: string, bytes: Uint8Array): Parsed<DocumentFile> {
	if (!isDocumentFileName(file)) return { ok: false, issue: `not a ${DOCUMENT_EXTENSIONS.join(' or ')} file` };
	if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
		return { ok: false, issue: `too large (${bytes.byteLength} bytes; the limit is ${MAX_DOCUMENT_BYTES})` };
	}
	if (bytes.includes(0)) return { ok: false, issue: 'binary content (contains NUL bytes), not text' };
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return { ok: false, issue: 'not valid UTF-8 text' };
	}
	const allLines = text.split(/\r\n|\r|\n/);
	const frontMatter = readFrontMatter(allLines);
	if (!frontMatter.ok) return frontMatter;
	const { data, bodyStart } = frontMatter.value;
	const lines = allLines.slice(bodyStart).map((lineText, index) => ({ line: bodyStart + index + 1, text: lineText }));
	if (!lines.some((l) => l.text.trim() !== '')) return { ok: false, issue: 'the document has no text' };
	return { ok: true, value: { id: documentId(file), file, frontMatter: data, lines } };
}

function readFrontMatter(lines: string[]): Parsed<{ data: FrontMatter; bodyStart: number }> {
	if (lines[0]?.trim() !== '---') return { ok: true, value: { data: frontMatterSchema.parse({}), bodyStart: 0 } };
	const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (end < 0) return { ok: false, issue: 'front matter starts with --- on line 1 but has no closing ---' };
	let raw: unknown;
	try {
		raw = parseYaml(lines.slice(1, end).join('\n')) ?? {};
	} catch (error) {
		// The front matter's text starts on the file's second line, after the opening ---.
		return { ok: false, issue: describeYamlError('front matter is not valid YAML', error, 2) };
	}
	const parsed = frontMatterSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, issue: `front matter: ${describeZodError(parsed.error)}` };
	return { ok: true, value: { data: parsed.data, bodyStart: end + 1 } };
}
