import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { time, TimestampStyles } from 'discord.js';
import { validateDocumentUpload, type KnowledgeProblem } from './engine.ts';
import { CURATED_FILE, curatedWithout, readCuratedText, restoreCurated, type CuratedEntry } from '../knowledge/curated.ts';
import type { KnowledgeChange } from '../store/store.ts';
import { counts, STARTUP_ACTOR, type Actor, type RefreshResult } from './knowledge.ts';
import { clip, LIMITS, plain } from './limits.ts';
import { say, type Language } from '../i18n/index.ts';
import { infoPayload, lastRefreshText, type ReplyPayload } from './replies.ts';
import { download, insideFolder, MAX_DOWNLOAD_BYTES, safeDocumentName, writeFileAtomic } from './uploads.ts';
import type { BotContext } from './types.ts';

/** An uploaded file, as Discord describes it. */
export interface Upload {
	name: string;
	size: number;
	url: string;
}

const problemLines = (problems: readonly KnowledgeProblem[], language: Language): string =>
	clip(
		problems
			.slice(0, 15)
			.map((problem) => `• \`${clip(plain(problem.file), 80)}\`: ${clip(plain(problem.issue), 300)}`)
			.join('\n') + (problems.length > 15 ? `\n${say(language, 'listMore', { count: problems.length - 15 })}` : ''),
		LIMITS.embedFieldValue,
	);

/** "2 documents", "фактов: 21": a count with its noun, in the moderator's language. */
function counted(language: Language, count: number, what: 'Documents' | 'Facts'): string {
	return count === 1 ? say(language, `count${what}One`) : say(language, `count${what}`, { count });
}

/** Writes an audit line and logs the change; a store failure is logged, never undoes the change. */
export async function safeAudit(ctx: BotContext, entry: Parameters<BotContext['store']['audit']>[0]): Promise<void> {
	try {
		await ctx.store.audit(entry);
	} catch (error) {
		// The change itself is done; losing its audit line is bad but must not undo it.
		ctx.logger.error({ err: error, action: entry.action, target: entry.target }, 'store: could not write the audit log');
	}
	ctx.logger.info({ action: entry.action, target: entry.target, ok: entry.ok, actor: entry.actorId }, 'knowledge base change');
}

async function announceChange(ctx: BotContext): Promise<void> {
	try {
		ctx.knowledge.generation = await ctx.store.bumpKnowledgeGeneration();
	} catch (error) {
		ctx.logger.error({ err: error }, 'store: could not announce the change to other processes');
	}
}

/**
 * Rebuilds the knowledge base after a change to its folder. If the build fails, the change is undone (so
 * the folder matches what is served), the failure is audited, and the reply to send is returned.
 */
export async function rebuildOrUndo(
	ctx: BotContext,
	actor: Actor,
	change: { action: string; target: string; undo: () => Promise<void>; failure: [title: string, note: string] },
	language: Language,
): Promise<Extract<RefreshResult, { ok: true }> | { ok: false; reply: ReplyPayload }> {
	const result = await ctx.knowledge.refreshNow(actor);
	if (result.ok) {
		await announceChange(ctx);
		return result;
	}
	await change.undo();
	await safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: change.action, target: change.target, ok: false, detail: { problems: result.problems } });
	return { ok: false, reply: refreshFailed(change.failure[0], result, language, change.failure[1]) };
}

function refreshFailed(title: string, result: Extract<RefreshResult, { ok: false }>, language: Language, extra = ''): ReplyPayload {
	const kept = say(language, 'keptPrevious', { documents: counted(language, result.before.documents, 'Documents'), facts: counted(language, result.before.facts, 'Facts') });
	return infoPayload(title, `${extra}${kept}`, [{ name: say(language, 'whatIsWrong'), value: problemLines(result.problems, language) }], { error: true });
}

/** `/kb refresh`: rebuild from the folder; swap only if clean. */
export async function refreshKnowledge(ctx: BotContext, actor: Actor, language: Language = 'en'): Promise<ReplyPayload> {
	const result = await ctx.knowledge.refresh(actor);
	if (!result.ok) {
		await safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: 'refresh', target: null, ok: false, detail: { problems: result.problems } });
		return refreshFailed(say(language, 'refreshFailedTitle'), result, language);
	}
	await announceChange(ctx);
	const { before, after } = result;
	await safeAudit(ctx, {
		actorId: actor.id,
		actorName: actor.name,
		action: 'refresh',
		target: null,
		ok: true,
		detail: { before, after: { documents: after.documents, facts: after.facts }, ms: after.ms },
	});
	return infoPayload(
		say(language, 'refreshedTitle'),
		say(language, 'refreshed', { before: before.facts, after: after.facts, documentsBefore: before.documents, documentsAfter: after.documents, ms: after.ms }),
	);
}

