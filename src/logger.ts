import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** Options for {@link createLogger}. */
export interface LoggerOptions {
	/** Minimum level written. */
	level?: LevelWithSilent;
	/**
	 * Secrets to scrub from every written line, whatever field or message they hide in
	 * (an error's stack, a URL, a header). Typically `[env.DISCORD_TOKEN]`.
	 */
	secrets?: readonly string[];
	/** Where lines go; stdout by default. Tests pass a collecting stream. */
	destination?: DestinationStream;
}

/** Field paths pino blanks out before serialising, whatever their value. */
const REDACT_PATHS = [
	'token',
	'*.token',
	'DISCORD_TOKEN',
	'*.DISCORD_TOKEN',
	'authorization',
	'*.authorization',
	'headers.authorization',
	'*.headers.authorization',
	'*.headers.Authorization',
];

const REDACTED = '[REDACTED]';

/**
 * Replaces every occurrence of each secret (and of its `Bot `-less tail pieces, since a token's
 * HMAC part alone is still a credential) in `line`.
 */
export function scrubSecrets(line: string, secrets: readonly string[]): string {
	let out = line;
	for (const secret of secrets) {
		if (secret.length < 8) continue;
		if (out.includes(secret)) out = out.split(secret).join(REDACTED);
		// The signature part (after the last dot) is the sensitive piece; scrub it even alone.
		const tail = secret.slice(secret.lastIndexOf('.') + 1);
		if (tail.length >= 16 && out.includes(tail)) out = out.split(tail).join(REDACTED);
	}
	return out;
}

/**
 * The project's structured logger (pino, JSON lines), with the token redacted twice:
 * by field name and by value in the final line.
 *
 * @example
 * const logger = createLogger({ level: env.LOG_LEVEL, secrets: [env.DISCORD_TOKEN] });
 * logger.info({ guildId }, 'answered');
 */
export function createLogger(options: LoggerOptions = {}): Logger {
	const secrets = (options.secrets ?? []).filter((secret) => secret.length >= 8);
	const target: DestinationStream = options.destination ?? pino.destination({ dest: 1, sync: true });
	const destination: DestinationStream =
		secrets.length === 0 ? target : { write: (line: string) => target.write(scrubSecrets(line, secrets)) };
	return pino(
		{
			level: options.level ?? 'info',
			base: { name: 'ombudsbot' },
			redact: { paths: REDACT_PATHS, censor: REDACTED },
			serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
		},
		destination,
	);
}
