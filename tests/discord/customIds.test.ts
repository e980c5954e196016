import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeCustomId, encodeCustomId, type ComponentAction } from '../../src/discord/customIds.ts';

describe('custom ids', () => {
	const actions: ComponentAction[] = [
		{ kind: 'context', answerId: 'abc123' },
		{ kind: 'vote', answerId: 'abc123', vote: 1 },
		{ kind: 'vote', answerId: 'abc123', vote: -1 },
		{ kind: 'suggest', answerId: 'abc123', index: 4 },
		{ kind: 'suggest-menu', answerId: 'abc123' },
		{ kind: 'why', answerId: 'abc123' },
		{ kind: 'page', topic: 'mandate', page: 3, ownerId: '930000000000000001' },
	];
	for (const action of actions) {
		test(`GIVEN ${JSON.stringify(action)} THEN it round-trips within 100 characters`, () => {
			const id = encodeCustomId(action);
			expect(id.length).toBeLessThanOrEqual(100);
			expect(decodeCustomId(id)).toEqual(action);
		});
	}

	test('GIVEN arbitrary client-sent ids THEN decoding never throws', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 120 }), (id) => {
				const action = decodeCustomId(id);
				if (action) expect(decodeCustomId(encodeCustomId(action))).toEqual(action);
			}),
		);
	});

	test.each(['ctx:', 'vote:a:sideways', 'dym:a:99', 'page:mandate:-1:1', 'page:../x:0:1', 'ctx:a:b', 'why:', 'why:a:b', 'why:../x'])('GIVEN %s THEN null', (id) => {
		expect(decodeCustomId(id)).toBeNull();
	});
});
