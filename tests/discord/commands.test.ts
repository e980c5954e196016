import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { answer, topicFacts } from '../../src/answering/index.ts';
import { paginateFacts } from '../../src/discord/replies.ts';
import { isMessageCommand } from '../../src/discord/types.ts';
import { customIdsOf, expectNoPings, messageOf, startTestBot, textOf, USERS, useTestBot, type TestBot } from '../support/botHarness.ts';

const ANSWERABLE = 'Where was the 19th annual forum held?';
const UNANSWERABLE = 'What is the capital of France?';
/** Declined, yet with candidates: its explanation has contributions to show. */
const NEAR_MISS = 'When was the forum founded?';

let t: TestBot;

useTestBot((bot) => (t = bot));

const ask = (question: string, user = USERS.member, extra: unknown[] = []) =>
	t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: question }, ...extra], { user }));

describe('/ask', () => {
	test('GIVEN an answerable question THEN an embed with the answer, a confidence marker, the source and buttons', async () => {
		const { body } = await ask(ANSWERABLE);
		expect(body.type).toBe(4);
		const embed = body.data.embeds[0];
		expect(embed.title).toBe(ANSWERABLE);
		expect(embed.description).toMatch(/Leela Palace Hotel/);
		expect(textOf(body.data)).toMatch(/(High|Moderate) confidence/);
		expect(textOf(body.data)).toMatch(/`kazakhstan-joins-asia-pacific-forum`, line \d+/);
		const ids = customIdsOf(body.data);
		expect(ids.some((id) => id.startsWith('ctx:'))).toBe(true);
		expect(ids.filter((id) => id.startsWith('vote:'))).toHaveLength(2);
		expect(body.data.flags ?? 0).toBe(0);
	});

	test('GIVEN private: true THEN the answer is ephemeral', async () => {
		const { body } = await ask(ANSWERABLE, USERS.member, [{ name: 'private', type: 5, value: true }]);
		expect(body.data.flags).toBe(64);
		// Recorded as private: the server's autocomplete never offers the question to others.
		const answerId = customIdsOf(body.data).find((id) => id.startsWith('ctx:'))!.split(':')[1]!;
		expect(await t.bot.ctx.store.getAnswer(answerId)).toMatchObject({ private: true, source: 'slash' });
	});

	test('GIVEN a question the documents do not answer THEN it keeps the question and says so plainly, no percentage, no context button', async () => {
		const { body } = await ask(UNANSWERABLE);
		const embed = body.data.embeds[0];
		expect(embed.title).toBe(UNANSWERABLE);
		expect(embed.description).toMatch(/^The documents I have don't answer this/);
		expect(textOf(body.data)).not.toMatch(/%|🔴|confidence/i);
		expect(customIdsOf(body.data).some((id) => id.startsWith('ctx:'))).toBe(false);
	});

	test('GIVEN a near miss THEN up to three suggestions listed in full and numbered, with buttons 1, 2, 3', async () => {
		const { body } = await ask(NEAR_MISS);
		const answerId = customIdsOf(body.data).find((id) => id.startsWith('why:'))!.split(':')[1]!;
		const suggestions = (await t.bot.ctx.store.getAnswer(answerId))!.suggestions;
		expect(suggestions.length).toBeGreaterThan(0);
		expect(suggestions.length).toBeLessThanOrEqual(3);
		const description: string = body.data.embeds[0].description;
		suggestions.forEach((suggestion, index) => expect(description).toContain(`**${index + 1}.** ${suggestion}`));
		// In full: at least one is longer than a button label could hold.
		expect(Math.max(...suggestions.map((s) => s.length))).toBeGreaterThan(80);
		const buttons = body.data.components.flatMap((row: any) => row.components).filter((c: any) => c.custom_id?.startsWith('dym:'));
		expect(buttons.map((b: any) => [b.label, b.custom_id])).toEqual(suggestions.map((_, i) => [String(i + 1), `dym:${answerId}:${i}`]));
		expect(textOf(body.data)).not.toMatch(/%|🔴|confidence/i);
	});

	test('GIVEN the asker presses a number THEN that suggestion is answered in a new public reply, the refusal left as it was', async () => {
		const { body } = await ask(NEAR_MISS, USERS.member);
		const answerId = customIdsOf(body.data).find((id) => id.startsWith('why:'))!.split(':')[1]!;
		const suggestion = (await t.bot.ctx.store.getAnswer(answerId))!.suggestions[0]!;
		const since = t.discord.calls.length;
		const click = await t.interact(t.discord.payloads.button(`dym:${answerId}:0`, body.data, { user: USERS.member }));
		expect(click.body.type).toBe(4); // CHANNEL_MESSAGE_WITH_SOURCE: a new message, not UPDATE_MESSAGE (7)
		expect(click.body.data.flags ?? 0).toBe(0);
		expect(click.body.data.embeds[0].title).toBe(suggestion.slice(0, 256));
		expect(customIdsOf(click.body.data).some((id) => id.startsWith('vote:'))).toBe(true);
		expect(click.body.data.allowed_mentions).toMatchObject({ parse: [] });
		// Nothing edited the refusal.
		expect(t.discord.calls.slice(since).filter((call) => call.method === 'PATCH')).toEqual([]);
	});

	/** An abstention with suggestions, recorded as the bot records them (the engine decides when it abstains). */
	async function abstention(userId: string) {
		const id = `dym${Math.random().toString(36).slice(2, 10)}`;
		await t.bot.ctx.store.recordAnswer({
			id,
			userId,
			guildId: t.discord.guildId,
			channelId: t.discord.channelId,
			source: 'slash',
			question: 'Who appoints the ombudsman?',
			answered: false,
			confidence: 0.1,
			factIds: [],
			suggestions: ['Who is the ombudsman?', ANSWERABLE],
		});
		return { id, message: { content: '', embeds: [{ title: 'Who appoints the ombudsman?' }] } };
	}

	test('GIVEN a number pressed on a private refusal THEN the answer is private too', async () => {
		const { id, message } = await abstention(USERS.member.id);
		const click = await t.interact(t.discord.payloads.button(`dym:${id}:1`, { ...message, flags: 64 }, { user: USERS.member }));
		expect(click.body.type).toBe(4);
		expect(click.body.data.flags).toBe(64);
		expect(click.body.data.embeds[0].title).toBe(ANSWERABLE);
	});

	test('GIVEN a number pressed by someone else THEN they get the answer privately', async () => {
		const { id, message } = await abstention(USERS.member.id);
		const click = await t.interact(t.discord.payloads.button(`dym:${id}:1`, message, { user: USERS.other }));
		expect(click.body.type).toBe(4);
		expect(click.body.data.flags).toBe(64);
		expect(click.body.data.embeds[0].title).toBe(ANSWERABLE);
	});

	test('GIVEN a number pressed on another process (a restart, a shard) THEN the suggestion is answered from the store', async () => {
		const { id, message } = await abstention(USERS.member.id);
		const other = await startTestBot({ shareFoldersWith: t });
		try {
			const click = await other.interact(other.discord.payloads.button(`dym:${id}:1`, message, { user: USERS.member }));
			expect(click.body.type).toBe(4);
			expect(click.body.data.embeds[0].title).toBe(ANSWERABLE);
		} finally {
			await other.close();
		}
	});

	test('GIVEN the did-you-mean menu of an older reply THEN the chosen suggestion is still answered, in a new reply', async () => {
		const { id, message } = await abstention(USERS.member.id);
		const click = await t.interact(t.discord.payloads.select(`dymm:${id}`, ['1'], message, { user: USERS.member }));
		expect(click.body.type).toBe(4);
		expect(click.body.data.embeds[0].title).toBe(ANSWERABLE);
	});

	test('GIVEN Show context THEN an ephemeral embed with the cited sentence in bold among its neighbours', async () => {
		const { body } = await ask(ANSWERABLE);
		const ctxId = customIdsOf(body.data).find((id) => id.startsWith('ctx:'))!;
		const click = await t.interact(t.discord.payloads.button(ctxId, body.data));
		expect(click.body.data.flags).toBe(64);
		expect(click.body.data.embeds[0].description).toMatch(/\*\*The formal acceptance/);
		expect(click.body.data.embeds[0].footer.text).toMatch(/kazakhstan-joins-asia-pacific-forum, line \d+/);
	});

	test('GIVEN a declined /ask THEN a Why? button; a moderator clicking it sees, privately, the threshold and the features that decided', async () => {
		const { body } = await ask(NEAR_MISS);
		expect(textOf(body.data)).toMatch(/don't answer this/);
		const why = customIdsOf(body.data).find((id) => id.startsWith('why:'))!;
		expect(why).toMatch(/^why:[a-z0-9]+$/);
		const click = await t.interact(t.discord.payloads.button(why, body.data, { user: USERS.moderator }));
		expect(click.body.type).toBe(4);
		expect(click.body.data.flags).toBe(64);
		const embed = click.body.data.embeds[0];
		expect(embed.title).toBe(`Why: ${NEAR_MISS}`);
		expect(embed.description.length).toBeLessThanOrEqual(4_096);
		expect(embed.description).toMatch(/^```\nregime \w+, threshold [\d.]+, margin/);
		expect(embed.description).toMatch(/terms: .*founded/);
		expect(embed.description).toMatch(/\n {6}\w+ [+-][\d.]+, \w+ [+-]/);
		expect(textOf(click.body.data)).toMatch(/Declined: the best candidate has \d+%, answering needs \d+% \(threshold [\d.]+\)\. Largest contributions: \w+ [+−][\d.]+/);
	});

	test('GIVEN a member (even the asker) clicking Why? THEN a short ephemeral refusal', async () => {
		const { body } = await ask(NEAR_MISS, USERS.member);
		const why = customIdsOf(body.data).find((id) => id.startsWith('why:'))!;
		const click = await t.interact(t.discord.payloads.button(why, body.data, { user: USERS.member }));
		expect(click.body.data.flags).toBe(64);
		expect(click.body.data.content).toMatch(/Only moderators/);
		expect(click.body.data.embeds ?? []).toEqual([]);
	});

	test('GIVEN an answered /ask THEN no Why? button; a forged or stale Why? gets a polite notice', async () => {
		const { body } = await ask(ANSWERABLE);
		expect(customIdsOf(body.data).some((id) => id.startsWith('why:'))).toBe(false);
		const stale = await t.interact(t.discord.payloads.button('why:doesnotexist', { content: 'x' }, { user: USERS.moderator }));
		expect(stale.body.data.content).toMatch(/no longer available/);
		const forged = await t.interact(t.discord.payloads.button('why:../x', { content: 'x' }, { user: USERS.moderator }));
		expect(forged.body.data.content).toMatch(/not mine/);
	});

	test('GIVEN a Why? clicked on another process (a restart, a shard) THEN it is explained from the stored question', async () => {
		const { body } = await ask(NEAR_MISS);
		const why = customIdsOf(body.data).find((id) => id.startsWith('why:'))!;
		const other = await startTestBot({ shareFoldersWith: t });
		try {
			const click = await other.interact(other.discord.payloads.button(why, body.data, { user: USERS.moderator }));
			expect(click.body.data.embeds[0].title).toBe(`Why: ${NEAR_MISS}`);
			expect(click.body.data.allowed_mentions).toMatchObject({ parse: [] });
		} finally {
			await other.close();
		}
	});

	test('GIVEN 👍 twice and then 👎 by one user THEN one vote is kept, the latest', async () => {
		const { body } = await ask(ANSWERABLE);
		const [up, down] = customIdsOf(body.data).filter((id) => id.startsWith('vote:'));
		const first = await t.interact(t.discord.payloads.button(up!, body.data));
		expect(first.body.data.content).toMatch(/recorded/);
		const again = await t.interact(t.discord.payloads.button(up!, body.data));
		expect(again.body.data.content).toMatch(/already voted/);
		await t.interact(t.discord.payloads.button(down!, body.data));
		const answerId = up!.split(':')[1]!;
		expect(await t.bot.ctx.store.tally(answerId)).toEqual({ up: 0, down: 1 });
	});

	test('GIVEN a forged or stale button THEN a polite ephemeral notice, no crash', async () => {
		for (const id of ['ctx:doesnotexist', 'vote:nope:up', 'garbage', 'dym:zzz:3']) {
			const click = await t.interact(t.discord.payloads.button(id, { content: 'x' }));
			expect(click.body.data.flags).toBe(64);
			expect(click.body.data.content).toMatch(/no longer available|not mine|out of date/);
		}
	});

	test('GIVEN autocomplete THEN at most 25 choices of at most 100 characters, answered fast', async () => {
		const started = Date.now();
		const { body } = await t.interact(t.discord.payloads.autocomplete('ask', 'question', 'kaz'));
		expect(Date.now() - started).toBeLessThan(1_000);
		expect(body.type).toBe(8);
		expect(body.data.choices.length).toBeGreaterThan(0);
		expect(body.data.choices.length).toBeLessThanOrEqual(25);
		for (const choice of body.data.choices) {
			expect(choice.name.length).toBeLessThanOrEqual(100);
			expect(choice.value.length).toBeLessThanOrEqual(100);
		}
	});

	test('GIVEN flood control THEN a burst of three /ask is answered and a flood is refused politely, saying when to try again', async () => {
		const guarded = await startTestBot({ env: { ASK_BURST: '3', ASK_REFILL_SECONDS: '30' } });
		try {
			const ask = () => guarded.interact(guarded.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: ANSWERABLE }], { user: USERS.member }));
			const burst = await Promise.all([ask(), ask(), ask()]);
			for (const reply of burst) expect(reply.body.data.embeds[0].description).toMatch(/Leela Palace Hotel/);
			for (let i = 0; i < 3; i++) {
				const flood = await ask();
				expect(flood.body.data.flags).toBe(64);
				expect(flood.body.data.content).toMatch(/^You're asking quickly: please wait (?:[12]\d|30) seconds before the next question\.$/);
			}
			// Someone else is not held back by it.
			const other = await guarded.interact(guarded.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: ANSWERABLE }], { user: USERS.other }));
			expect(other.body.data.embeds).toHaveLength(1);
		} finally {
			await guarded.close();
		}
	});
});

describe('/ask: sources', () => {
	test('GIVEN an answer on two sentences of a document with an https source and a date THEN the document once, its date beside, a link button', async () => {
		const linked = await startTestBot({
			prepareKnowledge(dir) {
				const file = join(dir, 'kazakhstan-joins-asia-pacific-forum.txt');
				writeFileSync(file, readFileSync(file, 'utf8').replace(/^source: .*$/m, 'source: https://example.org/kazakhstan-apf\ndate: 2015-09-30'));
			},
		});
		try {
			const { body } = await linked.interact(linked.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'What ensured the independence of the ombudsman?' }]));
			// Two sentences cited (the one "This …" leans on and the fact), one document named.
			expect((await linked.bot.ctx.store.getAnswer(customIdsOf(body.data)[0]!.split(':')[1]!))!.factIds).toHaveLength(2);
			const field = body.data.embeds[0].fields.find((f: any) => f.name === 'Source');
			expect(field.value).toMatch(/^• Kazakhstan joins the Asia Pacific Forum .*\(`kazakhstan-joins-asia-pacific-forum`, line \d+\) · 2015-09-30$/);
			expect(body.data.embeds[0].description).toMatch(/This, \[Askar Shakirov\] said, ensured/);
			const links = body.data.components.flatMap((row: any) => row.components).filter((c: any) => c.style === 5);
			expect(links).toEqual([expect.objectContaining({ url: 'https://example.org/kazakhstan-apf', label: expect.stringMatching(/^Source: Kazakhstan joins/) })]);
		} finally {
			await linked.close();
		}
	});

	test('GIVEN the shipped document, whose source is plain text THEN it is shown as text and nothing links', async () => {
		const { body } = await ask('Who represented Kazakhstan at the meeting?');
		expect(body.data.embeds[0].fields.find((f: any) => f.name === 'Source').value).toMatch(/line 12\) · News article \(seed document of the project\)$/);
		expect(body.data.components.flatMap((row: any) => row.components).filter((c: any) => c.style === 5)).toEqual([]);
	});
});

describe('topic commands', () => {
	for (const topic of ['mandate', 'independence', 'cooperation'] as const) {
		test(`GIVEN /${topic} THEN the topic's facts, cited, with page buttons when they need more than one page`, async () => {
			const { body } = await t.interact(t.discord.payloads.slash(topic));
			const kb = t.bot.ctx.knowledge.current!;
			const pages = paginateFacts(kb, topicFacts(kb, topic));
			if (pages.length === 0) {
				expect(body.data.content).toMatch(/say nothing yet/);
				return;
			}
			expect(body.data.embeds[0].description).toMatch(/line \d+/);
			expect(body.data.embeds[0].footer.text).toBe(`Page 1 of ${pages.length} · ${topicFacts(kb, topic).length} facts`);
			expect(customIdsOf(body.data).length).toBe(pages.length > 1 ? 2 : 0);
		});
	}

	test('GIVEN a topic longer than one page THEN Next turns the page for its owner and shows it privately to others', async () => {
		const kb = t.bot.ctx.knowledge.current!;
		const topic = (['mandate', 'independence', 'cooperation'] as const).find((name) => paginateFacts(kb, topicFacts(kb, name)).length > 1);
		expect(topic, 'some topic of the project knowledge needs two pages').toBeDefined();
		const { body } = await t.interact(t.discord.payloads.slash(topic!, [], { user: USERS.member }));
		const next = customIdsOf(body.data)[1]!;
		const turned = await t.interact(t.discord.payloads.button(next, body.data, { user: USERS.member }));
		expect(turned.body.type).toBe(7);
		expect(turned.body.data.embeds[0].footer.text).toMatch(/^Page 2 of/);
		const peek = await t.interact(t.discord.payloads.button(next, body.data, { user: USERS.other }));
		expect(peek.body.type).toBe(4);
		expect(peek.body.data.flags).toBe(64);
		expect(peek.body.data.embeds[0].footer.text).toMatch(/^Page 2 of/);
	});
});

describe('/search, /about, /help', () => {
	test('GIVEN /search THEN the best matching facts with citations', async () => {
		const { body } = await t.interact(t.discord.payloads.slash('search', [{ name: 'query', type: 3, value: 'torture prevention' }]));
		expect(body.data.embeds[0].title).toBe('Search: torture prevention');
		expect(body.data.embeds[0].description).toMatch(/\*\*1\.\*\* .*\n└ .*line \d+/);
	});

	test('GIVEN /search with nothing matching THEN it says so', async () => {
		const { body } = await t.interact(t.discord.payloads.slash('search', [{ name: 'query', type: 3, value: 'zzzqqq xxyyzz' }]));
		expect(body.data.embeds[0].description).toMatch(/No fact/);
	});

	test('GIVEN /about THEN documents, facts, last refresh and version', async () => {
		const { body } = await t.interact(t.discord.payloads.slash('about'));
		const kb = t.bot.ctx.knowledge.current!;
		const fields = Object.fromEntries(body.data.embeds[0].fields.map((field: any) => [field.name, field.value]));
		expect(fields.Documents).toBe(String(kb.documents.length));
		expect(fields.Facts).toBe(String(kb.facts.length));
		expect(fields.Version).toMatch(/^\d+\.\d+\.\d+/);
		expect(fields['Last refresh']).toMatch(/^<t:\d+:R> at start-up$/);
	});

	test('GIVEN /help THEN every loaded command is listed, privately', async () => {
		const { body } = await t.interact(t.discord.payloads.slash('help'));
		expect(body.data.flags).toBe(64);
		// Every slash command; the message menu command is no command to type.
		for (const [name, command] of t.bot.ctx.commands) {
			if (isMessageCommand(command)) expect(textOf(body.data)).not.toContain(`/${name}`);
			else expect(textOf(body.data)).toContain(`/${name}`);
		}
	});

	test('GIVEN /help THEN its example questions are ones the knowledge base answers', async () => {
		const { body } = await t.interact(t.discord.payloads.slash('help'));
		const text = textOf(body.data);
		const kb = t.bot.ctx.knowledge.current!;
		const quoted = [...text.matchAll(/`\/ask question: ([^`]+)`|`@Ombudsbot ([^`]+)`|\*((?:Who|What|When|Where)[^*]+\?)\*/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
		expect(quoted.length).toBeGreaterThanOrEqual(3);
		for (const question of quoted) expect(answer(question, kb).answered, question).toBe(true);
		expect(text).not.toMatch(/Who appoints the ombudsman/);
	});

	test('GIVEN /ask with small talk THEN the bot\'s own reply, no confidence marker', async () => {
		const { body } = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'what can you do?' }]));
		expect(body.data.content).toMatch(/\/help/);
		expect(textOf(body.data)).not.toMatch(/confidence|Not in the documents/i);
	});

	test('GIVEN a command the bot does not know THEN an ephemeral notice', async () => {
		const { body } = await t.interact(t.discord.payloads.slash('nonexistent'));
		expect(body.data.flags).toBe(64);
		expect(body.data.content).toMatch(/npm run deploy/);
	});
});

describe('every reply', () => {
	test('GIVEN everything sent so far THEN no message could ping anyone, and none exceeds Discord limits', async () => {
		// Hostile text in, too: mentions in questions and queries.
		await ask('@everyone <@930000000000000002> <@&960000000000000001> @here who is the ombudsman?');
		await t.interact(t.discord.payloads.slash('search', [{ name: 'query', type: 3, value: '@everyone ombudsman' }]));
		const checked = expectNoPings(t.discord.calls);
		expect(checked).toBeGreaterThan(20);
		for (const call of t.discord.calls) {
			const body = messageOf(call);
			if (!body) continue;
			expect((body.content ?? '').length).toBeLessThanOrEqual(2_000);
			for (const embed of body.embeds ?? []) {
				expect((embed.description ?? '').length).toBeLessThanOrEqual(4_096);
				expect((embed.title ?? '').length).toBeLessThanOrEqual(256);
			}
		}
	});
});
