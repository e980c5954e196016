import type { MessageKey } from './i18n/en.ts';

/**
 * Expected failures, caused by what someone typed or supplied. Doors show `message` to the person
 * as it is; anything else thrown is a bug, logged and answered with a generic apology.
 */
export class UserError extends Error {
	override readonly name = 'UserError';
	constructor(
		/** Stable identifier for tests and logs, e.g. `EmptyQuestion`. */
		readonly identifier: UserErrorId,
		message: string,
		/** The message's key in the catalogues (`src/i18n/`), for doors that speak the person's language; `message` is its English. */
		readonly key?: MessageKey,
	) {
		super(message);
	}
}

export type UserErrorId = 'EmptyQuestion' | 'UnknownTopic' | 'KnowledgeUnusable';

export const messages = Object.freeze({
	emptyQuestion: 'Please type a question: the text was empty.',
	unknownTopic: (name: string, known: readonly string[]) => `Unknown topic "${name}". Topics: ${known.join(', ')}.`,
	notFound: "The documents I have don't say.",
	folderMissing: 'the knowledge folder does not exist or is not a folder',
	folderEmpty: 'the knowledge folder holds no .txt or .md documents',
});
