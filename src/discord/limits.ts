/** Discord's limits on what a message may hold (https://discord.com/developers/docs/resources/message). */
export const LIMITS = Object.freeze({
	content: 2_000,
	embedTitle: 256,
	embedDescription: 4_096,
	embedFieldName: 256,
	embedFieldValue: 1_024,
	embedFooter: 2_048,
	embedFields: 25,
	/** All text of all embeds of one message together. */
	embedTotal: 6_000,
	autocompleteChoices: 25,
	choiceName: 100,
	choiceValue: 100,
	/** A slash command's or option's description. */
	optionDescription: 100,
	buttonLabel: 80,
	customId: 100,
	selectOptionLabel: 100,
	selectOptionDescription: 100,
	selectOptions: 25,
	buttonsPerRow: 5,
	rows: 5,
});

/** Discord's window to answer an interaction; we defer well before it when work could be slow. */
export const INTERACTION_DEADLINE_MS = 3_000;

/**
 * Cuts `text` to at most `max` UTF-16 units, ending with `…` when cut, and never splitting a
 * surrogate pair (a half emoji is invalid in Discord's JSON).
 *
 * @example
 * clip('abcdef', 4) // 'abc…'
 */
export function clip(text: string, max: number): string {
	if (text.length <= max) return text;
	if (max <= 0) return '';
	let end = max - 1;
	const code = text.charCodeAt(end - 1);
	if (code >= 0xd800 && code <= 0xdbff) end -= 1;
	return `${text.slice(0, end)}…`;
}

/** Neutralises text before it goes into a code span or an inline position: strips backticks and control characters. */
export function plain(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').replace(/`/g, "'");
}
