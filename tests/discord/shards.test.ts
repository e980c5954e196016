import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { snowflake } from '../support/fakeDiscord.ts';
import { customIdsOf, messageOf, startTestBot, USERS, type TestBot } from '../support/botHarness.ts';

// Two bot processes sharing the knowledge and data folders, as shards do: state must not assume one process.
let a: TestBot;
let b: TestBot;

beforeAll(async () => {
	a = await startTestBot({ syncIntervalMs: 50 });
	b = await startTestBot({ shareFoldersWith: a, syncIntervalMs: 50 });
});

afterAll(async () => {
	await b?.close();
	await a?.close();
});

describe('two processes sharing the store', () => {
	test('GIVEN an answer given by one process THEN its buttons work on the other', async () => {
		const asked = await a.interact(a.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'Where was the 19th annual forum held?' }]));
		const up = customIdsOf(asked.body.data).find((id) => id.startsWith('vote:'))!;
		const vote = await b.interact(b.discord.payloads.button(up, asked.body.data));
		expect(vote.body.data.content).toMatch(/recorded/);
		expect(await a.bot.ctx.store.tally(up.split(':')[1]!)).toEqual({ up: 1, down: 0 });
	});

	test('GIVEN a document added through one process THEN the other serves it soon after', async () => {
		const before = b.bot.ctx.knowledge.current!.facts.length;
		const url = a.discord.serveFile('term.md', '---\ntitle: Term of office\n---\nThe ombudsman serves a term of five years.\n');
		const id = snowflake();
		const { token } = a.discord.interact(
			a.discord.payloads.slash('kb', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: id }] }], {
				user: USERS.moderator,
				resolved: { attachments: { [id]: { id, filename: 'term.md', size: 80, url, proxy_url: url } } },
			}),
		);
		expect(messageOf(await a.nthCall(token, 2)).embeds[0].title).toBe('Document added');
		const deadline = Date.now() + 3_000;
		while (b.bot.ctx.knowledge.current!.facts.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
		expect(b.bot.ctx.knowledge.current!.documents.some((document) => document.id === 'term')).toBe(true);
	});
});
