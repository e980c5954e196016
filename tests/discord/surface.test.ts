import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answering/index.ts';
import { HIGH_CONFIDENCE } from '../../src/discord/replies.ts';
import { customIdsOf, expectNoPings, textOf, USERS, useTestBot, type TestBot } from '../support/botHarness.ts';

const ANSWERABLE = 'Where was the 19th annual forum held?';
const UNANSWERABLE = 'How do I file a complaint?';

let t: TestBot;

useTestBot((bot) => (t = bot));

const ask = (question: string, opts: Parameters<TestBot['discord']['payloads']['slash']>[2] = {}) =>
	t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: question }], { user: USERS.member, ...opts }));
const typing = async (value: string): Promise<string[]> => {
	const { body } = await t.interact(t.discord.payloads.autocomplete('ask', 'question', value));
	expect(body.type).toBe(8);
	return body.data.choices.map((choice: { name: string; value: string }) => {
		expect(choice.value).toBe(choice.name);
		return choice.name;
	});
};

describe('autocomplete of /ask', () => {
	test('GIVEN questions people asked THEN typing offers them and the knowledge base\'s questions, never one voted down, never an empty list on a common opening', async () => {
		// Asked and answered, and none of the questions the bot makes itself.
		await ask('Who hosted the 19th annual forum?');
		await ask('Who hosted the 19th annual forum?', { user: USERS.other });
		const disliked = await ask('When did Kazakhstan join the forum?');
		const down = customIdsOf(disliked.body.data).find((id) => id.endsWith(':down'))!;
		await t.interact(t.discord.payloads.button(down, disliked.body.data, { user: USERS.member }));

		const who = await typing('who');
		expect(who[0]).toBe('Who hosted the 19th annual forum?');
		expect(who).toContain('Who represented Kazakhstan at the meeting?');
		expect(await typing('when did')).not.toContain('When did Kazakhstan join the forum?');
		const kb = t.bot.ctx.knowledge.current!;
		for (const opening of ['wh', 'who', 'when did', 'where', 'w']) {
			const offered = await typing(opening);
			expect(offered.length, opening).toBeGreaterThan(0);
			for (const question of offered) expect(answer(question, kb).answered, question).toBe(true);
		}
	});
});

describe('votes on declines', () => {
	test('GIVEN a decline THEN 👍 and 👎 "should have been answered" are on it, and a 👎 puts the question in /kb gaps with its vote', async () => {
		const { body } = await ask(UNANSWERABLE);
		const buttons = body.data.components.flatMap((row: any) => row.components);
		const down = buttons.find((b: any) => b.custom_id?.endsWith(':down'));
		expect(down).toMatchObject({ label: 'Should have been answered', emoji: { name: '👎' } });
		expect(buttons.some((b: any) => b.custom_id?.endsWith(':up'))).toBe(true);
		expect(body.data.embeds[0].footer.text).toMatch(/Press 👎 if this should have been answered/);
		const click = await t.interact(t.discord.payloads.button(down.custom_id, body.data, { user: USERS.member }));
		expect(click.body.data.content).toMatch(/should have been answered.*\/kb gaps/);
		const gap = (await t.bot.ctx.store.gaps(50)).find((g) => g.question === UNANSWERABLE);
		expect(gap).toMatchObject({ unanswered: 1, downvotes: 1 });
	});
});

describe('user-installed and in every context', () => {
	test('GIVEN /ask through a user\'s install in a group DM, and in a server that has not installed the bot THEN answered there', async () => {
		for (const opts of [{ privateChannel: true }, { userInstall: true }, { dm: true }]) {
			const { body } = await ask(ANSWERABLE, opts);
			expect(body.type, JSON.stringify(opts)).toBe(4);
			expect(body.data.embeds[0].description).toMatch(/Leela Palace Hotel/);
		}
	});

	test('GIVEN the bot connects THEN its presence points to /help', () => {
		const presence = t.discord.identifyPayloads[0].presence;
		expect(presence.activities[0]).toMatchObject({ type: 4 });
		expect(presence.activities[0].state).toMatch(/\/help/);
	});
});

