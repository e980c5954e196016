import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startFakeDiscord } from '../support/fakeDiscord.ts';
import { TEST_TOKEN } from '../support/botHarness.ts';
import { runMain } from '../support/runMain.ts';


describe('npm start (src/main.ts) with the bot', () => {
	test('GIVEN a malformed token THEN it exits with a clear message that does not echo the token', async () => {
		const secret = 'this-is-secret-and-malformed';
		const { code, output } = await runMain({ DISCORD_TOKEN: secret });
		expect(code).toBe(2);
		expect(output).toMatch(/DISCORD_TOKEN is malformed/);
		expect(output).not.toContain(secret);
	});

	test('GIVEN a valid token THEN it connects, answers, and on SIGTERM stops gracefully with exit code 0', async () => {
		const discord = await startFakeDiscord({ token: TEST_TOKEN });
		const data = mkdtempSync(join(tmpdir(), 'ombudsbot-start-'));
		let asked = false;
		try {
			const { code, output } = await runMain({ DISCORD_TOKEN: TEST_TOKEN, DISCORD_API_URL: discord.apiUrl, DATA_DIR: data }, (out, child) => {
				if (asked || !out.includes('"msg":"bot ready"')) return;
				asked = true;
				const { token } = discord.interact(discord.payloads.slash('about'));
				void discord.waitForCall((call) => call.path.includes(token)).then(() => child.kill('SIGTERM'));
			});
			expect(code).toBe(0);
			expect(output).toContain('"msg":"stopped"');
			expect(output).not.toContain(TEST_TOKEN.split('.')[2]);
		} finally {
			await discord.close();
			rmSync(data, { recursive: true, force: true });
		}
	});
});
