/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set (in the environment or `.env`), otherwise the local
 * console, so the main job works on a fresh machine with no Discord account.
 */
import { config } from 'dotenv';

config({ quiet: true });

if (process.env.DISCORD_TOKEN?.trim()) {
	const { parseEnvOrExit } = await import('./env.ts');
	const env = parseEnvOrExit(process.env);
	const { startBot } = await import('./discord/bot.ts');
	try {
		await startBot(env);
	} catch (error) {
		// startBot's errors say what failed (login refused, Discord unreachable) and never carry the token.
		process.stderr.write(`Could not start the Discord bot: ${(error as Error).message}\n`);
		process.exitCode = 1;
	}
} else {
	const { consoleLanguage, runConsole } = await import('./cli/console.ts');
	// `npm start -- --lang ru`: the console's own words in Russian (or en, kk).
	const chosen = consoleLanguage(process.argv.slice(2));
	if ('error' in chosen) {
		process.stderr.write(`${chosen.error}\n`);
		process.exitCode = 1;
	} else {
		process.exitCode = await runConsole(process.env.KNOWLEDGE_DIR?.trim() || 'knowledge', process.stdin, process.stdout, chosen.language);
	}
}
