/**
 * Bursts of `/ask` through the fake Discord server, and what came back for each one: the load and
 * fault tests share this, so "answered", "lost" and "doubled" mean the same everywhere.
 */
import type { FakeUser, RecordedCall } from '../../support/fakeDiscord.ts';
import { customIdsOf, type TestBot } from '../../support/botHarness.ts';
import { PERMISSIONS } from '../../support/fakeDiscord.ts';

/** Answerable from the project's knowledge folder. */
export const QUESTIONS = [
	'Where was the 19th annual forum held?',
	'Who represented Kazakhstan at the meeting?',
	'Where was the forum held?',
	'Who hosted the meeting?',
	'When was the mandate expanded?',
	'Is the ombudsman independent?',
	'Can the ombudsman join a political party?',
	'What complaints can the ombudsman consider?',
	'Who is Askar Shakirov?',
	'When was the law on the National Preventive Mechanism adopted?',
	'What is the capital of France?',
] as const;

/** `count` distinct members, with ids that cannot clash with the harness's USERS. */
export function makeUsers(count: number): FakeUser[] {
	return Array.from({ length: count }, (_, index) => ({
		id: `9320000000${String(index).padStart(8, '0')}`,
		username: `user${index}`,
		roles: [],
		permissions: PERMISSIONS.member,
	}));
}

/** Channel ids of the guild's (uncached) text channels the burst is spread over. */
export const CHANNELS = Array.from({ length: 10 }, (_, index) => `9250000000000000${String(index).padStart(2, '0')}`);

/** One interaction of a burst: when it is sent (ms after the start), by whom, where, and what should come back. */
export interface BurstItem {
	at: number;
	user: FakeUser;
	channelId: string;
	question: string;
	private: boolean;
	/** `answer`: an answer embed; `cooldown`: the polite ephemeral refusal; `any`: either. */
	expect: 'answer' | 'cooldown' | 'any';
}

/** What happened to one interaction. */
export interface BurstOutcome {
	item: BurstItem;
	token: string;
	interactionId: string;
	sentAt: number;
	/** Every REST call made for this interaction (callbacks, follow-ups, edits), in order. */
	calls: RecordedCall[];
	/** The initial responses Discord accepted (2xx): exactly one when nothing is lost or doubled. */
	accepted: RecordedCall[];
	/** Milliseconds from dispatch to the accepted response; null when lost. */
	latencyMs: number | null;
	kind: 'answer' | 'cooldown' | 'other' | 'lost';
}

/** A small deterministic PRNG (mulberry32), so a failing burst can be replayed. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/**
 * A burst where each user asks `spaced` questions further apart than the cooldown (answered) and,
 * after some of them, re-asks impatiently within `impatientMs` (refused politely).
 * With cooldown 3 s: spacing 3.6 s leaves 600 ms of slack either way for scheduling jitter.
 */
export function planBurst(options: {
	users: FakeUser[];
	spaced: number;
	impatient: number;
	spacingMs: number;
	impatientMs: number;
	startSpreadMs: number;
	seed: number;
}): BurstItem[] {
	const rand = random(options.seed);
	const items: BurstItem[] = [];
	for (const user of options.users) {
		const start = Math.floor(rand() * options.startSpreadMs);
		const channelId = CHANNELS[Math.floor(rand() * CHANNELS.length)]!;
		for (let k = 0; k < options.spaced; k++) {
			const at = start + k * options.spacingMs;
			const question = QUESTIONS[Math.floor(rand() * QUESTIONS.length)]!;
			items.push({ at, user, channelId, question, private: rand() < 0.2, expect: 'answer' });
			if (k < options.impatient) {
				items.push({ at: at + options.impatientMs, user, channelId, question, private: false, expect: 'cooldown' });
			}
		}
	}
	return items.sort((a, b) => a.at - b.at);
}

