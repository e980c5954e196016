import type { MessageKey } from './i18n/en.ts';
import { say } from './i18n/index.ts';

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
		readonly key: MessageKey | undefined = KEYS[identifier],
	) {
		super(message);
	}
}

export type UserErrorId = 'EmptyQuestion' | 'UnknownTopic' | 'KnowledgeUnusable';

/** The catalogue key of an error whose message is always the same, so the engine's own throws are translated too. */
const KEYS: Partial<Record<UserErrorId, MessageKey>> = { EmptyQuestion: 'emptyQuestion' };

/** The engine's messages, in English (the CLI's contract); the Discord doors say them in the person's language by key. */
export const messages = Object.freeze({
	emptyQuestion: say('en', 'emptyQuestion'),
	unknownTopic: (name: string, known: readonly string[]) => say('en', 'unknownTopic', { name, known: known.join(', ') }),
	notFound: say('en', 'notFound'),
	folderMissing: 'the knowledge folder does not exist or is not a folder',
	folderEmpty: 'the knowledge folder holds no .txt or .md documents',
});
