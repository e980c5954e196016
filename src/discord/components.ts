import { MessageFlags, type ButtonInteraction, type StringSelectMenuInteraction } from 'discord.js';
import { UserError } from '../errors.ts';
import { say } from '../i18n/index.ts';
import { listenerOf, replyLanguage } from './language.ts';
import { answerQuestion, requireKnowledge } from './answerFlow.ts';
import { decodeCustomId } from './customIds.ts';
import { answer, factContext } from './engine.ts';
import { handleGapDismiss } from './gapCuration.ts';
import { canCurate } from './permissions.ts';
import { contextPayload, ephemeral, explanationPayload, notice } from './replies.ts';
import { respond } from './respond.ts';
import { turnTopicPage } from './topics.ts';
import type { BotContext } from './types.ts';

/** An answer that is gone (a reset, another bot's button): said in the clicker's language by the error path. */
const stale = () => new UserError('KnowledgeUnusable', say('en', 'staleAnswer'), 'staleAnswer');

/**
 * Buttons and menus on the bot's replies. Everything needed is in the custom id or the store,
 * so a click works on any shard and after a restart.
 */
export async function handleComponent(interaction: ButtonInteraction | StringSelectMenuInteraction, ctx: BotContext): Promise<void> {
	const action = decodeCustomId(interaction.customId);
	const language = await replyLanguage(ctx, listenerOf(interaction));
	if (!action) {
		await respond(interaction, notice(say(language, 'notMyButton')));
		return;
	}
	switch (action.kind) {
		case 'context': {
			const kb = requireKnowledge(ctx);
			const record = await ctx.store.getAnswer(action.answerId);
			if (!record) throw stale();
			const facts = new Map(kb.facts.map((fact) => [fact.id, fact]));
			const cited = record.factIds.map((id) => facts.get(id)).find((fact) => fact !== undefined);
			if (!cited) {
				throw new UserError('KnowledgeUnusable', say('en', 'sourceGone'), 'sourceGone');
			}
			await respond(interaction, contextPayload(kb, cited, factContext(kb, cited.id, 2), language));
			return;
		}
		case 'vote': {
			const record = await ctx.store.getAnswer(action.answerId);
			if (!record) throw stale();
			let tally: Awaited<ReturnType<BotContext['store']['recordVote']>>;
			try {
				tally = await ctx.store.recordVote(action.answerId, interaction.user.id, action.vote);
			} catch (error) {
				ctx.logger.error({ err: error, answerId: action.answerId, userId: interaction.user.id }, 'store: could not record a vote');
				await respond(interaction, notice(say(language, 'voteFailed')));
				return;
			}
			const emoji = action.vote > 0 ? '👍' : '👎';
			// 👎 on a refusal says the documents should have answered it: the question stays in /kb gaps with the vote.
			const down = record.answered ? 'voteRecordedDown' : 'voteDeclinedDown';
			const text = say(language, !tally.changed ? 'voteRepeated' : action.vote < 0 ? down : 'voteRecorded', { emoji });
			ctx.logger.info({ answerId: action.answerId, userId: interaction.user.id, vote: action.vote, changed: tally.changed }, 'feedback');
			await respond(interaction, notice(text));
			return;
		}
		case 'why': {
			// Checked before the store is read, so a member learns nothing, not even whether the answer exists.
			if (!canCurate(interaction, ctx.env).ok) {
				ctx.logger.warn({ userId: interaction.user.id, guildId: interaction.guildId, answerId: action.answerId }, 'why: refused');
				await respond(interaction, notice(say(language, 'whyRefused')));
				return;
			}
			const kb = requireKnowledge(ctx);
			const record = await ctx.store.getAnswer(action.answerId);
			if (!record) throw stale();
			// The question again against the knowledge base served now: what a moderator can still change.
			await respond(interaction, explanationPayload(answer(record.question, kb, { explain: true }), language));
			return;
		}
		case 'suggest':
		case 'suggest-menu': {
			const record = await ctx.store.getAnswer(action.answerId);
			if (!record) throw stale();
			const index = action.kind === 'suggest' ? action.index : Number((interaction as StringSelectMenuInteraction).values?.[0]);
			const suggestion = Number.isInteger(index) ? record.suggestions[index] : undefined;
			if (!suggestion) throw stale();
			const { payload } = await answerQuestion(suggestion, ctx, {
				userId: interaction.user.id,
				guildId: interaction.guildId,
				channelId: interaction.channelId,
				source: 'suggestion',
				locale: interaction.locale,
				// The suggestion is the documents' sentence (English, say); the asker asked in their own language.
				askedIn: record.question,
			});
			// A new reply, so the refusal and the question it kept stay as they were. The asker's is public, unless the
			// refusal was private (`/ask private: True`); anyone else, curious, gets it privately and the channel is spared.
			const mine = interaction.user.id === record.userId && !interaction.message.flags.has(MessageFlags.Ephemeral);
			await respond(interaction, mine ? payload : ephemeral(payload));
			return;
		}
		case 'page':
		case 'institution-page':
			await turnTopicPage(interaction, ctx, action, language);
			return;
		case 'gap-dismiss':
			if (!interaction.isStringSelectMenu()) throw stale();
			await handleGapDismiss(interaction, ctx, language);
			return;
	}
}
