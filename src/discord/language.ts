import { chooseLanguage, isLanguage } from '../i18n/choose.ts';
import type { Language } from '../i18n/index.ts';
import type { LanguageScope } from '../store/store.ts';
import type { BotContext } from './types.ts';

/** Who is being answered, as the language choice needs it. */
export interface Listener {
	userId: string;
	guildId: string | null;
	/** `interaction.locale`; messages (DMs, mentions) carry none. */
	locale?: string | null;
}

/** A stored setting, or null when there is none, it is no longer a language the bot speaks, or the store fails. */
async function storedLanguage(ctx: BotContext, scope: LanguageScope, id: string | null): Promise<Language | null> {
	if (!id) return null;
	try {
		const value = await ctx.store.getLanguage(scope, id);
		return isLanguage(value) ? value : null;
	} catch (error) {
		// A reply in English beats no reply: the setting is a preference.
		ctx.logger.warn({ err: error, scope }, 'store: could not read a language setting; falling back');
		return null;
	}
}

/** The language of a reply to `listener` (see `chooseLanguage`), about `question` when it answers one. */
export async function replyLanguage(ctx: BotContext, listener: Listener, question?: string): Promise<Language> {
	const [user, guild] = await Promise.all([storedLanguage(ctx, 'user', listener.userId), storedLanguage(ctx, 'guild', listener.guildId)]);
	return chooseLanguage({ ...(question === undefined ? {} : { question }), user, locale: listener.locale ?? null, guild });
}

/** The listener of an interaction. */
export function listenerOf(interaction: { user: { id: string }; guildId: string | null; locale?: string | null }): Listener {
	return { userId: interaction.user.id, guildId: interaction.guildId, locale: interaction.locale ?? null };
}
