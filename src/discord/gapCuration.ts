import { createHash } from 'node:crypto';
import { ActionRowBuilder, StringSelectMenuBuilder, type StringSelectMenuInteraction } from 'discord.js';
import { answer, groupNearDuplicates, questionKey, sameQuestion, searchFacts, type Fact, type KnowledgeBase } from './engine.ts';
import { appendCuratedEntry, CURATED_FILE, curatedTextWith, restoreCurated } from '../knowledge/curated.ts';
import { say, type Language } from '../i18n/index.ts';
import { normalizeQuestion, type KnowledgeGap } from '../store/store.ts';
import { changeInStore, rebuildOrUndo, safeAudit } from './curation.ts';
import { encodeCustomId } from './customIds.ts';
import type { Actor } from './knowledge.ts';
import { clip, LIMITS, plain } from './limits.ts';
import { canCurate } from './permissions.ts';
import { citeLine, infoPayload, notice, topContributions, type ReplyPayload } from './replies.ts';
import { respond } from './respond.ts';
import type { BotContext } from './types.ts';

/**
 * Moderators turn knowledge gaps into answers: `/kb gaps` lists near-duplicate wordings as one gap, with counts
 * and a menu to dismiss one; `/kb answer` links a gap (or any question) to the fact that answers it, written to
 * `knowledge/curated.yaml` and served at once, or dismisses it.
 */

/** Gap rows read from the store to group: near-duplicates of the worst gaps are among the most asked questions. */
const GAP_WINDOW = 100;
/** Gaps listed, each with its verdict line: what fits an embed beside the dismiss menu. */
const GAPS_SHOWN = 15;

/** Near-duplicate wordings of one question (see answering/curated.ts), counted together. */
export interface GapGroup {
	/** The most asked wording: what is listed, linked and dismissed by name. */
	readonly head: KnowledgeGap;
	readonly wordings: readonly KnowledgeGap[];
	readonly unanswered: number;
	readonly downvotes: number;
	/** A short, stable name for the group in a custom id or an autocomplete value: the head's key, hashed. */
	readonly key: string;
}

/** The short name of a gap (its store key hashed): a select value or an autocomplete value is at most 100 characters. */
export function gapKey(normalized: string): string {
	return createHash('sha256').update(normalized).digest('base64url').slice(0, 12);
}

/**
 * Gaps (worst first, as the store lists them) grouped by near-duplicate wording, each group's counts summed,
 * worst group first; a group is named after its first (worst) wording.
 */
export function groupGaps(gaps: readonly KnowledgeGap[]): GapGroup[] {
	return groupNearDuplicates(gaps, (gap) => gap.question)
		.map((wordings) => ({
			head: wordings[0]!,
			wordings,
			unanswered: wordings.reduce((sum, w) => sum + w.unanswered, 0),
			downvotes: wordings.reduce((sum, w) => sum + w.downvotes, 0),
			key: gapKey(wordings[0]!.normalized),
		}))
		.sort((a, b) => b.unanswered + b.downvotes - (a.unanswered + a.downvotes));
}

/**
 * The gaps to show now. A gap answered by `/kb answer` needs no hiding here: the store counts only what came after
 * its resolution, and a curated question asked again is answered.
 */
async function currentGroups(ctx: BotContext): Promise<GapGroup[]> {
	return groupGaps(await ctx.store.gaps(GAP_WINDOW));
}

/** An autocomplete value that names a listed gap rather than a typed question. */
const GAP_VALUE = /^gap:([A-Za-z0-9_-]{12})$/;

/**
 * The gap a moderator named: picked from autocomplete (`gap:<key>`), or typed, then the gap asking the same
 * question, when one is listed.
 */
function namedGroup(groups: readonly GapGroup[], typed: string): GapGroup | undefined {
	const picked = GAP_VALUE.exec(typed)?.[1];
	if (picked) return groups.find((group) => group.key === picked);
	const key = questionKey(typed);
	const normalized = normalizeQuestion(typed);
	return groups.find((group) => group.wordings.some((w) => w.normalized === normalized || sameQuestion(questionKey(w.question), key)));
}

function countsText(group: Pick<GapGroup, 'unanswered' | 'downvotes' | 'wordings'>, language: Language): string {
	return [
		group.unanswered ? say(language, 'gapUnanswered', { count: group.unanswered }) : '',
		group.downvotes ? say(language, 'gapDownvotes', { count: group.downvotes }) : '',
		group.wordings.length > 1 ? say(language, 'gapWordings', { count: group.wordings.length }) : '',
	]
		.filter(Boolean)
		.join(', ');
}

/** "best 34%: coverage +0.40, …": how close the knowledge base served now comes to answering a gap, and what holds it back. */
function gapVerdict(kb: KnowledgeBase | null, question: string, language: Language): string {
	if (!kb) return '';
	const best = answer(question, kb, { explain: true }).explain?.candidates[0];
	return `\n${best ? say(language, 'gapBest', { percent: Math.round(best.probability * 100), contributions: topContributions(best) }) : say(language, 'gapNothingClose')}`;
}

