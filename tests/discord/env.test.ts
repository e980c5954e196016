import { describe, expect, test } from 'vitest';
import { EnvError, parseEnv } from '../../src/env.ts';

const TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GfakeT.fake-token-signature-for-tests-only';

function problems(source: Record<string, string | undefined>): readonly string[] {
	try {
		parseEnv(source);
	} catch (error) {
		if (error instanceof EnvError) return error.problems;
		throw error;
	}
	return [];
}

describe('parseEnv', () => {
	test('GIVEN only a token THEN defaults fill the rest', () => {
		expect(parseEnv({ DISCORD_TOKEN: TOKEN })).toMatchObject({
			KNOWLEDGE_DIR: 'knowledge',
			DATA_DIR: 'data',
			LOG_LEVEL: 'info',
			MODERATOR_ROLE_IDS: [],
			BOT_OWNER_IDS: [],
			ASK_BURST: 3,
			ASK_REFILL_SECONDS: 5,
			ASK_DM_QUEUE: 3,
			MESSAGE_CONTENT_INTENT: false,
			DISCORD_API_URL: undefined,
			DEV_GUILD_ID: undefined,
		});
	});

	test('GIVEN the old ASK_COOLDOWN_SECONDS THEN it is read as the refill, unless ASK_REFILL_SECONDS is set', () => {
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, ASK_COOLDOWN_SECONDS: '0' }).ASK_REFILL_SECONDS).toBe(0);
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, ASK_COOLDOWN_SECONDS: '9', ASK_REFILL_SECONDS: '2' }).ASK_REFILL_SECONDS).toBe(2);
	});

	test('GIVEN empty strings (as .env writes them) THEN they mean unset', () => {
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, DEV_GUILD_ID: '', DISCORD_API_URL: ' ', MODERATOR_ROLE_IDS: '' })).toMatchObject({
			DEV_GUILD_ID: undefined,
			DISCORD_API_URL: undefined,
			MODERATOR_ROLE_IDS: [],
		});
	});

	test('GIVEN lists with spaces THEN ids are trimmed', () => {
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, BOT_OWNER_IDS: ' 123456789012345678 , 223456789012345678,' }).BOT_OWNER_IDS).toEqual([
			'123456789012345678',
			'223456789012345678',
		]);
	});

	const bad = [
		{ name: 'DISCORD_TOKEN', value: 'not a token', expect: /DISCORD_TOKEN is malformed/ },
		{ name: 'DISCORD_CLIENT_ID', value: 'abc', expect: /DISCORD_CLIENT_ID must be a Discord id/ },
		{ name: 'DEV_GUILD_ID', value: '12', expect: /DEV_GUILD_ID must be a Discord id/ },
		{ name: 'MODERATOR_ROLE_IDS', value: '1,x', expect: /MODERATOR_ROLE_IDS must be a comma-separated list/ },
		{ name: 'LOG_LEVEL', value: 'loud', expect: /LOG_LEVEL must be one of/ },
		{ name: 'DISCORD_API_URL', value: 'ftp://host/api', expect: /DISCORD_API_URL must be an http\(s\) URL/ },
		{ name: 'ASK_COOLDOWN_SECONDS', value: 'soon', expect: /ASK_COOLDOWN_SECONDS must be a number/ },
		{ name: 'ASK_REFILL_SECONDS', value: '-1', expect: /ASK_REFILL_SECONDS must be 0 or more/ },
		{ name: 'ASK_BURST', value: '0', expect: /ASK_BURST must be at least 1/ },
		{ name: 'ASK_BURST', value: '2.5', expect: /ASK_BURST must be a whole number/ },
		{ name: 'ASK_DM_QUEUE', value: '99', expect: /ASK_DM_QUEUE must be at most 20/ },
		{ name: 'MESSAGE_CONTENT_INTENT', value: 'maybe', expect: /MESSAGE_CONTENT_INTENT must be true or false/ },
		{ name: 'HEALTH_PORT', value: 'http', expect: /HEALTH_PORT must be a port number from 0 to 65535/ },
		{ name: 'HEALTH_PORT', value: '65536', expect: /HEALTH_PORT must be a port number from 0 to 65535/ },
		{ name: 'HEALTH_PORT', value: '-1', expect: /HEALTH_PORT must be a port number from 0 to 65535/ },
		{ name: 'HEALTH_PORT', value: '80.5', expect: /HEALTH_PORT must be a port number from 0 to 65535/ },
	];
	for (const row of bad) {
		test(`GIVEN ${row.name}=${row.value} THEN one clear message names the variable`, () => {
			const found = problems({ DISCORD_TOKEN: TOKEN, [row.name]: row.value });
			expect(found).toHaveLength(1);
			expect(found[0]).toMatch(row.expect);
		});
	}

	test('GIVEN HEALTH_PORT unset or empty THEN no health server; set THEN a number, on loopback unless HEALTH_HOST says otherwise', () => {
		expect(parseEnv({ DISCORD_TOKEN: TOKEN })).toMatchObject({ HEALTH_PORT: undefined, HEALTH_HOST: '127.0.0.1' });
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: '' }).HEALTH_PORT).toBeUndefined();
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: ' 9464 ' }).HEALTH_PORT).toBe(9464);
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: '0' }).HEALTH_PORT).toBe(0);
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, HEALTH_PORT: '9464', HEALTH_HOST: '0.0.0.0' }).HEALTH_HOST).toBe('0.0.0.0');
	});

	test('GIVEN a malformed token THEN the message never contains it', () => {
		const secret = 'mfa.SECRET-secret-SECRET-looks-like-an-old-user-token';
		const error = (() => {
			try {
				parseEnv({ DISCORD_TOKEN: secret });
			} catch (caught) {
				return caught as Error;
			}
			throw new Error('expected a failure');
		})();
		expect(error.message).not.toContain('SECRET');
		expect(error.message).toContain('the value is not shown');
	});

	test('GIVEN no token THEN it says the token is required', () => {
		expect(problems({})).toEqual(['DISCORD_TOKEN is required to run the bot']);
	});
});

