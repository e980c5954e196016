import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { groupGaps } from '../../src/discord/gapCuration.ts';
import { snowflake } from '../support/fakeDiscord.ts';
import { expectNoPings, messageOf, startTestBot, textOf, USERS, useTestBot, type TestBot } from '../support/botHarness.ts';

const NEW_DOC = `---
title: Appointment of the ombudsman
---
The ombudsman is appointed by the parliament for a term of five years.
The ombudsman may be reappointed once.
`;
const ANSWERABLE = 'Where was the 19th annual forum held?';

let t: TestBot;

useTestBot((bot) => (t = bot));

const kb = (sub: string, options: unknown[] = [], user: (typeof USERS)[keyof typeof USERS] = USERS.moderator, extra: { dm?: boolean; resolved?: unknown } = {}) =>
	t.discord.payloads.slash('kb', [{ name: sub, type: 1, options }], { user, ...extra });

/** Runs a deferred /kb subcommand and returns the final (edited) reply body. */
async function deferred(payload: Record<string, unknown>): Promise<any> {
	const { token, body } = await t.interact(payload);
	expect(body).toMatchObject({ type: 5, data: { flags: 64 } });
	const edit = await t.nthCall(token, 2);
	expect(edit.method).toBe('PATCH');
	return messageOf(edit);
}

function upload(name: string, content: string | Uint8Array, user = USERS.moderator, replace = false) {
	const url = t.discord.serveFile(name, content);
	const id = snowflake();
	const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
	return kb(
		'add',
		[{ name: 'file', type: 11, value: id }, ...(replace ? [{ name: 'replace', type: 5, value: true }] : [])],
		user,
		{ resolved: { attachments: { [id]: { id, filename: name, size, url, proxy_url: url, content_type: 'text/plain' } } } },
	);
}

const askAnswered = async (question: string) => {
	const { body } = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: question }]));
	return { answered: !/documents I have don't answer this/.test(textOf(body.data)), body };
};

