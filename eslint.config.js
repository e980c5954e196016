// `npm run lint`: typescript-eslint's type-checked rules, ESLint's own recommended rules and
// import-cycle detection over every TypeScript file in the repository.
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// ESLint's recommended set ships in @eslint/js, which is not a dependency; the same list is what the
// built-in rules mark as recommended. typescript-eslint's configs below switch off the ones the type
// checker already covers (no-undef, no-redeclare, ...).
const eslintRecommended = Object.fromEntries(
	[...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended && !rule.meta.deprecated).map(([name]) => [name, 'error']),
);

export default defineConfig(
	globalIgnores(['node_modules/', 'coverage/', 'data/', '.scratch/', '**/.cache/']),
	{
		linterOptions: { reportUnusedDisableDirectives: 'error' },
	},
	{
		files: ['**/*.ts'],
		plugins: { 'import-x': importX },
		rules: eslintRecommended,
	},
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommendedTypeChecked],
		languageOptions: {
			parserOptions: {
				// tsconfig.json's program, found per file; vitest.stress.config.ts is outside its `include`.
				projectService: { allowDefaultProject: ['vitest.stress.config.ts'] },
				tsconfigRootDir: import.meta.dirname,
			},
		},
		settings: {
			'import-x/extensions': ['.ts', '.js'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
			// Local imports name the `.ts` file itself (allowImportingTsExtensions, run by tsx), so plain
			// Node resolution finds them as written; no TypeScript-aware resolver is needed.
			'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json', '.node'] })],
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': 'error',
			'@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports' }],
			'import-x/no-cycle': 'error',
			'import-x/no-self-import': 'error',
			// `async` without `await` is how this code meets a Promise-returning interface from synchronous
			// work (the store's methods over SQLite, callbacks such as knowledge.exclusive's): it also turns
			// a throw into a rejection that callers' `.catch` sees. The rule would push those to plain
			// functions that can throw past it.
			'@typescript-eslint/require-await': 'off',
			// The conventions tsc's noUnusedLocals/noUnusedParameters already accept: a leading `_`, and
			// a property destructured only to leave it out of `...rest`.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
	{
		// The Discord test double records the bot's REST calls as the raw JSON that went over the wire,
		// typed `any`, and the tests read fields off those payloads to assert on them; a wrong field
		// fails the assertion, so the no-unsafe-* family has nothing to protect there and would flag
		// every such read. Everything else, floating promises above all, stays on for tests.
		files: ['tests/**/*.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unsafe-argument': 'off',
			'@typescript-eslint/no-unsafe-assignment': 'off',
			'@typescript-eslint/no-unsafe-call': 'off',
			'@typescript-eslint/no-unsafe-member-access': 'off',
			'@typescript-eslint/no-unsafe-return': 'off',
		},
	},
	{
		// Plain JavaScript (this file) has no type information to check against.
		files: ['**/*.js'],
		extends: [tseslint.configs.disableTypeChecked],
	},
);
