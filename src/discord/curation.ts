import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { time, TimestampStyles } from 'discord.js';
import { answer, validateDocumentUpload, type KnowledgeBase, type KnowledgeProblem } from './engine.ts';
import { STARTUP_ACTOR, type Actor, type RefreshResult } from './knowledge.ts';
import { clip, LIMITS, plain } from './limits.ts';
import { plural } from '../cli/format.ts';
import { infoPayload, lastRefreshText, topContributions, type ReplyPayload } from './replies.ts';
import { download, insideFolder, MAX_DOWNLOAD_BYTES, safeDocumentName, writeFileAtomic } from './uploads.ts';
import type { BotContext } from './types.ts';

/** An uploaded file, as Discord describes it. */
export interface Upload {
	name: string;
	size: number;
	url: string;
}

const problemLines = (problems: readonly KnowledgeProblem[]): string =>
	clip(
		problems
			.slice(0, 15)
			.map((problem) => `• \`${clip(plain(problem.file), 80)}\`: ${clip(plain(problem.issue), 300)}`)
			.join('\n') + (problems.length > 15 ? `\n…and ${problems.length - 15} more` : ''),
		LIMITS.embedFieldValue,
	);

function safeAudit(ctx: BotContext, entry: Parameters<BotContext['store']['audit']>[0]): void {
	try {
		ctx.store.audit(entry);
	} catch (error) {
		// The change itself is done; losing its audit line is bad but must not undo it.
		ctx.logger.error({ err: error, action: entry.action, target: entry.target }, 'store: could not write the audit log');
	}
	ctx.logger.info({ action: entry.action, target: entry.target, ok: entry.ok, actor: entry.actorId }, 'knowledge base change');
}

function announceChange(ctx: BotContext): void {
	try {
		ctx.knowledge.generation = ctx.store.bumpKnowledgeGeneration();
	} catch (error) {
		ctx.logger.error({ err: error }, 'store: could not announce the change to other processes');
	}
}

/**
 * Rebuilds the knowledge base after a change to its folder. If the build fails, the change is undone (so
 * the folder matches what is served), the failure is audited, and the reply to send is returned.
 */
async function rebuildOrUndo(
	ctx: BotContext,
	actor: Actor,
	change: { action: string; target: string; undo: () => Promise<void>; failure: [title: string, note: string] },
): Promise<Extract<RefreshResult, { ok: true }> | { ok: false; reply: ReplyPayload }> {
	const result = await ctx.knowledge.refreshNow(actor);
	if (result.ok) {
		announceChange(ctx);
		return result;
	}
	await change.undo();
	safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: change.action, target: change.target, ok: false, detail: { problems: result.problems } });
	return { ok: false, reply: refreshFailed(change.failure[0], result, change.failure[1]) };
}

function refreshFailed(title: string, result: Extract<RefreshResult, { ok: false }>, extra = ''): ReplyPayload {
	return infoPayload(
		title,
		`${extra}Nothing changed: I keep serving the previous knowledge base (${plural(result.before.documents, 'document')}, ${plural(result.before.facts, 'fact')}).`,
		[{ name: 'What is wrong', value: problemLines(result.problems) }],
		{ error: true },
	);
}

/** `/kb refresh`: rebuild from the folder; swap only if clean. */
export async function refreshKnowledge(ctx: BotContext, actor: Actor): Promise<ReplyPayload> {
	const result = await ctx.knowledge.refresh(actor);
	if (!result.ok) {
		safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: 'refresh', target: null, ok: false, detail: { problems: result.problems } });
		return refreshFailed('Refresh failed', result);
	}
	announceChange(ctx);
	const { before, after } = result;
	safeAudit(ctx, {
		actorId: actor.id,
		actorName: actor.name,
		action: 'refresh',
		target: null,
		ok: true,
		detail: { before, after: { documents: after.documents, facts: after.facts }, ms: after.ms },
	});
	return infoPayload(
		'Knowledge base refreshed',
		`Facts: **${before.facts} → ${after.facts}**; documents: ${before.documents} → ${after.documents}. Built in ${after.ms} ms.`,
	);
}