/**
 * `/kb gaps`: the questions most often unanswered or voted down, near-duplicate wordings counted as one, each
 * with why it is not answered now; a menu dismisses one, `/kb answer` answers one.
 */
export async function gapsPayload(ctx: BotContext, language: Language = 'en', note?: string): Promise<ReplyPayload> {
	const kb = ctx.knowledge.current;
	const groups = await currentGroups(ctx);
	const lines = groups
		.slice(0, GAPS_SHOWN)
		.map((group, index) => `**${index + 1}.** ${clip(plain(group.head.question).replace(/\s+/g, ' '), 200)}: ${countsText(group, language)}${gapVerdict(kb, group.head.question, language)}`);
	// Whole gaps only: drop the last ones rather than cut one mid-line.
	const room = LIMITS.embedDescription - 40;
	let length = 0;
	const kept = lines.filter((line) => (length += line.length + 1) <= room);
	const more = groups.length - kept.length;
	const payload = infoPayload(
		say(language, 'gapsTitle'),
		kept.join('\n') + (more ? `\n${say(language, 'listMore', { count: more })}` : '') || say(language, 'gapsNone'),
		kept.length ? [{ name: say(language, 'gapsHowTitle'), value: say(language, 'gapsHow') }] : [],
		{ ephemeral: true },
	);
	const menu = kept.length
		? [
				new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
					new StringSelectMenuBuilder()
						.setCustomId(encodeCustomId({ kind: 'gap-dismiss' }))
						.setPlaceholder(say(language, 'gapDismissPlaceholder'))
						.addOptions(
							groups.slice(0, kept.length).map((group, index) => ({
								label: clip(`${index + 1}. ${group.head.question.replace(/\s+/g, ' ')}`, LIMITS.selectOptionLabel),
								description: clip(countsText(group, language), LIMITS.selectOptionDescription),
								value: group.key,
							})),
						),
				),
			]
		: [];
	return { ...payload, ...(note ? { content: clip(note, LIMITS.content) } : {}), components: menu };
}

/** Records a decision on every wording of a group; a store failure is logged and said, never thrown at the moderator. */
async function resolveGroup(ctx: BotContext, actor: Actor, group: GapGroup, resolution: { kind: 'dismissed' } | { kind: 'answered'; factId: string }): Promise<boolean> {
	try {
		await ctx.store.resolveGaps(group.wordings.map((w) => w.normalized), resolution, actor.id);
		return true;
	} catch (error) {
		ctx.logger.error({ err: error, gap: group.head.normalized }, 'store: could not record a gap resolution');
		return false;
	}
}

async function dismissGroup(ctx: BotContext, actor: Actor, group: GapGroup, language: Language): Promise<string> {
	if (!(await resolveGroup(ctx, actor, group, { kind: 'dismissed' }))) return say(language, 'gapStoreFailed');
	await safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: 'dismiss-gap', target: null, ok: true, detail: { question: group.head.question.slice(0, 300), wordings: group.wordings.length } });
	return say(language, 'gapDismissed', { question: clip(plain(group.head.question), 200), count: group.wordings.length });
}

/** The "Dismiss a gap" menu of `/kb gaps`: moderators only, checked at the click; the list is shown again without it. */
export async function handleGapDismiss(interaction: StringSelectMenuInteraction, ctx: BotContext, language: Language): Promise<void> {
	const allowed = canCurate(interaction, ctx.env);
	if (!allowed.ok) {
		ctx.logger.warn({ userId: interaction.user.id, guildId: interaction.guildId }, 'gap dismiss: refused');
		await respond(interaction, notice(say(language, allowed.key)));
		return;
	}
	const group = (await currentGroups(ctx)).find((candidate) => candidate.key === interaction.values[0]);
	const actor = { id: interaction.user.id, name: interaction.user.username };
	const note = group ? await dismissGroup(ctx, actor, group, language) : say(language, 'gapGone');
	const { flags: _flags, ...listing } = await gapsPayload(ctx, language, note);
	await interaction.update(listing);
}

/** What a moderator asked of `/kb answer`. */
export interface GapAnswer {
	/** A typed question, or `gap:<key>` picked from autocomplete. */
	question: string;
	/** A fact id, picked from autocomplete. */
	fact: string | null;
	dismiss: boolean;
}

/**
 * `/kb answer`: links a question (a listed gap, or any question typed) to the fact that answers it, or dismisses
 * a gap. A link is appended to `knowledge/curated.yaml` and the knowledge base rebuilt at once, so members get the
 * answer from the next question on; every listed wording of the gap leaves `/kb gaps`. If the rebuild fails, the
 * file is put back as it was and the reasons are shown. With PostgreSQL the file's new text is recorded in the store
 * instead, once it builds, so every process serves the link.
 */
