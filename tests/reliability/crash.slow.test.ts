import { expect, test } from 'vitest';
import { crashRounds } from './support/crashRounds.ts';

// `npm run test:stress`: 12 kills at delays spread over the whole of /kb add (download, validation,
// write, reindex, audit) and /kb refresh; after each, the folder and the store are checked.
test('GIVEN the bot killed 12 times during /kb add and /kb refresh THEN every restart finds the folder and the store intact', async () => {
	const report = await crashRounds({ rounds: 12, seed: 7, maxDelayMs: 1_400 });
	console.log(`[reliability] crash rounds: ${JSON.stringify(report)}`);
	expect(report.kills).toHaveLength(12);
}, 180_000);
