import { z } from 'zod';

/**
 * A Discord bot token: three base64url parts separated by dots (user id, timestamp, HMAC).
 * Checked for shape only, so a pasted client secret or a stray quote fails at boot, not at login.
 */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE = /^\d{15,21}$/;

/** Flood control's default: after the burst, one question every 5 seconds. */
const DEFAULT_REFILL_SECONDS = 5;
/** The most DM questions that may wait their turn past the burst (ASK_DM_QUEUE): flood control counts on it. */
export const MAX_DM_QUEUE = 20;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An empty string in `.env` means "not set", as most people expect. */
const optionalText = z
	.string()
	.transform((value) => value.trim())
	.optional()
	.transform((value) => (value ? value : undefined));

const snowflake = (name: string) =>
	z.string().trim().regex(SNOWFLAKE, `${name} must be a Discord id (a snowflake: 15 to 21 digits)`);

/** A comma-separated list of snowflakes; empty means none. */
const snowflakeList = (name: string) =>
	z
		.string()
		.optional()
		.transform((value, ctx) => {
			const ids = (value ?? '')
				.split(',')
				.map((part) => part.trim())
				.filter(Boolean);
			for (const id of ids) {
				if (!SNOWFLAKE.test(id)) {
					ctx.addIssue({
						code: 'custom',
						message: `${name} must be a comma-separated list of Discord ids; "${id.slice(0, 30)}" is not one`,
					});
					return z.NEVER;
				}
			}
			return ids;
		});

