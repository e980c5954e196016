import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { COMMANDS_DIR, loadCommands } from '../../src/discord/registry.ts';
import { isMessageCommand } from '../../src/discord/types.ts';

const dir = mkdtempSync(join(tmpdir(), 'ombudsbot-commands-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const good = (name: string) => `export const data = { name: '${name}', toJSON: () => ({ name: '${name}', description: 'd' }) };
export async function execute() {}
`;

describe('loadCommands', () => {
	test('GIVEN the project commands THEN every command of the issue is there, each with a description', async () => {
		const { commands, problems } = await loadCommands(COMMANDS_DIR);
		expect(problems).toEqual([]);
		expect([...commands.keys()].sort()).toEqual(['Ask Ombudsbot', 'about', 'ask', 'cooperation', 'help', 'independence', 'kb', 'language', 'mandate', 'search']);
		for (const command of commands.values()) {
			if (isMessageCommand(command)) continue;
			const json = command.data.toJSON();
			expect(json.description.length).toBeGreaterThan(0);
			expect(json.description.length).toBeLessThanOrEqual(100);
		}
		const ask = commands.get('ask')!;
		expect(!isMessageCommand(ask) && typeof ask.autocomplete).toBe('function');
		expect(commands.get('Ask Ombudsbot')?.data.toJSON().type).toBe(3);
		expect(commands.get('kb')?.data.toJSON().default_member_permissions).toBe('32'); // Manage Server
	});

	test('GIVEN malformed modules THEN they are skipped with a reason and the rest load', async () => {
		writeFileSync(join(dir, 'a-good.ts'), good('good'));
		writeFileSync(join(dir, 'b-nodata.ts'), 'export async function execute() {}\n');
		writeFileSync(join(dir, 'c-noexecute.ts'), "export const data = { name: 'x', toJSON: () => ({}) };\n");
		writeFileSync(join(dir, 'd-duplicate.ts'), good('good'));
		writeFileSync(join(dir, 'e-throws.ts'), "throw new Error('boom');\n");
		writeFileSync(join(dir, 'f-Upper.ts'), good('Upper'));
		writeFileSync(join(dir, 'g.test.ts'), 'ignored');
		// A menu command's name is what the menu shows: capitals and spaces are fine there, a line break is not.
		writeFileSync(join(dir, 'h-menu.ts'), "export const data = { name: 'Ask Me', toJSON: () => ({ name: 'Ask Me', type: 3 }) };\nexport async function execute() {}\n");
		writeFileSync(join(dir, 'i-badmenu.ts'), "export const data = { name: 'Ask\\nMe', toJSON: () => ({ name: 'Ask\\nMe', type: 3 }) };\nexport async function execute() {}\n");
		const { commands, problems } = await loadCommands(dir);
		expect([...commands.keys()]).toEqual(['good', 'Ask Me']);
		expect(problems).toEqual([
			{ file: 'b-nodata.ts', issue: 'exports no `data`' },
			{ file: 'c-noexecute.ts', issue: 'exports no `execute` function' },
			{ file: 'd-duplicate.ts', issue: 'duplicate command name "good"' },
			{ file: 'e-throws.ts', issue: 'failed to load: boom' },
			{ file: 'f-Upper.ts', issue: '`data.name` must be a lowercase command name (1-32 characters)' },
			{ file: 'i-badmenu.ts', issue: '`data.name` must be a menu name (1-32 characters)' },
		]);
	});
});
