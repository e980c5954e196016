import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { customIdsOf, expectNoPings, startTestBot, textOf, USERS, useTestBot, type TestBot } from '../support/botHarness.ts';

const ANSWERABLE = 'Where was the 19th annual forum held?';

let t: TestBot;

useTestBot((bot) => (t = bot));

/** Sends a message and resolves with the bot's reply in that channel (the first after sending). */
async function sendAndWaitReply(payload: Record<string, unknown>) {
	const since = Date.now();
	t.discord.sendMessage(payload);
	return t.discord.waitForCall(
		(call) => call.method === 'POST' && call.path === `/channels/${payload.channel_id as string}/messages` && call.at >= since && call.body?.message_reference?.message_id === payload.id,
	);
}

describe('direct messages', () => {
	test('GIVEN a plain DM THEN the same answer embed as /ask, as a reply that pings nobody', async () => {
		const payload = t.discord.payloads.message(ANSWERABLE, { dm: true, user: USERS.member });
		const call = await sendAndWaitReply(payload);
		expect(call.body.embeds[0].description).toMatch(/Leela Palace Hotel/);
		expect(textOf(call.body)).toMatch(/confidence/);
		expect(customIdsOf(call.body).some((id) => id.startsWith('ctx:'))).toBe(true);
		expect(call.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
	});

	test('GIVEN Show context clicked in the DM THEN it works there too', async () => {
		const payload = t.discord.payloads.message(ANSWERABLE, { dm: true, user: USERS.member });
		const call = await sendAndWaitReply(payload);
		const ctxId = customIdsOf(call.body).find((id) => id.startsWith('ctx:'))!;
		const click = await t.interact(t.discord.payloads.button(ctxId, { ...call.body, channel_id: payload.channel_id }, { dm: true, user: USERS.member }));
		expect(click.body.data.embeds[0].description).toMatch(/\*\*The formal acceptance/);
	});

	test('GIVEN an empty DM THEN a hint on how to ask', async () => {
		const call = await sendAndWaitReply(t.discord.payloads.message('   ', { dm: true, user: USERS.other }));
		expect(call.body.content).toMatch(/Ask me a question/);
	});

	test('GIVEN a DM the documents do not answer THEN it says so', async () => {
		const call = await sendAndWaitReply(t.discord.payloads.message('What is the capital of France?', { dm: true }));
		expect(textOf(call.body)).toMatch(/don't answer this/);
	});

	test('GIVEN a declined DM THEN its numbered buttons answer a suggestion in a new message, the refusal kept', async () => {
		const payload = t.discord.payloads.message('When was the forum founded?', { dm: true, user: USERS.member });
		const call = await sendAndWaitReply(payload);
		expect(call.body.embeds[0].title).toBe('When was the forum founded?');
		expect(call.body.embeds[0].description).toMatch(/\*\*1\.\*\* /);
		expect(textOf(call.body)).not.toMatch(/%/);
		const first = customIdsOf(call.body).find((id) => id.startsWith('dym:'))!;
		expect(first).toMatch(/^dym:[a-z0-9]+:0$/);
		const since = t.discord.calls.length;
		const click = await t.interact(t.discord.payloads.button(first, { ...call.body, channel_id: payload.channel_id }, { dm: true, user: USERS.member }));
		expect(click.body.type).toBe(4);
		expect(click.body.data.embeds[0].title).toBe((await t.bot.ctx.store.getAnswer(first.split(':')[1]!))!.suggestions[0]!.slice(0, 256));
		expect(t.discord.calls.slice(since).filter((c) => c.method === 'PATCH')).toEqual([]);
	});

	test('GIVEN a huge DM full of mentions and control characters THEN a bounded reply that pings nobody', async () => {
		const hostile = `@everyone @here <@930000000000000002> <@&960000000000000001> \u0000\u0007 ${'zalgơ̷̢ '.repeat(2_000)}`;
		const call = await sendAndWaitReply(t.discord.payloads.message(hostile, { dm: true }));
		expect(call.body.allowed_mentions.parse).toEqual([]);
		expect(call.body.embeds[0].title.length).toBeLessThanOrEqual(256);
	});
});

describe('small talk in direct messages and mentions', () => {
	test('GIVEN "hi" in a DM THEN a short friendly reply pointing to /help, with no confidence marker and no buttons', async () => {
		const call = await sendAndWaitReply(t.discord.payloads.message('hi!', { dm: true, user: USERS.member }));
		expect(call.body.content).toMatch(/^Hello!.*\/help/s);
		expect(textOf(call.body)).not.toMatch(/confidence|Not in the documents|%/i);
		expect(customIdsOf(call.body)).toEqual([]);
	});

	test('GIVEN thanks, "what can you do" and "what documents do you have" THEN each answered by the bot, none recorded as a gap', async () => {
		for (const text of ['thanks!', 'what can you do?', 'What documents do you have?', 'help']) {
			const call = await sendAndWaitReply(t.discord.payloads.message(text, { dm: true, user: USERS.other }));
			expect(call.body.content, text).toMatch(/\/help/);
			expect(textOf(call.body), text).not.toMatch(/confidence/i);
		}
		const gaps = (await t.bot.ctx.store.gaps(50)).map((gap) => gap.question.toLowerCase());
		for (const text of ['hi!', 'thanks!', 'what can you do?', 'what documents do you have?', 'help']) expect(gaps).not.toContain(text);
	});

	test('GIVEN a greeting in front of a question THEN the question is answered', async () => {
		const call = await sendAndWaitReply(t.discord.payloads.message(`hey, ${ANSWERABLE}`, { dm: true, user: USERS.member }));
		expect(call.body.embeds[0].description).toMatch(/Leela Palace Hotel/);
	});

	test('GIVEN a bare mention THEN the hint quotes an example question the knowledge base answers', async () => {
		const bot = t.discord.payloads.botUser;
		const call = await sendAndWaitReply(t.discord.payloads.message(`<@${bot.id}>`, { mentions: [bot] }));
		const example = /for example: \*([^*]+)\*/.exec(call.body.content)?.[1];
		expect(example).toBeDefined();
		expect(answer(example!, t.bot.ctx.knowledge.current!).answered).toBe(true);
	});
});

describe('flood control in direct messages', () => {
	test('GIVEN two quick DMs past the burst THEN both are answered: the second when its turn comes, not refused', async () => {
		const paced = await startTestBot({ env: { ASK_BURST: '1', ASK_REFILL_SECONDS: '1', ASK_DM_QUEUE: '2' } });
		try {
			const replyTo = (payload: Record<string, unknown>) =>
				paced.discord.waitForCall((call) => call.method === 'POST' && call.body?.message_reference?.message_id === payload.id, 5_000);
			const first = paced.discord.payloads.message('Who hosted the meeting?', { dm: true, user: USERS.member });
			const second = paced.discord.payloads.message(ANSWERABLE, { dm: true, user: USERS.member });
			const sent = Date.now();
			paced.discord.sendMessage(first);
			paced.discord.sendMessage(second);
			const [a, b] = await Promise.all([replyTo(first), replyTo(second)]);
			expect(a.body.embeds[0].description).toMatch(/National Human Rights Commission of India/);
			expect(b.body.embeds[0].description).toMatch(/Leela Palace Hotel/);
			expect(textOf(b.body)).not.toMatch(/please wait/);
			// Answered once its turn was earned: about a second after the first.
			expect(b.at - sent).toBeGreaterThanOrEqual(800);
			// Past the queue (one answered, two waiting), a DM is refused politely with the wait.
			const burst = [1, 2, 3, 4].map(() => paced.discord.payloads.message(ANSWERABLE, { dm: true, user: USERS.other }));
			for (const payload of burst) paced.discord.sendMessage(payload);
			const replies = await Promise.all(burst.map(replyTo));
			expect(replies.filter((reply) => /please wait \d+ seconds?/.test(reply.body.content ?? ''))).toHaveLength(1);
			expect(replies.filter((reply) => reply.body.embeds?.length === 1)).toHaveLength(3);
		} finally {
			await paced.close();
		}
	});
});

describe('mentions in a server channel', () => {
	test('GIVEN a message mentioning the bot with a question THEN it answers in a reply', async () => {
		const bot = t.discord.payloads.botUser;
		const payload = t.discord.payloads.message(`<@${bot.id}> ${ANSWERABLE}`, { mentions: [bot] });
		const call = await sendAndWaitReply(payload);
		expect(call.path).toBe(`/channels/${t.discord.channelId}/messages`);
		expect(call.body.embeds[0].title).toBe(ANSWERABLE);
	});

	test('GIVEN a server message without a mention THEN the bot stays silent', async () => {
		const before = t.discord.calls.length;
		t.discord.sendMessage(t.discord.payloads.message(ANSWERABLE));
		// A mention sent after it is answered; the silent one never is.
		const bot = t.discord.payloads.botUser;
		await sendAndWaitReply(t.discord.payloads.message(`<@${bot.id}> ${ANSWERABLE}`, { mentions: [bot] }));
		expect(t.discord.calls.slice(before).filter((call) => call.path.endsWith('/messages'))).toHaveLength(1);
	});

	test('GIVEN everything sent THEN no reply could ping anyone', () => {
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(5);
	});
});