/** A whole number between `min` and `max`, `fallback` when unset. */
const count = (name: string, fallback: number, min: number, max: number) =>
	optionalText.transform((value) => Number(value ?? fallback)).pipe(
		z.number({ error: `${name} must be a whole number` }).int(`${name} must be a whole number`).min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`),
	);

/** A number of seconds from 0 to an hour; unset stays undefined. */
const seconds = (name: string) =>
	optionalText.pipe(
		z
			.string()
			.transform(Number)
			.pipe(z.number({ error: `${name} must be a number of seconds` }).min(0, `${name} must be 0 or more`).max(3600, `${name} must be at most 3600`))
			.optional(),
	);

/** An optional whole number of up to five digits from `min` to `max`; any other value gets `message`. */
const optionalWholeNumber = (message: string, min: number, max: number) =>
	optionalText.pipe(z.string().regex(/^\d{1,5}$/, message).transform(Number).pipe(z.number().min(min, message).max(max, message)).optional());

const envSchema = z.object({
	// Never echo the token: every message below is fixed text.
	DISCORD_TOKEN: z
		.string({ error: 'DISCORD_TOKEN is required to run the bot' })
		.trim()
		.regex(TOKEN_SHAPE, {
			error: 'DISCORD_TOKEN is malformed: expected three dot-separated parts, as copied from the Developer Portal (Bot → Reset Token); the value is not shown',
		}),
	DISCORD_CLIENT_ID: optionalText.pipe(snowflake('DISCORD_CLIENT_ID').optional()),
	DEV_GUILD_ID: optionalText.pipe(snowflake('DEV_GUILD_ID').optional()),
	MODERATOR_ROLE_IDS: snowflakeList('MODERATOR_ROLE_IDS'),
	BOT_OWNER_IDS: snowflakeList('BOT_OWNER_IDS'),
	KNOWLEDGE_DIR: optionalText.transform((value) => value ?? 'knowledge'),
	DATA_DIR: optionalText.transform((value) => value ?? 'data'),
	LOG_LEVEL: optionalText.transform((value) => value?.toLowerCase() ?? 'info').pipe(
		z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` }),
	),
	DISCORD_API_URL: optionalText.pipe(
		z
			.url({ protocol: /^https?$/, error: 'DISCORD_API_URL must be an http(s) URL such as http://127.0.0.1:3000/api' })
			.optional(),
	),
	MESSAGE_CONTENT_INTENT: optionalText.transform((value) => value?.toLowerCase() ?? 'false').pipe(
		z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'MESSAGE_CONTENT_INTENT must be true or false' }).transform(
			(value) => value === 'true' || value === '1' || value === 'yes',
		),
	),
	ASK_BURST: count('ASK_BURST', 3, 1, 100),
	ASK_REFILL_SECONDS: seconds('ASK_REFILL_SECONDS'),
	// The fixed cooldown's old name: still read as the refill, so existing .env files keep their setting.
	ASK_COOLDOWN_SECONDS: seconds('ASK_COOLDOWN_SECONDS'),
	ASK_DM_QUEUE: count('ASK_DM_QUEUE', 3, 0, MAX_DM_QUEUE),
	// Unset means no health server at all: a bot on a laptop opens no port it was not asked for.
	// 0 asks the system for a free port (tests); the address is logged.
	HEALTH_PORT: optionalWholeNumber('HEALTH_PORT must be a port number from 0 to 65535', 0, 65535),
	// Loopback by default: /metrics tells whoever can reach it how the bot is used. A container sets 0.0.0.0.
	HEALTH_HOST: optionalText.transform((value) => value ?? '127.0.0.1'),
	// Never echo it: it usually carries a password. Every message below is fixed text.
	DATABASE_URL: optionalText.pipe(
		z
			.string()
			.refine((value) => URL.canParse(value) && /^postgres(?:ql)?:$/.test(new URL(value).protocol) && new URL(value).hostname !== '', {
				error: 'DATABASE_URL must be a PostgreSQL URL such as postgres://ombudsbot:PASSWORD@db.example:5432/ombudsbot (the value is not shown)',
			})
			.optional(),
	),
	SHARD_IDS: optionalText.pipe(
		z
			.string()
			.regex(/^\d{1,5}(?:\s*,\s*\d{1,5})*$/, 'SHARD_IDS must be a comma-separated list of shard numbers such as 0,1')
			.transform((value) => value.split(',').map((part) => Number(part.trim())))
			.refine((ids) => new Set(ids).size === ids.length, 'SHARD_IDS must not name a shard twice')
			.optional(),
	),
	TOTAL_SHARDS: optionalWholeNumber('TOTAL_SHARDS must be a whole number of shards, 1 or more', 1, 99999),
}).superRefine((env, ctx) => {
	// zod runs this even when a field failed, with that field's raw input: check only what parsed.
	const ids = Array.isArray(env.SHARD_IDS) ? env.SHARD_IDS : undefined;
	const total = typeof env.TOTAL_SHARDS === 'number' ? env.TOTAL_SHARDS : undefined;
	// The two together or neither: a process cannot know its share of the shards without the whole.
	if (ids && env.TOTAL_SHARDS === undefined) {
		ctx.addIssue({ code: 'custom', path: ['TOTAL_SHARDS'], message: 'TOTAL_SHARDS must be set with SHARD_IDS (every machine\'s processes together run shards 0 to TOTAL_SHARDS - 1)' });
	}
	const beyond = total === undefined ? undefined : ids?.find((id) => id >= total);
	if (beyond !== undefined) ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: `SHARD_IDS names shard ${beyond}, but shards run from 0 to TOTAL_SHARDS - 1 (${total! - 1})` });
});

