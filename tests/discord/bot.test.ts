import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { startBot } from '../../src/discord/bot.ts';
import { parseEnv } from '../../src/env.ts';
import { startFakeDiscord } from '../support/fakeDiscord.ts';
import { startTestBot, TEST_TOKEN, USERS } from '../support/botHarness.ts';

describe('startBot lifecycle', () => {
	test('GIVEN a /kb refresh in flight THEN stop waits for it, then refuses new work, destroys the client and closes the store', async () => {
		const t = await startTestBot();
		let closed = false;
		try {
			// Hold the knowledge lock so /kb refresh is in flight when stop() begins.
			let release!: () => void;
			const gate = new Promise<void>((resolve) => {
				release = resolve;
			});
			void t.bot.ctx.knowledge.exclusive(() => gate);
			const { token } = t.discord.interact(t.discord.payloads.slash('kb', [{ name: 'refresh', type: 1, options: [] }], { user: USERS.moderator }));
			await t.nthCall(token, 1); // deferred
			const stopping = t.bot.stop('test');
			setTimeout(release, 100);
			await stopping;
			closed = true;
			const edit = await t.nthCall(token, 2);
			expect(edit.body.embeds[0].title).toBe('Knowledge base refreshed');
			expect(t.bot.ctx.store.isOpen).toBe(false);
			expect(t.logs.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
		} finally {
			if (!closed) await t.bot.stop();
			await t.discord.close();
		}
	});

	test('GIVEN a token Discord rejects THEN startBot fails with a clear message and the token appears nowhere', async () => {
		const discord = await startFakeDiscord({ token: 'OTk5OTk5OTk5OTk5OTk5OTk5.Gother.another-token-the-server-expects' });
		const lines: string[] = [];
		try {
			const env = parseEnv({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: discord.apiUrl, DATA_DIR: ':memory:', LOG_LEVEL: 'trace' });
			const failure = await startBot(env, { logDestination: { write: (line: string) => void lines.push(line) }, handleSignals: false }).then(
				() => null,
				(error: Error) => error,
			);
			expect(failure?.message).toMatch(/DISCORD_TOKEN is invalid/);
			expect(failure?.message).not.toContain(TEST_TOKEN);
			expect(failure?.stack ?? '').not.toContain(TEST_TOKEN);
			expect(lines.join('\n')).not.toContain(TEST_TOKEN.split('.')[2]);
		} finally {
			await discord.close();
		}
	});

	test('GIVEN a broken knowledge folder at startup THEN the bot still starts and says the knowledge base is unavailable', async () => {
		const t = await startTestBot({
			prepareKnowledge(dir) {
				rmSync(`${dir}/kazakhstan-joins-asia-pacific-forum.txt`, { force: true });
				writeFileSync(`${dir}/only-broken.md`, '---\ntitle: [\n---\nx');
			},
		});
		try {
			const { body } = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'anything?' }]));
			expect(body.data.flags).toBe(64);
			expect(body.data.content).toMatch(/knowledge base is not available/);
			expect(t.logs.some((line) => line.includes('knowledge file skipped'))).toBe(true);
		} finally {
			await t.close();
		}
	});
});
