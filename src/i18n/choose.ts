import { LANGUAGES, languageOf, type Language } from '../language/detect.ts';
import { isCyrillic } from '../language/transliterate.ts';

/** What is known about whom the bot is talking to; any part may be missing. */
export interface LanguageClues {
	/** The message being answered, if the reply answers one. */
	question?: string;
	/** The user's own `/language` setting. */
	user?: Language | null;
	/** Discord's `interaction.locale` (the client's language): "ru", "en-US"… */
	locale?: string | null;
	/** The server's `/kb settings language`. */
	guild?: Language | null;
}

/** Is this one of the bot's languages? (Settings come from the store, which could hold anything.) */
export function isLanguage(value: unknown): value is Language {
	return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The language of a question when the text shows it: two words or more, or one Cyrillic word (Latin-script "ok" or
 * "hi" could be anyone's). Null when it does not: the reply then follows the person's settings.
 */
export function clearLanguageOf(text: string): Language | null {
	const words = text.match(/\p{L}+/gu) ?? [];
	if (words.length === 0) return null;
	if (words.length === 1 && !isCyrillic(words[0])) return null;
	return languageOf(text);
}

/** Discord's locale as one of the bot's languages: "ru" is Russian; Discord has no Kazakh locale; anything else none. */
export function languageOfLocale(locale: string | null | undefined): Language | null {
	if (!locale) return null;
	const base = locale.toLowerCase().split('-')[0];
	return base === 'ru' ? 'ru' : base === 'en' ? 'en' : null;
}

/**
 * The language of a reply: the question's own when it is clear, else the user's setting, else the Discord client's
 * locale when it is Russian, else the server's setting, else English. The question comes first because a person
 * who writes in Russian reads Russian whatever their settings say; an English locale is Discord's default and says
 * little, so it does not outrank the server's choice.
 */
export function chooseLanguage(clues: LanguageClues): Language {
	const asked = clues.question ? clearLanguageOf(clues.question) : null;
	if (asked) return asked;
	if (isLanguage(clues.user)) return clues.user;
	const locale = languageOfLocale(clues.locale);
	if (locale === 'ru') return locale;
	if (isLanguage(clues.guild)) return clues.guild;
	return 'en';
}
