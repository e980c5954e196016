import { describe, expect, test } from 'vitest';
import { createLogger, scrubSecrets } from '../../src/logger.ts';

const TOKEN = 'OTAwMDAwMDAwMDAwMDAwMDAx.GfakeT.fake-token-signature-for-tests-only';

function collect() {
	const lines: string[] = [];
	return { lines, destination: { write: (line: string) => void lines.push(line) } };
}

describe('createLogger', () => {
	test('GIVEN the token in a message, a field, an error and a header THEN no line contains it', () => {
		const { lines, destination } = collect();
		const logger = createLogger({ secrets: [TOKEN], destination });
		logger.info(`logging in with ${TOKEN}`);
		logger.info({ token: TOKEN, nested: { token: TOKEN } }, 'fields');
		logger.error({ err: new Error(`bad token ${TOKEN}`) }, 'error');
		logger.warn({ request: { headers: { authorization: `Bot ${TOKEN}` } } }, 'header');
		logger.info({ url: `https://x/?t=${TOKEN.split('.')[2]}` }, 'signature alone');
		expect(lines).toHaveLength(5);
		for (const line of lines) {
			expect(line).not.toContain(TOKEN);
			expect(line).not.toContain(TOKEN.split('.')[2]);
		}
		expect(lines.join('')).toContain('[REDACTED]');
	});

	test('GIVEN level warn THEN info is not written', () => {
		const { lines, destination } = collect();
		const logger = createLogger({ level: 'warn', destination });
		logger.info('hidden');
		logger.warn('shown');
		expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['shown']);
	});

	test('scrubSecrets ignores secrets too short to be real', () => {
		expect(scrubSecrets('a b c', ['b'])).toBe('a b c');
	});
});
