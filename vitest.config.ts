import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		exclude: ['tests/**/*.slow.test.ts', 'node_modules/**'],
		testTimeout: 20_000,
		hookTimeout: 30_000,
		coverage: {
			provider: 'v8',
			include: ['src/**/*.ts', 'commands/**/*.ts'],
			// A summary in the log for CI, and a browsable report under coverage/ for a closer look.
			reporter: ['text-summary', 'html'],
			reportsDirectory: 'coverage',
		},
	},
});
