import { randomBytes } from 'node:crypto';
import { open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { say, type Language } from '../i18n/index.ts';
import { transliterate } from '../language/transliterate.ts';

/** Largest upload downloaded at all; the engine's validation applies its own, lower limit. */
export const MAX_DOWNLOAD_BYTES = 2 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 10_000;
export const DOCUMENT_EXTENSIONS = ['.md', '.txt'] as const;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export type NameCheck = { ok: true; fileName: string; id: string } | { ok: false; issue: string };

/**
 * Turns an uploaded file's name into a safe document file name (kebab-case id + `.md`/`.txt`),
 * or refuses it with a reason: path separators, `..`, hidden files, control characters,
 * reserved device names (`CON.txt`) and other extensions never reach the file system.
 *
 * @example
 * safeDocumentName('Annual Report 2023.md') // { ok: true, fileName: 'annual-report-2023.md', id: 'annual-report-2023' }
 * safeDocumentName('Ежегодный доклад 2024.md') // { ok: true, fileName: 'ezhegodny-doklad-2024.md', … }
 * safeDocumentName('../../etc/passwd')      // { ok: false, issue: '…' }
 */
export function safeDocumentName(name: string, language: Language = 'en'): NameCheck {
	const trimmed = name.trim();
	if (!trimmed) return { ok: false, issue: say(language, 'nameEmpty') };
	if (trimmed.length > 120) return { ok: false, issue: say(language, 'nameTooLong') };
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f]/.test(trimmed)) return { ok: false, issue: say(language, 'nameControl') };
	if (/[/\\]/.test(trimmed) || trimmed.includes('..')) return { ok: false, issue: say(language, 'namePath') };
	if (trimmed.startsWith('.')) return { ok: false, issue: say(language, 'nameHidden') };
	const extension = extname(trimmed).toLowerCase();
	if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) {
		const got = extension ? `\`${extension.slice(0, 10)}\`` : say(language, 'nameNoExtension');
		return { ok: false, issue: say(language, 'nameExtension', { got }) };
	}
	const stem = trimmed.slice(0, -extension.length);
	if (WINDOWS_RESERVED.test(stem.trim()) || WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) {
		return { ok: false, issue: say(language, 'nameReserved', { name: stem.slice(0, 20) }) };
	}
	// Cyrillic first, letter by letter, before NFKD would split "й" into "и" and a mark: "Доклад 2024" → doklad-2024.
	const id = transliterate(stem.normalize('NFC'))
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 64)
		.replace(/-+$/, '');
	if (!id) return { ok: false, issue: say(language, 'nameNoLetters') };
	// Again on the id: full-width letters and dropped punctuation can turn `ＣＯＮ` or `Con!` into `con`.
	if (WINDOWS_RESERVED.test(id)) return { ok: false, issue: say(language, 'nameReserved', { name: id }) };
	return { ok: true, fileName: `${id}${extension}`, id };
}

/** `dir/fileName`, refusing anything that would land outside `dir`. */
export function insideFolder(dir: string, fileName: string): string {
	const root = resolve(dir);
	const target = resolve(root, fileName);
	const rel = relative(root, target);
	if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep) || basename(target) !== fileName) {
		throw new Error(`refusing a path outside the knowledge folder: ${fileName.slice(0, 60)}`);
	}
	return target;
}

/**
 * Downloads an attachment, refusing more than `maxBytes` (checked while streaming, whatever the
 * server claims) and giving up after 10 s.
 */
export async function download(url: string, maxBytes = MAX_DOWNLOAD_BYTES): Promise<Uint8Array> {
	const parsed = new URL(url);
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('the attachment URL is not http(s)');
	const response = await fetch(parsed, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'follow' });
	if (!response.ok || !response.body) throw new Error(`the attachment could not be downloaded (HTTP ${response.status})`);
	const chunks: Uint8Array[] = [];
	let total = 0;
	const reader = response.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await reader.cancel();
			throw new Error(`the file is larger than ${Math.floor(maxBytes / 1024)} KiB`);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	return bytes;
}

/** `.name.<pid>-<random>.tmp`: the writer's pid tells a crashed writer's leftovers from a live one's. */
const TEMPORARY = /^\..+\.(\d+)-[0-9a-f]{12}\.tmp$/;

/**
 * Writes `bytes` to `target` atomically: a temporary file beside it (ignored by the loader: hidden),
 * flushed to disk, then renamed over the target. A crash leaves old or new, never half; the
 * temporary file it may leave is removed by {@link removeStaleTemporaries} at the next start.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<void> {
	const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
	const handle = await open(temporary, 'wx', 0o644);
	try {
		await handle.writeFile(bytes);
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		await rename(temporary, target);
	} catch (error) {
		await unlink(temporary).catch(() => undefined);
		throw error;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: alive, someone else's.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Removes the temporary files of {@link writeFileAtomic} left in `dir` by a process that died while
 * writing (killed, power cut). Files of live writers (another shard, mid-upload) are kept.
 * Returns the names removed.
 */
export async function removeStaleTemporaries(dir: string): Promise<string[]> {
	const entries = await readdir(dir).catch(() => [] as string[]);
	const removed: string[] = [];
	for (const entry of entries) {
		const match = TEMPORARY.exec(entry);
		if (!match || isAlive(Number(match[1]))) continue;
		await unlink(join(dir, entry)).then(
			() => removed.push(entry),
			() => undefined,
		);
	}
	return removed;
}