/** What adding a document did: replaced one or not, the build; or the reply refusing it. */
type Added = { existed: boolean; result: Extract<RefreshResult, { ok: true }> } | { reply: ReplyPayload };

/**
 * `/kb add`: check the name, size, type and encoding, write the file atomically into the
 * knowledge folder, then rebuild. If the rebuild fails, the folder is put back as it was.
 * With PostgreSQL the document goes to the database instead, once it builds, for every process.
 */
export async function addDocument(ctx: BotContext, actor: Actor, upload: Upload, replace: boolean, language: Language = 'en'): Promise<ReplyPayload> {
	const refuse = async (issue: string, target: string | null = null): Promise<ReplyPayload> => {
		await safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: 'add', target, ok: false, detail: { file: upload.name.slice(0, 200), issue } });
		return infoPayload(say(language, 'uploadRefusedTitle'), say(language, 'uploadRefused', { file: clip(plain(upload.name), 100), issue }), [], { error: true });
	};
	const name = safeDocumentName(upload.name, language);
	if (!name.ok) return refuse(name.issue);
	if (upload.size > MAX_DOWNLOAD_BYTES) return refuse(say(language, 'uploadTooLarge', { kib: MAX_DOWNLOAD_BYTES / 1024 }), name.id);
	let bytes: Uint8Array;
	try {
		bytes = await download(upload.url);
	} catch (error) {
		return refuse((error as Error).message, name.id);
	}
	const check = validateDocumentUpload(name.fileName, bytes);
	if (!check.ok) return refuse(check.issue, name.id);

	/** Without PostgreSQL: the file written into the knowledge folder, and taken out again if the build fails. */
	const addToFolder = async (): Promise<Added> => {
		const dir = ctx.env.KNOWLEDGE_DIR;
		const target = insideFolder(dir, name.fileName);
		const entries = await readdir(dir);
		const clash = entries.find((entry) => entry !== name.fileName && entry.replace(/\.(md|txt)$/i, '').toLowerCase() === name.id);
		if (clash) return { reply: await refuse(say(language, 'idClash', { id: name.id, file: clip(plain(clash), 80) }), name.id) };
		const existed = entries.includes(name.fileName);
		if (existed && !replace) return { reply: await refuse(say(language, 'alreadyExists', { file: name.fileName }), name.id) };
		const previous = existed ? await readFile(target) : null;

		await writeFileAtomic(target, check.text);
		const result = await rebuildOrUndo(ctx, actor, {
			action: 'add',
			target: name.id,
			// Put the folder back as it was, so it matches what is served.
			undo: async () => {
				if (previous) await writeFileAtomic(target, previous);
				else await unlink(target).catch(() => undefined);
			},
			failure: [say(language, 'uploadNotAddedTitle'), say(language, 'uploadNotAdded', { file: name.fileName })],
		}, language);
		return result.ok ? { existed, result } : { reply: result.reply };
	};

	/** With PostgreSQL: the document recorded in the database once it builds, for every process to serve. */
	const addToStore = async (): Promise<Added> => {
		const served = ctx.knowledge.current?.documents.find((document) => document.id === name.id);
		if (served && basename(served.file) !== name.fileName) return { reply: await refuse(say(language, 'idClash', { id: name.id, file: clip(plain(served.file), 80) }), name.id) };
		if (served && !replace) return { reply: await refuse(say(language, 'alreadyExists', { file: name.fileName }), name.id) };
		const result = await changeInStore(ctx, actor, { kind: 'add', id: name.id, file: name.fileName, content: check.text }, { action: 'add', target: name.id }, [
			say(language, 'uploadNotAddedTitle'),
			say(language, 'uploadNotAdded', { file: name.fileName }),
		], language);
		return result.ok ? { existed: served !== undefined, result } : { reply: result.reply };
	};

	return ctx.knowledge.exclusive(async () => {
		const change = ctx.knowledge.shared ? await addToStore() : await addToFolder();
		if ('reply' in change) return change.reply;
		const { existed, result } = change;
		await safeAudit(ctx, {
			actorId: actor.id,
			actorName: actor.name,
			action: existed ? 'replace' : 'add',
			target: name.id,
			ok: true,
			detail: { file: name.fileName, bytes: bytes.byteLength, before: result.before, facts: result.after.facts, ms: result.after.ms },
		});
		return infoPayload(
			say(language, existed ? 'documentReplacedTitle' : 'documentAddedTitle'),
			say(language, 'documentAdded', {
				file: name.fileName,
				before: result.before.facts,
				after: result.after.facts,
				documentsBefore: result.before.documents,
				documentsAfter: result.after.documents,
			}),
		);
	});
}

