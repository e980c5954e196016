/**
 * Issue 6, hostile input on the answer path (the function /ask, DMs, mentions and "did you mean" share),
 * property-based: whatever is typed, the bot answers or declines, in bounded time, with a reply
 * Discord accepts and that pings no one.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { answerQuestion } from '../../src/discord/answerFlow.ts';
import { FloodControl } from '../../src/discord/floodControl.ts';
import { KnowledgeHolder } from '../../src/discord/knowledge.ts';
import type { BotContext } from '../../src/discord/types.ts';
import { parseEnv } from '../../src/env.ts';
import { UserError } from '../../src/errors.ts';
import { createLogger } from '../../src/logger.ts';
import { Metrics } from '../../src/observability/metrics.ts';
import { Store } from '../../src/store/store.ts';
import { PROJECT_KNOWLEDGE, TEST_TOKEN } from '../support/botHarness.ts';
import { expectSendable, hostileText, hugeText } from './support/hostile.ts';

let ctx: BotContext;
const tried: Record<string, number> = {};

beforeAll(async () => {
	const knowledge = new KnowledgeHolder(PROJECT_KNOWLEDGE);
	await knowledge.load({ id: 'test', name: 'test' });
	ctx = {
		env: parseEnv({ DISCORD_TOKEN: TEST_TOKEN, KNOWLEDGE_DIR: PROJECT_KNOWLEDGE, DATA_DIR: ':memory:' }),
		logger: createLogger({ level: 'silent' }),
		store: Store.open(':memory:'),
		knowledge,
		flood: new FloodControl({ burst: 1, refillMs: 0 }),
		metrics: new Metrics({ defaultMetrics: false }),
		commands: new Map(),
		version: 'test',
		startedAt: new Date(),
	};
});

afterAll(async () => {
	console.log(`[reliability] hostile answer-path inputs tried: ${JSON.stringify(tried)}`);
	await ctx?.store.close();
});

const asker = { userId: '930000000000000001', guildId: '910000000000000001', channelId: '920000000000000001', source: 'slash' as const };

/** Answers `question` and checks the reply as it would be sent (the REST body discord.js builds). */
async function check(question: string): Promise<void> {
	let result: Awaited<ReturnType<typeof answerQuestion>>;
	try {
		result = await answerQuestion(question, ctx, asker);
	} catch (error) {
		// Declining is fine (e.g. nothing left once control characters are gone); crashing is not.
		expect(error).toBeInstanceOf(UserError);
		return;
	}
	const { payload } = result;
	expectSendable({
		content: payload.content,
		embeds: payload.embeds.map((embed) => embed.toJSON()),
		components: payload.components.map((row) => row.toJSON()),
		allowed_mentions: { parse: payload.allowedMentions.parse },
	});
	// The question is echoed as the embed title: no control characters may ride along (matching them is the point).
	// eslint-disable-next-line no-control-regex
	for (const embed of payload.embeds) expect(embed.toJSON().title ?? '').not.toMatch(/[\u0000-\u001f\u007f]/);
}

describe('the answer path under hostile input', () => {
	test('GIVEN arbitrary Unicode, zalgo, mentions, links, markdown and control characters THEN answer or decline, sendable, in bounded time', async () => {
		const started = performance.now();
		await fc.assert(
			fc.asyncProperty(hostileText, async (question) => {
				tried.hostileText = (tried.hostileText ?? 0) + 1;
				await check(question);
			}),
			{ numRuns: 1_000, seed: 6 },
		);
		// Generous: the whole run, not each call (1,000 questions take well under a second normally).
		expect(performance.now() - started).toBeLessThan(15_000);
	});

	test('GIVEN 1,000 to 100,000 characters THEN answer or decline, sendable, in bounded time', async () => {
		const started = performance.now();
		await fc.assert(
			fc.asyncProperty(hugeText, async (question) => {
				tried.hugeText = (tried.hugeText ?? 0) + 1;
				await check(question);
			}),
			{ numRuns: 60, seed: 6 },
		);
		expect(performance.now() - started).toBeLessThan(15_000);
	});

	const table: [string, string][] = [
		['100,000 ordinary words', 'When did Kazakhstan join the forum? '.repeat(2_778).slice(0, 100_000)],
		['100,000 NUL characters', '\u0000'.repeat(100_000)],
		['only control characters', '\u0001\u0002\u0003\u001b[31m\u007f'],
		['only combining marks', '\u0301'.repeat(5_000)],
		['zalgo words', 'K̸̢̛a̷z̴a̵k̶h̷s̸t̵a̶n̷ j̷o̶i̵n̸e̷d̶ '.repeat(2_000)],
		['a code fence around a mass ping', '```\n@everyone @here <@&910000000000000001>\n```'],
		['100,000 code fences', '```'.repeat(33_333)],
		['100,000 emoji', '😀'.repeat(50_000)],
		['lone surrogates', '\ud800\udfff\ud800 forum \udc00'],
		['right-to-left override', '\u202eWhen did Kazakhstan join the forum?'],
		['a whitespace-only question', ' \t\n\u00a0\u2003 '],
	];
	for (const [name, question] of table) {
		test(`GIVEN ${name} THEN answer or decline, sendable`, async () => {
			tried.table = (tried.table ?? 0) + 1;
			await check(question);
		});
	}
});