/** The `/ask` payload for one burst item, in its own channel. */
export function askPayload(t: TestBot, item: BurstItem): Record<string, unknown> {
	const payload = t.discord.payloads.slash(
		'ask',
		[{ name: 'question', type: 3, value: item.question }, ...(item.private ? [{ name: 'private', type: 5, value: true }] : [])],
		{ user: item.user },
	);
	payload.channel_id = item.channelId;
	payload.channel = { ...(payload.channel as object), id: item.channelId, name: `c-${item.channelId.slice(-2)}` };
	return payload;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends every item at its time and waits until each has an accepted response or `settleMs` have passed
 * after the last one. `during` runs side actions at given times (a refresh, a dropped gateway).
 */
export async function runBurst(
	t: TestBot,
	items: readonly BurstItem[],
	options: { settleMs?: number; during?: { at: number; run: () => void | Promise<void> }[] } = {},
): Promise<{ outcomes: BurstOutcome[]; wallMs: number; sendSpanMs: number }> {
	const sent: { item: BurstItem; token: string; interactionId: string; sentAt: number }[] = [];
	const started = Date.now();
	const side: Promise<void>[] = [];
	const timers: NodeJS.Timeout[] = [];
	for (const action of options.during ?? []) {
		timers.push(setTimeout(() => side.push(Promise.resolve(action.run())), action.at));
	}
	await new Promise<void>((resolve) => {
		let left = items.length;
		if (left === 0) resolve();
		for (const item of items) {
			timers.push(
				setTimeout(() => {
					const sentAt = Date.now();
					const { id, token } = t.discord.interact(askPayload(t, item));
					sent.push({ item, token, interactionId: id, sentAt });
					if (--left === 0) resolve();
				}, item.at),
			);
		}
	});
	const sendSpanMs = Date.now() - started;
	const deadline = Date.now() + (options.settleMs ?? 5_000);
	const byToken = () => {
		const map = new Map<string, RecordedCall[]>();
		for (const call of t.discord.calls) {
			const match = /^\/(?:interactions\/\d+|webhooks\/\d+)\/(tok-\d+)(?:\/|$)/.exec(call.path);
			if (!match) continue;
			const list = map.get(match[1]!);
			if (list) list.push(call);
			else map.set(match[1]!, [call]);
		}
		return map;
	};
	for (;;) {
		const map = byToken();
		const pending = sent.filter((s) => !(map.get(s.token) ?? []).some((call) => call.path.endsWith('/callback') && call.status < 300));
		if (pending.length === 0 || Date.now() > deadline) break;
		await sleep(25);
	}
	// Let any doubled reply (a retry, a second handler) show up before counting.
	await sleep(300);
	await Promise.all(side);
	for (const timer of timers) clearTimeout(timer);
	const map = byToken();
	const outcomes = sent.map((s): BurstOutcome => {
		const calls = map.get(s.token) ?? [];
		const accepted = calls.filter((call) => call.path.endsWith('/callback') && call.status < 300);
		const first = accepted[0];
		let kind: BurstOutcome['kind'] = 'lost';
		if (first) {
			const data = first.body?.data;
			// An answer shows its confidence; a refusal (no percentage beside it) says the documents don't answer it.
			const embed = data?.embeds?.[0];
			const answered = embed?.fields?.some((field: any) => field.name === 'Confidence') || /^The documents I have don't answer this/.test(embed?.description ?? '');
			if (first.body?.type === 4 && answered) kind = 'answer';
			else if (first.body?.type === 4 && data?.flags === 64 && /please wait \d+ seconds?/.test(data?.content ?? '')) kind = 'cooldown';
			else kind = 'other';
		}
		return {
			...s,
			calls,
			accepted,
			latencyMs: first ? first.at - s.sentAt : null,
			kind,
		};
	});
	return { outcomes, wallMs: Date.now() - started, sendSpanMs };
}

/** The answer id behind an answer's buttons (null when it has none). */
export function answerIdOf(outcome: BurstOutcome): string | null {
	// An answer's Show context and a refusal's Why? both carry the id of the recorded answer.
	const id = customIdsOf(outcome.accepted[0]?.body?.data).find((customId) => /^(?:ctx|why):/.test(customId));
	return id ? id.slice(id.indexOf(':') + 1) : null;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Counts for the README and the test log. */
export function summarize(outcomes: readonly BurstOutcome[]) {
	const latencies = outcomes.flatMap((o) => (o.latencyMs === null ? [] : [o.latencyMs]));
	return {
		sent: outcomes.length,
		replied: outcomes.filter((o) => o.accepted.length > 0).length,
		answers: outcomes.filter((o) => o.kind === 'answer').length,
		cooldownRefusals: outcomes.filter((o) => o.kind === 'cooldown').length,
		other: outcomes.filter((o) => o.kind === 'other').length,
		lost: outcomes.filter((o) => o.accepted.length === 0).length,
		doubled: outcomes.filter((o) => o.accepted.length > 1 || o.calls.some((call) => call.method === 'POST' && call.path.startsWith('/webhooks/'))).length,
		late: latencies.filter((ms) => ms > 3_000).length,
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		maxMs: latencies.length ? Math.max(...latencies) : NaN,
	};
}
