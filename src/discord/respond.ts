import { DiscordAPIError, MessageFlags, RESTJSONErrorCodes, type Message, type RepliableInteraction } from 'discord.js';
import { UserError } from '../errors.ts';
import { say, type Language } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { notice, type ReplyPayload } from './replies.ts';

/** The generic apology for bugs: the details go to the log, never to the user. */
export const BUG_MESSAGE = say('en', 'bug');

/** What a failure tells the person, in their language: a `UserError`'s message (translated when it has a key), else the apology. */
export function failureText(error: unknown, language: Language): string {
	if (!(error instanceof UserError)) return say(language, 'bug');
	return error.key ? say(language, error.key) : error.message;
}

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

/** Logs a failure as the door sees it (user errors quietly, bugs loudly) and sends its text; never throws. */
async function sendFailure(
	send: (payload: ReplyPayload) => Promise<unknown>,
	error: unknown,
	logger: Logger,
	label: Record<string, unknown>,
	language: Language,
	bug: string,
): Promise<void> {
	if (error instanceof UserError) logger.debug({ ...label, identifier: error.identifier }, 'user error');
	else logger.error({ ...label, err: error }, bug);
	try {
		await send(notice(failureText(error, language)));
	} catch (replyError) {
		logger.warn({ ...label, err: replyError }, 'could not send the error reply');
	}
}

/**
 * Turns a handler failure into a reply, in `language`: a `UserError` shows its message, anything else is logged
 * with `label` and answered with {@link BUG_MESSAGE}. Never throws (the interaction may be gone).
 */
export function replyWithError(interaction: RepliableInteraction, error: unknown, logger: Logger, label: Record<string, unknown>, language: Language = 'en'): Promise<void> {
	return sendFailure((payload) => respond(interaction, payload), error, logger, label, language, 'interaction handler failed');
}

/** Same as {@link replyWithError} for a message (DMs, mentions). */
export function replyToMessageWithError(message: Message, error: unknown, logger: Logger, label: Record<string, unknown>, language: Language = 'en'): Promise<void> {
	return sendFailure((payload) => message.reply(asMessageReply(payload)), error, logger, label, language, 'message handler failed');
}
