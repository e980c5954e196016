/**
 * "Interaction received → reply sent" through the local Discord-compatible server of the tests
 * (tests/support/fakeDiscord.ts): the real bot (discord.js, command registry, /ask) connects to it over
 * loopback; each /ask is dispatched on the gateway and timed until the server receives the reply that
 * carries the answer (the callback, or the edit of a deferred reply).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize, type Latency } from './measure.ts';

const TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GfakeT.fake-token-signature-for-tests-only';

export interface DiscordFigures {
	/** /ask: gateway dispatch → the REST call carrying the answer. */
	ask: Latency;
	/** Autocomplete on /ask's question option: dispatch → choices callback. */
	autocomplete: Latency;
	/** How the bot first responded to /ask: 4 = reply, 5 = deferred then edited. */
	callbackTypes: number[];
	startupMs: number;
}

/**
 * @returns the figures, or a sentence saying why they could not be taken (the adapter is someone
 * else's work in progress; the benchmark reports rather than fails).
 */
export async function measureDiscord(knowledgeDir: string, questions: readonly string[], prefixes: readonly string[]): Promise<DiscordFigures | string> {
	let modules;
	try {
		modules = await Promise.all([import('../tests/support/fakeDiscord.ts'), import('../src/discord/bot.ts'), import('../src/env.ts')]);
	} catch (error) {
		return `Discord adapter not loadable: ${(error as Error).message.split('\n')[0]}`;
	}
	const [{ startFakeDiscord }, { startBot }, { parseEnv }] = modules;
	const discord = await startFakeDiscord({ token: TOKEN });
	const dataDir = mkdtempSync(join(tmpdir(), 'ombudsbot-bench-data-'));
	mkdirSync(dataDir, { recursive: true });
	let bot: Awaited<ReturnType<typeof startBot>> | undefined;
	try {
		const started = performance.now();
		bot = await startBot(
			parseEnv({
				DISCORD_TOKEN: TOKEN,
				DISCORD_API_URL: discord.apiUrl,
				KNOWLEDGE_DIR: knowledgeDir,
				DATA_DIR: dataDir,
				LOG_LEVEL: 'info',
				ASK_COOLDOWN_SECONDS: '0',
			}),
			{ logDestination: { write: () => undefined }, handleSignals: false },
		);
		const startupMs = performance.now() - started;
		const answerCall = (token: string, firstType: number) =>
			discord.waitForCall((c) => (firstType === 5 ? c.path.includes(`/webhooks/`) && c.path.includes(token) : c.path.includes(`/${token}/callback`)), 30_000);
		const askSamples: number[] = [];
		const callbackTypes = new Set<number>();
		// Two warm-up questions, untimed: the first interaction pays for discord.js's lazy set-up.
		for (const [i, question] of [...questions.slice(0, 2), ...questions].entries()) {
			const t = performance.now();
			const { token } = discord.interact(discord.payloads.slash('ask', [{ name: 'question', type: 3, value: question }]));
			const first = await discord.waitForCall((c) => c.path.includes(`/${token}/callback`), 30_000);
			const type = Number((first.body as { type?: unknown } | null)?.type);
			if (type === 5) await answerCall(token, 5);
			if (i >= 2) {
				askSamples.push(performance.now() - t);
				callbackTypes.add(type);
			}
		}
		const autocompleteSamples: number[] = [];
		for (const typed of prefixes) {
			const t = performance.now();
			const { token } = discord.interact(discord.payloads.autocomplete('ask', 'question', typed));
			await discord.waitForCall((c) => c.path.includes(`/${token}/callback`), 30_000);
			autocompleteSamples.push(performance.now() - t);
		}
		return { ask: summarize(askSamples), autocomplete: summarize(autocompleteSamples), callbackTypes: [...callbackTypes], startupMs };
	} catch (error) {
		return `Discord measurement failed: ${(error as Error).message.split('\n')[0]}`;
	} finally {
		await bot?.stop('benchmark done').catch(() => undefined);
		await discord.close();
		rmSync(dataDir, { recursive: true, force: true });
	}
}