/**
 * With PostgreSQL, a document added or removed or the curated questions rewritten: built aside with the change and
 * recorded in the store (which tells every process) only if the build is clean. A failed build or a failed write
 * changes nothing; either is audited (as `audit` says) and the reply to send is returned.
 */
export async function changeInStore(
	ctx: BotContext,
	actor: Actor,
	change: KnowledgeChange,
	audit: { action: string; target: string },
	failure: [title: string, note: string],
	language: Language,
): Promise<Extract<RefreshResult, { ok: true }> | { ok: false; reply: ReplyPayload }> {
	let result: RefreshResult;
	let note = failure[1];
	try {
		result = await ctx.knowledge.changeNow(actor, change, () => ctx.store.changeKnowledge(change, actor));
	} catch (error) {
		ctx.logger.error({ err: error, target: audit.target }, 'store: could not record a knowledge change');
		result = {
			ok: false,
			before: counts(ctx.knowledge.current),
			problems: [{ file: changedFile(change), issue: `the database could not record the change: ${(error as Error).message}` }],
		};
		note = '';
	}
	if (result.ok) return result;
	await safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: audit.action, target: audit.target, ok: false, detail: { problems: result.problems } });
	return { ok: false, reply: refreshFailed(failure[0], result, language, note) };
}

/** The file a change is about, as a problem names it. */
function changedFile(change: KnowledgeChange): string {
	if (change.kind === 'add') return change.file;
	return change.kind === 'curated' ? CURATED_FILE : change.id;
}

/** Curated entries taken out of the folder's `curated.yaml` for a removal, and how to put them back. */
interface DroppedCurated {
	entries: CuratedEntry[];
	restore(): Promise<void>;
}

/**
 * Takes the entries linking to `documentId` out of `curated.yaml`: left in, they would name a document that is
 * gone, a knowledge problem that fails the build (and every refresh after). Call inside the knowledge lock.
 */
async function dropCuratedFor(dir: string, documentId: string): Promise<DroppedCurated> {
	const previous = await readCuratedText(dir);
	if (previous instanceof Error) throw previous;
	const without = previous === null ? null : curatedWithout(previous, documentId);
	if (!without) return { entries: [], restore: async () => undefined };
	await writeFileAtomic(join(dir, CURATED_FILE), without.text);
	return { entries: without.dropped, restore: () => restoreCurated(dir, previous) };
}

/**
 * `/kb remove`: move the document out of the knowledge folder (kept under `DATA_DIR/removed/`
 * so nothing is lost), then rebuild; put it back if the rebuild fails. With PostgreSQL the removal
 * is recorded in the database (the document's text stays there), once the rest builds without it.
 * Curated questions answered from the document leave `curated.yaml` with it (audited one by one), and come
 * back with it if the removal is undone; with PostgreSQL they leave the store's curated text, in the same change.
 */
