import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		exclude: ['tests/**/*.slow.test.ts', 'node_modules/**'],
		testTimeout: 20_000,
		hookTimeout: 30_000,
	},
});
