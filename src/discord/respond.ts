import type { Message, RepliableInteraction } from 'discord.js';
import { UserError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { notice, type ReplyPayload } from './replies.ts';

/** The generic apology for bugs: the details go to the log, never to the user. */
export const BUG_MESSAGE = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';

/**
 * Replies, edits the deferred reply, or follows up, whichever the interaction's state allows.
 * Ephemerality of an edited reply was fixed when deferring, so flags are dropped then.
 */
export async function respond(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
	if (interaction.deferred && !interaction.replied) {
		const { flags: _flags, ...rest } = payload;
		await interaction.editReply(rest);
		return;
	}
	if (interaction.replied) {
		await interaction.followUp(payload);
		return;
	}
	await interaction.reply(payload);
}

/** Message replies cannot be ephemeral; they never ping the author either. */
export function asMessageReply(payload: ReplyPayload) {
	const { flags: _flags, ...rest } = payload;
	return { ...rest, allowedMentions: { parse: [] as [], repliedUser: false }, failIfNotExists: false };
}

/**
 * Turns a handler failure into a reply: a `UserError` shows its message, anything else is logged
 * with `label` and answered with {@link BUG_MESSAGE}. Never throws (the interaction may be gone).
 */
export async function replyWithError(
	interaction: RepliableInteraction,
	error: unknown,
	logger: Logger,
	label: Record<string, unknown>,
): Promise<void> {
	const isUserError = error instanceof UserError;
	if (isUserError) logger.debug({ ...label, identifier: error.identifier }, 'user error');
	else logger.error({ ...label, err: error }, 'interaction handler failed');
	try {
		await respond(interaction, notice(isUserError ? error.message : BUG_MESSAGE));
	} catch (replyError) {
		logger.warn({ ...label, err: replyError }, 'could not send the error reply');
	}
}

/** Same as {@link replyWithError} for a message (DMs, mentions). */
export async function replyToMessageWithError(message: Message, error: unknown, logger: Logger, label: Record<string, unknown>): Promise<void> {
	const isUserError = error instanceof UserError;
	if (!isUserError) logger.error({ ...label, err: error }, 'message handler failed');
	try {
		await message.reply(asMessageReply(notice(isUserError ? error.message : BUG_MESSAGE)));
	} catch (replyError) {
		logger.warn({ ...label, err: replyError }, 'could not send the error reply');
	}
}