/**
 * `/kb add`: check the name, size, type and encoding, write the file atomically into the
 * knowledge folder, then rebuild. If the rebuild fails, the folder is put back as it was.
 */
export async function addDocument(ctx: BotContext, actor: Actor, upload: Upload, replace: boolean): Promise<ReplyPayload> {
	const refuse = (issue: string, target: string | null = null): ReplyPayload => {
		safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: 'add', target, ok: false, detail: { file: upload.name.slice(0, 200), issue } });
		return infoPayload('Upload refused', `\`${clip(plain(upload.name), 100)}\`: ${issue}.`, [], { error: true });
	};
	const name = safeDocumentName(upload.name);
	if (!name.ok) return refuse(name.issue);
	if (upload.size > MAX_DOWNLOAD_BYTES) return refuse(`the file is larger than ${MAX_DOWNLOAD_BYTES / 1024} KiB`, name.id);
	let bytes: Uint8Array;
	try {
		bytes = await download(upload.url);
	} catch (error) {
		return refuse((error as Error).message, name.id);
	}
	const check = validateDocumentUpload(name.fileName, bytes);
	if (!check.ok) return refuse(check.issue, name.id);

	return ctx.knowledge.exclusive(async () => {
		const dir = ctx.env.KNOWLEDGE_DIR;
		const target = insideFolder(dir, name.fileName);
		const entries = await readdir(dir);
		const clash = entries.find((entry) => entry !== name.fileName && entry.replace(/\.(md|txt)$/i, '').toLowerCase() === name.id);
		if (clash) return refuse(`a document with the id \`${name.id}\` already exists as \`${clip(plain(clash), 80)}\``, name.id);
		const existed = entries.includes(name.fileName);
		if (existed && !replace) return refuse(`\`${name.fileName}\` already exists; add it again with \`replace: True\` to overwrite it`, name.id);
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
			failure: ['Upload not added', `\`${name.fileName}\` was removed again because the knowledge base did not build with it. `],
		});
		if (!result.ok) return result.reply;
		safeAudit(ctx, {
			actorId: actor.id,
			actorName: actor.name,
			action: existed ? 'replace' : 'add',
			target: name.id,
			ok: true,
			detail: { file: name.fileName, bytes: bytes.byteLength, before: result.before, facts: result.after.facts, ms: result.after.ms },
		});
		return infoPayload(
			existed ? 'Document replaced' : 'Document added',
			`\`${name.fileName}\` is in. Facts: **${result.before.facts} → ${result.after.facts}**; documents: ${result.before.documents} → ${result.after.documents}.`,
		);
	});
}

/**
 * `/kb remove`: move the document out of the knowledge folder (kept under `DATA_DIR/removed/`
 * so nothing is lost), then rebuild; put it back if the rebuild fails.
 */
export async function removeDocument(ctx: BotContext, actor: Actor, documentId: string): Promise<ReplyPayload> {
	return ctx.knowledge.exclusive(async () => {
		const kb = ctx.knowledge.current;
		const document = kb?.documents.find((candidate) => candidate.id === documentId);
		if (!document) {
			return infoPayload('Nothing removed', `There is no document with the id \`${clip(plain(documentId), 80)}\`. Pick one from the suggestions.`, [], { error: true });
		}
		const dir = ctx.env.KNOWLEDGE_DIR;
		const source = insideFolder(dir, document.file);
		const bytes = await readFile(source);
		const archiveDir = join(ctx.env.DATA_DIR, 'removed');
		await mkdir(archiveDir, { recursive: true });
		const archived = `${new Date().toISOString().replace(/[:.]/g, '-')}-${document.file}`;
		await writeFileAtomic(join(archiveDir, archived), bytes);
		await unlink(source);
		const result = await rebuildOrUndo(ctx, actor, {
			action: 'remove',
			target: document.id,
			undo: () => writeFileAtomic(source, bytes),
			failure: ['Document not removed', `\`${document.file}\` was put back because the knowledge base did not build without it. `],
		});
		if (!result.ok) return result.reply;
		safeAudit(ctx, {
			actorId: actor.id,
			actorName: actor.name,
			action: 'remove',
			target: document.id,
			ok: true,
			detail: { file: document.file, archived, before: result.before, facts: result.after.facts },
		});
		return infoPayload(
			'Document removed',
			`\`${document.file}\` is out (a copy is kept in the data folder). Facts: **${result.before.facts} → ${result.after.facts}**.`,
		);
	});
}

