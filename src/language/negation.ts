import type { Language } from './detect.ts';
import { isNegated as isNegatedEnglish, isYesNoQuestion as isYesNoEnglish } from './english.ts';
import { KAZAKH_NEGATION, KAZAKH_YES_NO } from './kazakh.ts';
import { RUSSIAN_NEGATION, RUSSIAN_YES_NO } from './russian.ts';

/** Whether a text, in its language, denies something ("not", "не", "емес"). */
export function isNegated(text: string, language: Language = 'en'): boolean {
	if (language === 'en') return isNegatedEnglish(text);
	return (language === 'ru' ? RUSSIAN_NEGATION : KAZAKH_NEGATION).test(text);
}

/** Whether a question asks yes or no: an English auxiliary first, Russian "ли" or "можно", a Kazakh "ма"/"ме" particle. */
export function isYesNoQuestion(text: string, language: Language = 'en'): boolean {
	if (language === 'en') return isYesNoEnglish(text);
	return (language === 'ru' ? RUSSIAN_YES_NO : KAZAKH_YES_NO).test(text.trim().toLowerCase());
}