export async function answerGap(ctx: BotContext, actor: Actor, request: GapAnswer, language: Language = 'en'): Promise<ReplyPayload> {
	const refuse = (text: string) => infoPayload(say(language, 'answerNotLinkedTitle'), text, [], { ephemeral: true, error: true });
	if (request.fact && request.dismiss) return refuse(say(language, 'answerBoth'));
	if (!request.fact && !request.dismiss) return refuse(say(language, 'answerNeedsChoice'));
	const groups = await currentGroups(ctx);
	const group = namedGroup(groups, request.question);
	if (GAP_VALUE.test(request.question) && !group) return refuse(say(language, 'gapGone'));
	const question = (group?.head.question ?? request.question).replace(/\s+/g, ' ').trim();
	if (request.dismiss) {
		if (!group) return refuse(say(language, 'answerNoGap', { question: clip(plain(question), 200) }));
		return notice(await dismissGroup(ctx, actor, group, language));
	}
	// A question with nothing but a question word left ("who?") would match no later question: refuse to store it.
	const key = questionKey(question);
	if (!sameQuestion(key, key)) return refuse(say(language, 'answerTooVague', { question: clip(plain(question), 200) }));
	return ctx.knowledge.exclusive(async () => {
		// Read inside the lock: a refresh queued before this one may have changed what the fact id names.
		const kb = ctx.knowledge.current;
		const fact = kb?.factsById.get(request.fact!);
		if (!kb || !fact) return refuse(say(language, 'answerNoFact', { fact: clip(plain(request.fact!), 100) }));
		const dir = ctx.env.KNOWLEDGE_DIR;
		const entry = { question, document: fact.document, fact: fact.text };
		const failure: [string, string] = [say(language, 'answerNotLinkedTitle'), say(language, 'answerNotLinked', { file: CURATED_FILE })];
		let previous: string | null = null;
		let content = '';
		try {
			// With PostgreSQL the new text goes to the store (below), for every process; else into the folder's file.
			if (ctx.knowledge.shared) content = curatedTextWith(await ctx.knowledge.curatedText(), entry);
			else previous = await appendCuratedEntry(dir, entry);
		} catch (error) {
			const issue = (error as Error).message;
			await safeAudit(ctx, { actorId: actor.id, actorName: actor.name, action: 'answer-gap', target: fact.document, ok: false, detail: { question: question.slice(0, 300), issue } });
			return refuse(say(language, 'answerWriteFailed', { file: CURATED_FILE, issue: clip(plain(issue), 300) }));
		}
		const result = ctx.knowledge.shared
			? await changeInStore(ctx, actor, { kind: 'curated', content }, { action: 'answer-gap', target: fact.document }, failure, language)
			: await rebuildOrUndo(ctx, actor, { action: 'answer-gap', target: fact.document, undo: () => restoreCurated(dir, previous), failure }, language);
		if (!result.ok) return result.reply;
		const resolved = group ? await resolveGroup(ctx, actor, group, { kind: 'answered', factId: fact.id }) : false;
		await safeAudit(ctx, {
			actorId: actor.id,
			actorName: actor.name,
			action: 'answer-gap',
			target: fact.document,
			ok: true,
			detail: { question: question.slice(0, 300), fact: fact.id, sentence: fact.text.slice(0, 300), wordings: group?.wordings.length ?? 0 },
		});
		const served = ctx.knowledge.current;
		return infoPayload(
			say(language, 'answerLinkedTitle'),
			say(language, 'answerLinked', { question: clip(plain(question), 300), fact: clip(plain(fact.text), 1_500), where: citeLine(served, fact.document, fact.line) }) +
				(resolved ? `\n${say(language, 'answerResolved', { count: group!.wordings.length })}` : ''),
			[],
			{ ephemeral: true },
		);
	});
}

/** `/kb answer question:` autocomplete: the listed gaps (near-duplicates as one), those containing what is typed. */
export async function gapChoices(ctx: BotContext, typed: string): Promise<{ name: string; value: string }[]> {
	const wanted = GAP_VALUE.test(typed) ? '' : typed.trim().toLowerCase();
	return (await currentGroups(ctx))
		.filter((group) => !wanted || group.wordings.some((w) => w.question.toLowerCase().includes(wanted)))
		.slice(0, LIMITS.autocompleteChoices)
		.map((group) => ({ name: clip(`${group.head.question.replace(/\s+/g, ' ')} (${group.unanswered + group.downvotes}×)`, LIMITS.choiceName), value: `gap:${group.key}` }));
}

/**
 * `/kb answer fact:` autocomplete: the facts that best match what is typed; with nothing typed, those closest
 * to the question chosen (a gap's wording), so the likely answer is offered first.
 */
export async function factChoices(ctx: BotContext, kb: KnowledgeBase, typed: string, question: string | null): Promise<{ name: string; value: string }[]> {
	let query = typed.trim();
	if (!query && question) query = GAP_VALUE.test(question) ? (namedGroup(await currentGroups(ctx), question)?.head.question ?? '') : question;
	const facts: readonly Fact[] = query ? searchFacts(kb, query.slice(0, 300), LIMITS.autocompleteChoices).map((hit) => hit.fact) : kb.facts.slice(0, LIMITS.autocompleteChoices);
	return facts
		.filter((fact) => fact.id.length <= LIMITS.choiceValue)
		.map((fact) => {
			const where = clip(` (${fact.document}:${fact.line})`, 40);
			return { name: clip(fact.standalone.replace(/\s+/g, ' '), LIMITS.choiceName - where.length) + where, value: fact.id };
		});
}
