/** Shared by the fault tests: bursts without cooldown refusals, 429 bodies, the "nothing lost" check. */
import { expect } from 'vitest';
import type { Interceptor } from '../../support/fakeDiscord.ts';
import type { TestBot } from '../../support/botHarness.ts';
import { makeUsers, planBurst, summarize, type BurstItem, type BurstOutcome } from './burst.ts';

/** A burst without cooldown refusals: `n` questions from `n / 2` users over `spreadMs`. */
export function burst(n: number, spreadMs: number, seed: number): BurstItem[] {
	const users = makeUsers(Math.ceil(n / 2));
	return planBurst({ users, spaced: 2, impatient: 0, spacingMs: spreadMs / 2, impatientMs: 0, startSpreadMs: spreadMs / 2, seed }).map((item) => ({
		...item,
		expect: 'any' as const,
	}));
}

/** Runs `run` with `interceptor` installed on the fake server. */
export function intercepting<T>(t: TestBot, interceptor: Interceptor, run: () => Promise<T>): Promise<T> {
	const remove = t.discord.intercept(interceptor);
	return run().finally(remove);
}

/** A 429 as Discord sends it: body `retry_after` in seconds, and the headers discord.js reads. */
export const rateLimited = (retryAfter: number, global = false) => ({
	status: 429,
	body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
	headers: {
		'retry-after': String(retryAfter),
		'x-ratelimit-scope': global ? 'global' : 'user',
		...(global ? { 'x-ratelimit-global': 'true' } : {}),
	},
});

/** Every interaction got exactly one answer-or-refusal reply, none later than `maxMs`. */
export function expectAllAnsweredOnce(outcomes: readonly BurstOutcome[], maxMs = 3_000) {
	const summary = summarize(outcomes);
	expect({ lost: summary.lost, doubled: summary.doubled, other: summary.other }).toEqual({ lost: 0, doubled: 0, other: 0 });
	expect(summary.maxMs).toBeLessThanOrEqual(maxMs);
	return summary;
}

/** Faults injected and survived in one test file, printed for the README's figures. */
export function faultCounter() {
	const faults: Record<string, number> = {};
	return {
		faults,
		// An arrow, not a method: the tests destructure it.
		count: (name: string, n = 1) => {
			faults[name] = (faults[name] ?? 0) + n;
		},
	};
}