describe('/kb permissions (checked at execution)', () => {
	const refused = [
		{ who: 'a member', user: USERS.member, dm: false, reason: /moderator roles/ },
		{ who: 'a Manage Server admin without the moderator role', user: USERS.admin, dm: false, reason: /moderator roles/ },
		{ who: 'a moderator in DMs (not an owner)', user: USERS.moderator, dm: true, reason: /only the bot's owners/ },
	];
	for (const row of refused) {
		for (const sub of ['refresh', 'status', 'gaps', 'remove']) {
			test(`GIVEN ${row.who} THEN /kb ${sub} is refused, ephemerally, and nothing changes`, async () => {
				const options = sub === 'remove' ? [{ name: 'document', type: 3, value: 'kazakhstan-joins-asia-pacific-forum' }] : [];
				const { body } = await t.interact(kb(sub, options, row.user, { dm: row.dm }));
				expect(body.type).toBe(4);
				expect(body.data.flags).toBe(64);
				expect(body.data.content).toMatch(row.reason);
			});
		}
	}

	test('GIVEN a member THEN /kb add is refused before downloading anything', async () => {
		const before = t.discord.calls.filter((call) => call.path.startsWith('/attachments')).length;
		const { body } = await t.interact(upload('sneaky.md', NEW_DOC, USERS.member));
		expect(body.data.content).toMatch(/moderator roles/);
		expect(t.discord.calls.filter((call) => call.path.startsWith('/attachments')).length).toBe(before);
		expect(existsSync(join(t.knowledgeDir, 'sneaky.md'))).toBe(false);
	});

	test('GIVEN a member typing in /kb remove THEN autocomplete lists nothing; a moderator sees the documents', async () => {
		const member = await t.interact(t.discord.payloads.autocomplete('kb', 'document', '', { user: USERS.member }));
		expect(member.body.data.choices).toEqual([]);
		const payload = t.discord.payloads.interaction(4, {
			id: '1',
			name: 'kb',
			type: 1,
			options: [{ name: 'remove', type: 1, options: [{ name: 'document', type: 3, value: 'kaz', focused: true }] }],
		}, { user: USERS.moderator });
		const moderator = await t.interact(payload);
		expect(moderator.body.data.choices[0].value).toBe('kazakhstan-joins-asia-pacific-forum');
	});

	test('GIVEN the owner in DMs THEN /kb status works', async () => {
		const { body } = await t.interact(kb('status', [], USERS.owner, { dm: true }));
		expect(body.data.embeds[0].title).toBe('Knowledge base status');
	});
});

describe('/kb refresh', () => {
	test('GIVEN a good new document in the folder THEN refresh swaps it in and replies N → M facts', async () => {
		const before = t.bot.ctx.knowledge.current!.facts.length;
		writeFileSync(join(t.knowledgeDir, 'appointment.md'), NEW_DOC);
		const reply = await deferred(kb('refresh'));
		expect(reply.embeds[0].title).toBe('Knowledge base refreshed');
		const after = t.bot.ctx.knowledge.current!.facts.length;
		expect(after).toBeGreaterThan(before);
		expect(reply.embeds[0].description).toContain(`${before} → ${after}`);
		expect(t.bot.ctx.knowledge.lastBuild?.by.name).toBe('moderator');
	});

	test('GIVEN a broken document THEN refresh names the file and the reason, and the old knowledge base keeps answering', async () => {
		const served = t.bot.ctx.knowledge.current;
		writeFileSync(join(t.knowledgeDir, 'broken.md'), '---\ntitle: [unclosed\n---\nSome text.\n');
		const reply = await deferred(kb('refresh'));
		expect(reply.embeds[0].title).toBe('Refresh failed');
		expect(textOf(reply)).toMatch(/`broken\.md`: front matter/);
		expect(textOf(reply)).toMatch(/keep serving the previous knowledge base \(2 documents, \d+ facts\)/);
		expect(t.bot.ctx.knowledge.current).toBe(served);
		expect((await askAnswered(ANSWERABLE)).answered).toBe(true);
		const entry = (await t.bot.ctx.store.recentAudit(1))[0]!;
		expect(entry).toMatchObject({ action: 'refresh', ok: false, actorId: USERS.moderator.id });
	});

	test('GIVEN the broken file fixed THEN refresh succeeds again', async () => {
		writeFileSync(join(t.knowledgeDir, 'broken.md'), '---\ntitle: Fixed\n---\nThe office publishes an annual report every spring.\n');
		const reply = await deferred(kb('refresh'));
		expect(reply.embeds[0].title).toBe('Knowledge base refreshed');
	});
});

describe('/kb add and remove', () => {
	test('GIVEN a good .md upload THEN it is written under a safe name, indexed and audited', async () => {
		const before = t.bot.ctx.knowledge.current!.facts.length;
		const reply = await deferred(upload('Budget Rules.md', '---\ntitle: Budget\n---\nThe budget of the office is set by law each year.\n'));
		expect(reply.embeds[0].title).toBe('Document added');
		expect(readFileSync(join(t.knowledgeDir, 'budget-rules.md'), 'utf8')).toMatch(/budget of the office/);
		expect(t.bot.ctx.knowledge.current!.facts.length).toBeGreaterThan(before);
		expect((await t.bot.ctx.store.recentAudit(1))[0]).toMatchObject({ action: 'add', target: 'budget-rules', ok: true });
		expect(readdirSync(t.knowledgeDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
	});

	test('GIVEN the same name again THEN refused unless replace is set', async () => {
		const refused = await deferred(upload('budget-rules.md', 'Another text about the budget.'));
		expect(textOf(refused)).toMatch(/already exists/);
		const replaced = await deferred(upload('budget-rules.md', 'The budget is approved by parliament.', USERS.moderator, true));
		expect(replaced.embeds[0].title).toBe('Document replaced');
	});

	const hostile = [
		{ name: '../../etc/passwd', content: 'root:x:0:0', reason: /path/ },
		{ name: '..%2F..%2Fescape.md', content: 'text', reason: /path/ },
		{ name: 'CON.txt', content: 'text', reason: /reserved/ },
		{ name: 'report.pdf', content: '%PDF-1.4', reason: /only \.md and \.txt/ },
		{ name: 'empty.md', content: '', reason: /empty|no text/ },
		{ name: 'binary.txt', content: new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80]), reason: /UTF-8|binary/ },
	];
	for (const row of hostile) {
		test(`GIVEN an upload named ${JSON.stringify(row.name)} THEN refused with a reason, nothing written`, async () => {
			const listing = readdirSync(t.knowledgeDir).sort();
			const reply = await deferred(upload(row.name, row.content));
			expect(reply.embeds[0].title).toBe('Upload refused');
			expect(textOf(reply)).toMatch(row.reason);
			expect(readdirSync(t.knowledgeDir).sort()).toEqual(listing);
			expect(existsSync(join(t.knowledgeDir, '..', 'escape.md'))).toBe(false);
		});
	}

	test('GIVEN /kb remove THEN the document leaves the folder (kept in the data folder) and the index', async () => {
		const reply = await deferred(kb('remove', [{ name: 'document', type: 3, value: 'budget-rules' }]));
		expect(reply.embeds[0].title).toBe('Document removed');
		expect(existsSync(join(t.knowledgeDir, 'budget-rules.md'))).toBe(false);
		expect(readdirSync(join(t.dataDir, 'removed')).some((name) => name.endsWith('budget-rules.md'))).toBe(true);
		expect(t.bot.ctx.knowledge.current!.documents.some((document) => document.id === 'budget-rules')).toBe(false);
	});

	test('GIVEN /kb remove of an unknown id THEN a clear refusal', async () => {
		const reply = await deferred(kb('remove', [{ name: 'document', type: 3, value: '../knowledge' }]));
		expect(reply.embeds[0].title).toBe('Nothing removed');
		expect(reply.embeds[0].description).toMatch(/^There is no document with the id/);
	});
});

describe('/kb status and gaps', () => {
	test('GIVEN changes THEN status shows counts, the last refresh with who and how long, and the audit log', async () => {
		const { body } = await t.interact(kb('status'));
		const text = textOf(body.data);
		expect(text).toMatch(/by moderator, built in \d+ ms/);
		// The bot's own load at start-up is no one's doing: never "by startup".
		expect(text).not.toMatch(/by startup/);
		expect(text).toMatch(/✅ .*\*\*remove\*\* `budget-rules` by moderator/);
		expect(text).toMatch(/❌ .*\*\*add\*\* `binary` by moderator/);
		expect(text).toMatch(/❌ .*\*\*add\*\* `\.\.\/\.\.\/etc\/passwd` by moderator/);
	});

	test('GIVEN unanswered and voted-down questions THEN gaps lists them', async () => {
		await askAnswered('What is the salary of the ombudsman?');
		await askAnswered('what is the salary of the ombudsman');
		const { answered, body } = await askAnswered(ANSWERABLE);
		expect(answered).toBe(true);
		const down = body.data.components[0].components[2].custom_id;
		await t.interact(t.discord.payloads.button(down, body.data));
		const { body: gaps } = await t.interact(kb('gaps'));
		const text = textOf(gaps.data);
		expect(text).toMatch(/What is the salary of the ombudsman\?: 2× unanswered/);
		expect(text).toMatch(/Where was the 19th annual forum held\?: 1× 👎/);
	});

	test('GIVEN gaps THEN each shows how close the served knowledge base comes: the best probability and what weighed most', async () => {
		expect((await askAnswered('When was the forum founded?')).answered).toBe(false);
		const { body } = await t.interact(kb('gaps'));
		const description: string = body.data.embeds[0].description;
		expect(description.length).toBeLessThanOrEqual(4_096);
		expect(description).toMatch(/When was the forum founded\?: 1× unanswered\n└ best \d+%: \w+ [+−]\d+\.\d\d, \w+ [+−]\d+\.\d\d, \w+ [+−]\d+\.\d\d\n/);
		// The constant bias says nothing about a gap; a question no fact comes near says so.
		expect(description).not.toMatch(/bias/);
		expect(description).toMatch(/salary of the ombudsman\?: 2× unanswered\n└ no fact comes close/);
		// An answerable question in the gaps (voted down) is explained too: how sure the engine is now.
		expect(description).toMatch(/annual forum held\?: [^\n]+\n└ best \d+%/);
	});

	test('GIVEN many long gaps THEN /kb gaps keeps whole lines within the embed limit', async () => {
		for (let i = 0; i < 16; i += 1) await askAnswered(`When was the forum founded, number ${i}, ${'and also why '.repeat(30)}?`);
		const { body } = await t.interact(kb('gaps'));
		const description: string = body.data.embeds[0].description;
		expect(description.length).toBeLessThanOrEqual(4_096);
		// Cut between gaps, never inside one, and said so: each gap shown whole, its verdict line under it.
		const lines = description.split('\n');
		const more = /^…and (\d+) more$/.exec(lines.at(-1)!);
		const gapLines = more ? lines.slice(0, -1) : lines;
		expect(gapLines.length % 2).toBe(0);
		gapLines.forEach((line, i) => expect(line).toMatch(i % 2 ? /^└ (best \d+%: \w+ [+−]|no fact comes close)/ : /^\*\*\d+\.\*\* .*: \d+× (unanswered|👎)/));
		// Listed plus "more" is every gap: near-duplicates count once, questions that differ by a number never merge.
		const groups = groupGaps(await t.bot.ctx.store.gaps(100));
		expect(groups.filter((g) => g.head.question.startsWith('When was the forum founded, number'))).toHaveLength(16);
		expect(gapLines.length / 2 + Number(more?.[1] ?? 0)).toBe(groups.length);
	});

	test('GIVEN everything above THEN no reply could ping anyone', () => {
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(10);
	});
});

describe('without MODERATOR_ROLE_IDS', () => {
	test('GIVEN Manage Server THEN /kb is allowed; without it, refused', async () => {
		const open = await startTestBot({ env: { MODERATOR_ROLE_IDS: '' } });
		try {
			const admin = await open.interact(open.discord.payloads.slash('kb', [{ name: 'status', type: 1, options: [] }], { user: USERS.admin }));
			expect(admin.body.data.embeds[0].title).toBe('Knowledge base status');
			const member = await open.interact(open.discord.payloads.slash('kb', [{ name: 'status', type: 1, options: [] }], { user: USERS.member }));
			expect(member.body.data.content).toMatch(/Manage Server/);
		} finally {
			await open.close();
		}
	});
});