export async function removeDocument(ctx: BotContext, actor: Actor, documentId: string, language: Language = 'en'): Promise<ReplyPayload> {
	return ctx.knowledge.exclusive(async () => {
		const kb = ctx.knowledge.current;
		const document = kb?.documents.find((candidate) => candidate.id === documentId);
		if (!document) {
			return infoPayload(say(language, 'nothingRemovedTitle'), say(language, 'noSuchDocument', { id: clip(plain(documentId), 80) }), [], { error: true });
		}
		const dir = ctx.env.KNOWLEDGE_DIR;
		const failure: [string, string] = [say(language, 'notRemovedTitle'), say(language, 'notRemoved', { file: document.file })];
		if (ctx.knowledge.shared) {
			// The curated text without the entries naming the document goes to the store with the removal, in one change:
			// every process rebuilds with both, none is left with an entry pointing at a document that is gone.
			const text = await ctx.knowledge.curatedText();
			const without = text === null ? null : curatedWithout(text, document.id);
			const change: KnowledgeChange = { kind: 'remove', id: document.id, ...(without ? { curated: without.text } : {}) };
			const result = await changeInStore(ctx, actor, change, { action: 'remove', target: document.id }, failure, language);
			if (!result.ok) return result.reply;
			// Nothing to archive: the removal is a row of its own, and the text added before stays in the database.
			return removed(document, result, without?.dropped ?? [], { stored: 'database' });
		}
		const source = insideFolder(dir, document.file);
		const bytes = await readFile(source);
		const archiveDir = join(ctx.env.DATA_DIR, 'removed');
		await mkdir(archiveDir, { recursive: true });
		const archived = `${new Date().toISOString().replace(/[:.]/g, '-')}-${document.file}`;
		await writeFileAtomic(join(archiveDir, archived), bytes);
		const curated = await dropCuratedFor(dir, document.id);
		try {
			await unlink(source);
		} catch (error) {
			await curated.restore();
			throw error;
		}
		const result = await rebuildOrUndo(ctx, actor, {
			action: 'remove',
			target: document.id,
			undo: async () => {
				await writeFileAtomic(source, bytes);
				await curated.restore();
			},
			failure,
		}, language);
		if (!result.ok) return result.reply;
		return removed(document, result, curated.entries, { archived });
	});

	async function removed(
		document: { id: string; file: string },
		result: Extract<RefreshResult, { ok: true }>,
		curated: readonly CuratedEntry[],
		kept: Record<string, string>,
	): Promise<ReplyPayload> {
		await safeAudit(ctx, {
			actorId: actor.id,
			actorName: actor.name,
			action: 'remove',
			target: document.id,
			ok: true,
			detail: { file: document.file, ...kept, before: result.before, facts: result.after.facts, curated: curated.length },
		});
		for (const entry of curated) {
			await safeAudit(ctx, {
				actorId: actor.id,
				actorName: actor.name,
				action: 'drop-curated',
				target: document.id,
				ok: true,
				detail: { question: entry.question.slice(0, 300), sentence: entry.fact.slice(0, 300) },
			});
		}
		const text = say(language, 'removed', { file: document.file, before: result.before.facts, after: result.after.facts });
		return infoPayload(say(language, 'removedTitle'), curated.length ? `${text}\n${say(language, 'removedCurated', { count: curated.length, file: CURATED_FILE })}` : text);
	}
}

function describeTarget(entry: { target: string | null; detail: Record<string, unknown> }): string {
	const target = entry.target ?? (typeof entry.detail.file === 'string' ? entry.detail.file : null);
	return target ? ` \`${clip(plain(target), 60)}\`` : '';
}

/** `/kb status`: what is served, the last build, the recent changes. */
export async function statusPayload(ctx: BotContext, language: Language = 'en'): Promise<ReplyPayload> {
	const kb = ctx.knowledge.current;
	const build = ctx.knowledge.lastBuild;
	let recent = say(language, 'auditUnavailable');
	try {
		const entries = await ctx.store.recentAudit(8);
		recent =
			entries
				.map(
					(entry) =>
						`${entry.ok ? '✅' : '❌'} ${time(entry.at, TimestampStyles.ShortDateTime)} **${entry.action}**${describeTarget(entry)}${entry.actorId === STARTUP_ACTOR.id ? '' : say(language, 'auditBy', { name: clip(plain(entry.actorName), 40) })}`,
				)
				.join('\n') || say(language, 'auditNone');
	} catch (error) {
		ctx.logger.error({ err: error }, 'store: could not read the audit log');
	}
	return infoPayload(
		say(language, 'statusTitle'),
		say(language, kb ? 'statusServing' : 'statusNone'),
		[
			{ name: say(language, 'documentsField'), value: String(kb?.documents.length ?? 0), inline: true },
			{ name: say(language, 'factsField'), value: String(kb?.facts.length ?? 0), inline: true },
			{
				name: say(language, 'lastRefreshField'),
				value: build ? say(language, 'builtIn', { refresh: lastRefreshText(build, language), ms: build.ms }) : say(language, 'never'),
				inline: false,
			},
			{ name: say(language, 'recentChanges'), value: recent },
		],
		{ ephemeral: true },
	);
}
