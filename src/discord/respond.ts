import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type Message, type RepliableInteraction } from 'discord.js';
import { UserError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { notice, type ReplyPayload } from './replies.ts';

/** The generic apology for bugs: the details go to the log, never to the user. */
export const BUG_MESSAGE = 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.';

/**
 * True when Discord refused an initial response because the interaction already has one: an earlier
 * attempt got through although its answer was lost (a 500 or a timeout on the way back), and the
 * REST client retried it.
 */
export function isAlreadyAcknowledged(error: unknown): boolean {
	return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/**
 * Replies, edits the deferred reply, or follows up, whichever the interaction's state allows.
 * Ephemerality of an edited reply was fixed when deferring, so flags are dropped then.
 *
 * When a reply is refused as already acknowledged (see {@link isAlreadyAcknowledged}), the earlier
 * response is edited into this one instead: the same reply again, or the answer to a deferral that
 * landed unseen. Never a second message.
 */
export async function respond(interaction: RepliableInteraction, payload: ReplyPayload): Promise<void> {
	const { flags: _flags, ...rest } = payload;
	if (interaction.deferred && !interaction.replied) {
		await interaction.editReply(rest);
		return;
	}
	if (interaction.replied) {
		await interaction.followUp(payload);
		return;
	}
	try {
		await interaction.reply(payload);
	} catch (error) {
		if (!isAlreadyAcknowledged(error)) throw error;
		await interaction.webhook.editMessage('@original', rest);
	}
}

/**
 * Defers an ephemeral reply (for work that may pass Discord's 3-second window). A deferral refused as
 * already acknowledged landed earlier: carry on, and {@link respond} will edit it.
 */
export async function deferEphemeral(interaction: RepliableInteraction): Promise<void> {
	try {
		await interaction.deferReply({ flags: MessageFlags.Ephemeral });
	} catch (error) {
		if (!isAlreadyAcknowledged(error)) throw error;
	}
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