describe('"Ask Ombudsbot" on a message', () => {
	test('GIVEN someone\'s message with a question THEN the same answer as /ask, public, for the one who picked it', async () => {
		const target = t.discord.payloads.message(`<@${t.discord.botUser.id}> ${ANSWERABLE}`, { user: USERS.other });
		const { body } = await t.interact(t.discord.payloads.messageCommand('Ask Ombudsbot', target, { user: USERS.member }));
		expect(body.type).toBe(4);
		expect(body.data.flags ?? 0).toBe(0);
		expect(body.data.embeds[0].title).toBe(ANSWERABLE);
		expect(body.data.embeds[0].description).toMatch(/Leela Palace Hotel/);
		const answerId = customIdsOf(body.data).find((id) => id.startsWith('ctx:'))!.split(':')[1]!;
		expect(await t.bot.ctx.store.getAnswer(answerId)).toMatchObject({ userId: USERS.member.id, question: ANSWERABLE, source: 'menu' });
	});

	test('GIVEN a message without text, or picked in a group DM THEN a private note, or the answer there', async () => {
		const empty = t.discord.payloads.message('', { user: USERS.other });
		const none = await t.interact(t.discord.payloads.messageCommand('Ask Ombudsbot', empty));
		expect(none.body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/no text I can read/) });
		const elsewhere = t.discord.payloads.message(UNANSWERABLE, { user: USERS.other });
		const declined = await t.interact(t.discord.payloads.messageCommand('Ask Ombudsbot', elsewhere, { privateChannel: true }));
		expect(textOf(declined.body.data)).toMatch(/don't answer this/);
	});
});

describe('the help forum', () => {
	/** Posts and resolves with the bot's reply in the post, or null when none came within `ms`. */
	async function post(title: string, content: string, forum?: string, ms = 1_500) {
		const threadId = t.discord.forumPost(title, content, { user: USERS.other, ...(forum ? { forum } : {}) });
		return t.discord.waitForCall((call) => call.method === 'POST' && call.path === `/channels/${threadId}/messages`, ms).catch(() => null);
	}

	test('GIVEN no forum chosen THEN a post is left alone', async () => {
		expect(await post(ANSWERABLE, '')).toBeNull();
	});

	test('GIVEN the moderators\' forum THEN a post the documents answer gets the answer, one they don\'t is left to people', async () => {
		// Chosen by a moderator, as people do it.
		const forum = { id: t.discord.forumId, type: 15, name: 'help', guild_id: t.discord.guildId, permissions: '2248473465835073' };
		const chosen = await t.interact(
			t.discord.payloads.slash('kb', [{ name: 'settings', type: 2, options: [{ name: 'forum', type: 1, options: [{ name: 'channel', type: 7, value: forum.id }] }] }], {
				user: USERS.moderator,
				resolved: { channels: { [forum.id]: forum } },
			}),
		);
		expect(textOf(chosen.body.data)).toContain(`<#${forum.id}>`);
		const answered = await post(ANSWERABLE, 'Asking for our newsletter.');
		expect(answered?.body.embeds[0].description).toMatch(/Leela Palace Hotel/);
		expect(answered?.body.message_reference).toBeDefined();
		const answerId = customIdsOf(answered?.body).find((id) => id.startsWith('ctx:'))!.split(':')[1]!;
		expect(await t.bot.ctx.store.getAnswer(answerId)).toMatchObject({ userId: USERS.other.id, source: 'forum' });
		const unanswered = async () => (await t.bot.ctx.store.gaps(50)).find((gap) => gap.question === UNANSWERABLE)?.unanswered ?? 0;
		const before = await unanswered();
		expect(await post(UNANSWERABLE, 'Can anyone recommend a good lawyer in Paris?')).toBeNull();
		// Left alone, it is no knowledge gap either: the forum's own business.
		expect(await unanswered()).toBe(before);
	});

	test('GIVEN a post the documents answer only with moderate confidence THEN left alone: nobody asked the bot there', async () => {
		const hedged = 'When did Kazakhstan join the forum?';
		const result = answer(hedged, t.bot.ctx.knowledge.current!);
		expect(result.answered && result.confidence < HIGH_CONFIDENCE, `${result.confidence}`).toBe(true);
		expect(await post(hedged, '')).toBeNull();
	});

	test('GIVEN a post whose title is no question but whose text is THEN the text is answered', async () => {
		const answered = await post('Question about the forum', ANSWERABLE);
		expect(answered?.body.embeds[0].title).toBe(ANSWERABLE);
	});

	test('GIVEN a post in another forum THEN left alone', async () => {
		expect(await post(ANSWERABLE, '', '920000000000000099', 800)).toBeNull();
	});

	test('GIVEN everything sent THEN no reply could ping anyone', () => {
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(5);
	});
});
