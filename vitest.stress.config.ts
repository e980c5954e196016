import { defineConfig } from 'vitest/config';

/** `npm run test:stress`: the slow reliability tests (full load burst, repeated crash kills, long property runs). */
export default defineConfig({
	test: {
		include: ['tests/**/*.slow.test.ts'],
		exclude: ['node_modules/**'],
		testTimeout: 120_000,
		hookTimeout: 180_000,
		// One file at a time: timings under load should not depend on what runs beside them.
		fileParallelism: false,
	},
});
