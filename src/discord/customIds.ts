import { LIMITS } from './limits.ts';

/**
 * Button and select ids. They carry everything a click needs (an answer id, a page), so any
 * process (shard) can handle a click, even after a restart: the rest lives in the store.
 */
export type ComponentAction =
	| { kind: 'context'; answerId: string }
	| { kind: 'vote'; answerId: string; vote: 1 | -1 }
	| { kind: 'suggest'; answerId: string; index: number }
	| { kind: 'suggest-menu'; answerId: string }
	/** Moderators: why the bot declined (the stored question is re-run with an explanation). */
	| { kind: 'why'; answerId: string }
	| { kind: 'page'; topic: string; page: number; ownerId: string }
	/** A topic's page of one institution's facts (`/mandate institution:`); the institution by its key (`institutionKey`). */
	| { kind: 'institution-page'; topic: string; page: number; ownerId: string; institution: string }
	/** Moderators: the "Dismiss a gap" menu of `/kb gaps`; the gap is the chosen value (`gapKey`). */
	| { kind: 'gap-dismiss' };

const ID = /^[a-z0-9]{1,24}$/;
const SNOWFLAKE = /^\d{1,21}$/;
const INSTITUTION_KEY = /^[A-Za-z0-9_-]{10}$/;

/** Encodes an action into a custom id (at most 100 characters). */
export function encodeCustomId(action: ComponentAction): string {
	let id: string;
	switch (action.kind) {
		case 'context':
			id = `ctx:${action.answerId}`;
			break;
		case 'vote':
			id = `vote:${action.answerId}:${action.vote > 0 ? 'up' : 'down'}`;
			break;
		case 'suggest':
			id = `dym:${action.answerId}:${action.index}`;
			break;
		case 'suggest-menu':
			id = `dymm:${action.answerId}`;
			break;
		case 'why':
			id = `why:${action.answerId}`;
			break;
		case 'page':
			id = `page:${action.topic}:${action.page}:${action.ownerId}`;
			break;
		case 'institution-page':
			id = `ipage:${action.topic}:${action.page}:${action.ownerId}:${action.institution}`;
			break;
		case 'gap-dismiss':
			id = 'gapd';
			break;
	}
	if (id.length > LIMITS.customId) throw new Error(`custom id too long: ${id.length}`);
	return id;
}

/** The topic, page and owner that both kinds of page button carry; null when any is malformed. */
function pageTurn(topic: string | undefined, pageText: string | undefined, ownerId: string | undefined): { topic: string; page: number; ownerId: string } | null {
	const page = Number(pageText);
	if (!/^[a-z-]{1,32}$/.test(topic ?? '') || !Number.isInteger(page) || page < 0 || page > 999 || !SNOWFLAKE.test(ownerId ?? '')) return null;
	return { topic: topic!, page, ownerId: ownerId! };
}

/** Decodes a custom id; null for anything malformed (custom ids come from clients: never trust them). */
export function decodeCustomId(customId: string): ComponentAction | null {
	const parts = customId.split(':');
	const [kind, a, b, c] = parts;
	switch (kind) {
		case 'ctx':
			return parts.length === 2 && ID.test(a ?? '') ? { kind: 'context', answerId: a! } : null;
		case 'vote':
			if (parts.length !== 3 || !ID.test(a ?? '') || (b !== 'up' && b !== 'down')) return null;
			return { kind: 'vote', answerId: a!, vote: b === 'up' ? 1 : -1 };
		case 'dym': {
			const index = Number(b);
			if (parts.length !== 3 || !ID.test(a ?? '') || !Number.isInteger(index) || index < 0 || index > 24) return null;
			return { kind: 'suggest', answerId: a!, index };
		}
		case 'dymm':
			return parts.length === 2 && ID.test(a ?? '') ? { kind: 'suggest-menu', answerId: a! } : null;
		case 'why':
			return parts.length === 2 && ID.test(a ?? '') ? { kind: 'why', answerId: a! } : null;
		case 'page': {
			const turn = parts.length === 4 ? pageTurn(a, b, c) : null;
			return turn && { kind: 'page', ...turn };
		}
		case 'ipage': {
			const institution = parts[4];
			const turn = parts.length === 5 && INSTITUTION_KEY.test(institution ?? '') ? pageTurn(a, b, c) : null;
			return turn && { kind: 'institution-page', ...turn, institution: institution! };
		}
		case 'gapd':
			return parts.length === 1 ? { kind: 'gap-dismiss' } : null;
		default:
			return null;
	}
}