describe('PostgreSQL and shards on several machines', () => {
	test('GIVEN a PostgreSQL URL THEN it is kept; anything else is refused without echoing it (it carries a password)', () => {
		const url = 'postgres://ombudsbot:hunter2-secret@db.example:5432/ombudsbot';
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, DATABASE_URL: url }).DATABASE_URL).toBe(url);
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
		for (const bad of ['mysql://root:hunter2-secret@db/ombudsbot', 'hunter2-secret', 'postgres://:hunter2-secret@/x']) {
			const found = problems({ DISCORD_TOKEN: TOKEN, DATABASE_URL: bad });
			expect(found).toHaveLength(1);
			expect(found[0]).toMatch(/^DATABASE_URL .*the value is not shown/);
			expect(found[0]).not.toContain('hunter2');
		}
	});

	test('GIVEN SHARD_IDS with TOTAL_SHARDS THEN both are read; without the total, out of range or repeated THEN refused', () => {
		expect(parseEnv({ DISCORD_TOKEN: TOKEN, SHARD_IDS: '2, 3', TOTAL_SHARDS: '4' })).toMatchObject({ SHARD_IDS: [2, 3], TOTAL_SHARDS: 4 });
		expect(parseEnv({ DISCORD_TOKEN: TOKEN })).toMatchObject({ SHARD_IDS: undefined, TOTAL_SHARDS: undefined });
		expect(problems({ DISCORD_TOKEN: TOKEN, SHARD_IDS: '0,1' })).toEqual([expect.stringMatching(/^TOTAL_SHARDS must be set with SHARD_IDS/)]);
		expect(problems({ DISCORD_TOKEN: TOKEN, SHARD_IDS: '0,4', TOTAL_SHARDS: '4' })).toEqual([expect.stringMatching(/^SHARD_IDS names shard 4/)]);
		expect(problems({ DISCORD_TOKEN: TOKEN, SHARD_IDS: '1,1', TOTAL_SHARDS: '4' })).toEqual(['SHARD_IDS must not name a shard twice']);
		expect(problems({ DISCORD_TOKEN: TOKEN, SHARD_IDS: 'one', TOTAL_SHARDS: '0' })).toEqual([
			'SHARD_IDS must be a comma-separated list of shard numbers such as 0,1',
			'TOTAL_SHARDS must be a whole number of shards, 1 or more',
		]);
	});
});