/** The bot's validated configuration. */
export interface Env {
	/** Bot token. Never log it: the logger redacts it, but do not hand it to it either. */
	readonly DISCORD_TOKEN: string;
	/** Application id; needed only by `npm run deploy` (the bot learns it from READY). */
	readonly DISCORD_CLIENT_ID: string | undefined;
	/** When set, `npm run deploy` registers the commands to this guild only (instant, for development). */
	readonly DEV_GUILD_ID: string | undefined;
	/** Roles allowed to use `/kb`. When empty, Manage Server is enough. */
	readonly MODERATOR_ROLE_IDS: readonly string[];
	/** Users allowed to use `/kb` anywhere, and the only ones allowed in DMs. */
	readonly BOT_OWNER_IDS: readonly string[];
	readonly KNOWLEDGE_DIR: string;
	readonly DATA_DIR: string;
	readonly LOG_LEVEL: (typeof LOG_LEVELS)[number];
	/** REST base (e.g. `http://127.0.0.1:PORT/api`) for tests against a local Discord-compatible server. */
	readonly DISCORD_API_URL: string | undefined;
	/**
	 * Request the privileged MessageContent intent (enable it in the Developer Portal first).
	 * Not needed for DMs or mentions of the bot, whose content Discord always delivers.
	 */
	readonly MESSAGE_CONTENT_INTENT: boolean;
	/** Flood control, per user: questions answered back to back (the token bucket's size). */
	readonly ASK_BURST: number;
	/** Flood control: seconds to earn one more question after the burst (0 switches flood control off). */
	readonly ASK_REFILL_SECONDS: number;
	/** Flood control in DMs: questions that wait for their turn and are answered then, rather than refused. */
	readonly ASK_DM_QUEUE: number;
	/** Port of the health and metrics server (/healthz, /readyz, /metrics); undefined: no server. */
	readonly HEALTH_PORT: number | undefined;
	/** Address the health server binds to; 127.0.0.1 unless set. */
	readonly HEALTH_HOST: string;
	/**
	 * PostgreSQL for all state, shared by every process on every machine (knowledge added from Discord included);
	 * undefined: SQLite under DATA_DIR. Carries a password: never log it (see `redactDatabaseUrl`).
	 */
	readonly DATABASE_URL: string | undefined;
	/** The shards this process runs (discord.js's `shards`); undefined: all of them, or those `start:sharded` gives it. */
	readonly SHARD_IDS: readonly number[] | undefined;
	/** Shards across every process and machine (discord.js's `shardCount`); set with SHARD_IDS. */
	readonly TOTAL_SHARDS: number | undefined;
}

/** Thrown by {@link parseEnv}: one line per bad variable, never a variable's value for the token. */
export class EnvError extends Error {
	constructor(readonly problems: readonly string[]) {
		super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
		this.name = 'EnvError';
	}
}

/**
 * Validates the environment once, at boot.
 *
 * @throws {EnvError} listing every bad variable (the token's value is never included).
 * @example
 * const env = parseEnv(process.env); // after `import 'dotenv/config'`
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const result = envSchema.safeParse(source);
	if (result.success) {
		const { ASK_COOLDOWN_SECONDS, ASK_REFILL_SECONDS, ...data } = result.data;
		return {
			DISCORD_CLIENT_ID: undefined,
			DEV_GUILD_ID: undefined,
			DISCORD_API_URL: undefined,
			HEALTH_PORT: undefined,
			DATABASE_URL: undefined,
			SHARD_IDS: undefined,
			TOTAL_SHARDS: undefined,
			...data,
			ASK_REFILL_SECONDS: ASK_REFILL_SECONDS ?? ASK_COOLDOWN_SECONDS ?? DEFAULT_REFILL_SECONDS,
		};
	}
	const problems = result.error.issues.map((issue) => {
		const name = String(issue.path[0] ?? 'environment');
		// zod's own messages can quote the input; for our fields the messages are fixed text,
		// but we still refuse to print anything about the token except our sentence.
		if (name === 'DISCORD_TOKEN' && !issue.message.startsWith('DISCORD_TOKEN')) {
			return 'DISCORD_TOKEN is malformed; the value is not shown';
		}
		if (name === 'DATABASE_URL' && !issue.message.startsWith('DATABASE_URL')) {
			return 'DATABASE_URL is malformed; the value is not shown';
		}
		return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
	});
	throw new EnvError(problems);
}

/**
 * {@link parseEnv} for entry points: on a bad environment, prints one line per problem to stderr
 * and exits with code 2 (the token's value is never printed).
 */
export function parseEnvOrExit(source: Record<string, string | undefined>): Env {
	try {
		return parseEnv(source);
	} catch (error) {
		if (error instanceof EnvError) {
			process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
			process.exit(2);
		}
		throw error;
	}
}
