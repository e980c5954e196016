import { describe, expect, test } from 'vitest';
import { customIdsOf, expectNoPings, textOf, USERS, useTestBot, type TestBot } from '../support/botHarness.ts';
import type { FakeUser } from '../support/fakeDiscord.ts';

let t: TestBot;

useTestBot((bot) => (t = bot));

/** Sends a message and resolves with the bot's reply to it (the posted message, with its id, in `response`). */
async function reply(payload: Record<string, unknown>) {
	t.discord.sendMessage(payload);
	return t.discord.waitForCall((call) => call.method === 'POST' && call.body?.message_reference?.message_id === payload.id);
}

const dm = (content: string, user: FakeUser = USERS.member) => reply(t.discord.payloads.message(content, { dm: true, user }));
const inThread = (content: string, user: FakeUser = USERS.member) => {
	const bot = t.discord.payloads.botUser;
	return reply(t.discord.payloads.message(`<@${bot.id}> ${content}`, { thread: true, user, mentions: [bot] }));
};
const footer = (body: any): string => body.embeds?.[0]?.footer?.text ?? '';

describe('follow-ups on Discord', () => {
	test('GIVEN who represented Kazakhstan in a DM THEN "who is he?" is answered about Askar Shakirov, and the reply says how it was read', async () => {
		const first = await dm('Who represented Kazakhstan at the meeting?');
		expect(first.body.embeds[0].description).toMatch(/Askar Shakirov/);
		expect(footer(first.body)).not.toMatch(/Asked as/);
		const second = await dm('who is he?');
		expect(second.body.embeds[0].title).toBe('who is he?');
		expect(second.body.embeds[0].description).toMatch(/^Askar Shakirov, Commissioner for Human Rights/);
		expect(footer(second.body)).toMatch(/^Asked as: who is Askar Shakirov\?\n/);
		// Recorded as read: a moderator's Why? and /kb gaps see a question that stands alone.
		const answerId = customIdsOf(second.body).find((id) => id.startsWith('ctx:'))!.split(':')[1]!;
		expect((await t.bot.ctx.store.getAnswer(answerId))?.question).toBe('who is Askar Shakirov?');
	});

	test('GIVEN a question in a thread THEN "and who hosted it?" and "tell me more" follow it there', async () => {
		await inThread('Where was the 19th annual forum held?');
		const hosted = await inThread('and who hosted it?');
		expect(footer(hosted.body)).toMatch(/^Asked as: who hosted the 19th annual forum\?/);
		expect(hosted.path).toBe(`/channels/${t.discord.threadId}/messages`);
		const more = await inThread('tell me more');
		expect(more.body.embeds[0].description).toMatch(/hosted by the National Human Rights Commission of India/);
	});

	test('GIVEN /ask in a thread THEN it continues the asker\'s conversation there', async () => {
		await inThread('Who represented Kazakhstan at the meeting?', USERS.moderator);
		const { body } = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'who is he?' }], { user: USERS.moderator, thread: true }));
		expect(body.data.embeds[0].description).toMatch(/^Askar Shakirov/);
		expect(footer(body.data)).toMatch(/Asked as: who is Askar Shakirov\?/);
	});

	test('GIVEN a DM question THEN /ask in that DM continues it', async () => {
		await dm('Who represented Kazakhstan at the meeting?', USERS.admin);
		const { body } = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'who is he?' }], { user: USERS.admin, dm: true }));
		expect(footer(body.data)).toMatch(/Asked as: who is Askar Shakirov\?/);
	});

	test('GIVEN a reply to the bot\'s answer in a channel, without a mention THEN it is a follow-up of that answer', async () => {
		const bot = t.discord.payloads.botUser;
		const answered = await reply(t.discord.payloads.message(`<@${bot.id}> Who represented Kazakhstan at the meeting?`, { user: USERS.other, mentions: [bot] }));
		const followUp = await reply(t.discord.payloads.message('who is he?', { user: USERS.other, replyTo: answered.response }));
		expect(followUp.path).toBe(`/channels/${t.discord.channelId}/messages`);
		expect(followUp.body.embeds[0].description).toMatch(/^Askar Shakirov/);
		expect(footer(followUp.body)).toMatch(/Asked as: who is Askar Shakirov\?/);
	});

	test('GIVEN a reply whose event carries only the reference and the ping THEN still a follow-up of the bot\'s answer', async () => {
		const bot = t.discord.payloads.botUser;
		const answered = await reply(t.discord.payloads.message(`<@${bot.id}> Who represented Kazakhstan at the meeting?`, { user: USERS.owner, mentions: [bot] }));
		const { referenced_message: _dropped, ...bare } = t.discord.payloads.message('who is he?', { user: USERS.owner, replyTo: answered.response });
		const followUp = await reply(bare);
		expect(footer(followUp.body)).toMatch(/Asked as: who is Askar Shakirov\?/);
	});

	test('GIVEN a reply to someone else\'s message, without a mention THEN the bot stays out of it', async () => {
		const bot = t.discord.payloads.botUser;
		const human = t.discord.payloads.message('Who represented Kazakhstan at the meeting?', { user: USERS.other });
		const theirs: Record<string, unknown> = { ...t.discord.payloads.message('who is he?', { user: USERS.member }), type: 19, message_reference: { type: 0, message_id: human.id, channel_id: t.discord.channelId, guild_id: t.discord.guildId }, referenced_message: human };
		t.discord.sendMessage(theirs);
		// A mention sent after it is answered; the reply never is.
		await reply(t.discord.payloads.message(`<@${bot.id}> Where was the 19th annual forum held?`, { user: USERS.member, mentions: [bot] }));
		expect(t.discord.calls.some((call) => call.body?.message_reference?.message_id === theirs.id)).toBe(false);
	});

	test('GIVEN someone else in the same thread THEN "who is he?" gets none of the first asker\'s context', async () => {
		await inThread('Who represented Kazakhstan at the meeting?', USERS.member);
		const stranger = await inThread('who is he?', USERS.admin);
		expect(footer(stranger.body)).not.toMatch(/Asked as/);
		expect(textOf(stranger.body)).not.toMatch(/Askar Shakirov, Commissioner/);
	});

	test('GIVEN a mention in a plain channel THEN it stands alone: no earlier question of the asker is read into it', async () => {
		const bot = t.discord.payloads.botUser;
		await reply(t.discord.payloads.message(`<@${bot.id}> Who represented Kazakhstan at the meeting?`, { user: USERS.owner, mentions: [bot] }));
		const alone = await reply(t.discord.payloads.message(`<@${bot.id}> who is he?`, { user: USERS.owner, mentions: [bot] }));
		expect(footer(alone.body)).not.toMatch(/Asked as/);
	});

	test('GIVEN everything sent THEN no reply could ping anyone', () => {
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(5);
	});
});

describe('quick follow-ups', () => {
	test('GIVEN a question and its follow-up sent back to back in a DM THEN both answered, the follow-up read against the first', async () => {
		const first = t.discord.payloads.message('Who represented Kazakhstan at the meeting?', { dm: true, user: USERS.moderator });
		const second = t.discord.payloads.message('who is he?', { dm: true, user: USERS.moderator });
		const replyTo = (payload: Record<string, unknown>) => t.discord.waitForCall((call) => call.method === 'POST' && call.body?.message_reference?.message_id === payload.id);
		t.discord.sendMessage(first);
		t.discord.sendMessage(second);
		const [a, b] = await Promise.all([replyTo(first), replyTo(second)]);
		expect(a.body.embeds[0].description).toMatch(/Askar Shakirov/);
		expect(footer(b.body)).toMatch(/^Asked as: who is Askar Shakirov\?/);
	});
});