function describeTarget(entry: { target: string | null; detail: Record<string, unknown> }): string {
	const target = entry.target ?? (typeof entry.detail.file === 'string' ? entry.detail.file : null);
	return target ? ` \`${clip(plain(target), 60)}\`` : '';
}

/** `/kb status`: what is served, the last build, the recent changes. */
export function statusPayload(ctx: BotContext): ReplyPayload {
	const kb = ctx.knowledge.current;
	const build = ctx.knowledge.lastBuild;
	let recent = 'unavailable (store error)';
	try {
		const entries = ctx.store.recentAudit(8);
		recent =
			entries
				.map(
					(entry) =>
						`${entry.ok ? '✅' : '❌'} ${time(entry.at, TimestampStyles.ShortDateTime)} **${entry.action}**${describeTarget(entry)}${entry.actorId === STARTUP_ACTOR.id ? '' : ` by ${clip(plain(entry.actorName), 40)}`}`,
				)
				.join('\n') || 'none yet';
	} catch (error) {
		ctx.logger.error({ err: error }, 'store: could not read the audit log');
	}
	return infoPayload(
		'Knowledge base status',
		kb ? 'Serving the knowledge base below.' : '**No knowledge base is loaded**: answering is off. Fix the folder, then `/kb refresh`.',
		[
			{ name: 'Documents', value: String(kb?.documents.length ?? 0), inline: true },
			{ name: 'Facts', value: String(kb?.facts.length ?? 0), inline: true },
			{
				name: 'Last refresh',
				value: build ? `${lastRefreshText(build)}, built in ${build.ms} ms` : 'never',
				inline: false,
			},
			{ name: 'Recent changes', value: recent },
		],
		{ ephemeral: true },
	);
}

/** "best 34%: coverage +0.40, …": how close the knowledge base served now comes to answering a gap, and what holds it back. */
function gapVerdict(kb: KnowledgeBase | null, question: string): string {
	if (!kb) return '';
	const best = answer(question, kb, { explain: true }).explain?.candidates[0];
	return best ? `\n└ best ${Math.round(best.probability * 100)}%: ${topContributions(best)}` : '\n└ no fact comes close';
}

/** `/kb gaps`: the questions most often unanswered or voted down, each with why it is not answered now. */
export function gapsPayload(ctx: BotContext): ReplyPayload {
	const kb = ctx.knowledge.current;
	const lines = ctx.store.gaps(15).map(
		(gap, index) =>
			`**${index + 1}.** ${clip(plain(gap.question).replace(/\s+/g, ' '), 200)}: ${[
				gap.unanswered ? `${gap.unanswered}× unanswered` : '',
				gap.downvotes ? `${gap.downvotes}× 👎` : '',
			]
				.filter(Boolean)
				.join(', ')}${gapVerdict(kb, gap.question)}`,
	);
	// Whole gaps only: drop the last ones rather than cut one mid-line.
	const room = LIMITS.embedDescription - 40;
	let length = 0;
	const kept = lines.filter((line) => (length += line.length + 1) <= room);
	const more = lines.length - kept.length;
	return infoPayload(
		'Knowledge gaps',
		kept.join('\n') + (more ? `\n…and ${more} more` : '') || 'No unanswered or voted-down questions yet.',
		[],
		{ ephemeral: true },
	);
}
