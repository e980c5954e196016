import { describe, expect, test } from 'vitest';
import { FloodControl } from '../../src/discord/floodControl.ts';

/** A flood control on a clock the test moves. */
function clocked(burst: number, refillMs: number) {
	let now = 0;
	return { flood: new FloodControl({ burst, refillMs }, () => now), advance: (ms: number) => (now += ms) };
}

describe('FloodControl: a token bucket per user', () => {
	test('GIVEN a burst of 3 THEN three questions at once pass, the fourth is refused with the wait until the next turn', () => {
		const { flood } = clocked(3, 5_000);
		for (let i = 0; i < 3; i++) expect(flood.take('u')).toEqual({ ok: true, delayMs: 0 });
		expect(flood.take('u')).toEqual({ ok: false, waitMs: 5_000 });
		// Another user has a bucket of their own.
		expect(flood.take('v')).toEqual({ ok: true, delayMs: 0 });
	});

	test('GIVEN sustained asking THEN one question per refill passes, and a rest earns the burst back', () => {
		const { flood, advance } = clocked(3, 5_000);
		for (let i = 0; i < 3; i++) flood.take('u');
		advance(2_000);
		expect(flood.take('u')).toEqual({ ok: false, waitMs: 3_000 });
		advance(3_000);
		expect(flood.take('u').ok).toBe(true);
		expect(flood.take('u').ok).toBe(false);
		advance(60_000);
		for (let i = 0; i < 3; i++) expect(flood.take('u').ok).toBe(true);
	});

	test('GIVEN a queue THEN questions past the burst wait their turn, in order, up to the queue; beyond it refused', () => {
		const { flood } = clocked(1, 1_000);
		expect(flood.take('u', 2)).toEqual({ ok: true, delayMs: 0 });
		expect(flood.take('u', 2)).toEqual({ ok: true, delayMs: 1_000 });
		expect(flood.take('u', 2)).toEqual({ ok: true, delayMs: 2_000 });
		expect(flood.take('u', 2)).toEqual({ ok: false, waitMs: 3_000 });
	});

	test('GIVEN a refill of 0 THEN flood control is off', () => {
		const { flood } = clocked(1, 0);
		for (let i = 0; i < 50; i++) expect(flood.take('u')).toEqual({ ok: true, delayMs: 0 });
	});
});
