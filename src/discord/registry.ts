import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AnyCommand } from './types.ts';

/** The project's `commands/` folder: shared by the bot and `npm run deploy`. */
export const COMMANDS_DIR = resolve(fileURLToPath(new URL('../../commands', import.meta.url)));

export interface RegistryProblem {
	file: string;
	issue: string;
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
/** A context-menu command's name is what the menu shows: any case, spaces allowed. */
const MENU_NAME = /^[-_ '\p{L}\p{N}]{1,32}$/u;

/** Checks a module's shape: `data` with a name and `toJSON`, `execute`, optional `autocomplete`. */
export function asCommand(module: Record<string, unknown>): AnyCommand | string {
	const data = module.data as { name?: unknown; toJSON?: unknown } | undefined;
	if (!data || typeof data !== 'object') return 'exports no `data`';
	if (typeof data.toJSON !== 'function') return '`data` has no toJSON() (use a SlashCommandBuilder or ContextMenuCommandBuilder)';
	const menu = (data.toJSON as () => { type?: unknown }).call(data).type === 3;
	if (menu) {
		if (typeof data.name !== 'string' || !MENU_NAME.test(data.name) || data.name.trim() !== data.name) return '`data.name` must be a menu name (1-32 characters)';
	} else if (typeof data.name !== 'string' || !NAME.test(data.name) || data.name !== data.name.toLowerCase()) {
		return '`data.name` must be a lowercase command name (1-32 characters)';
	}
	if (typeof module.execute !== 'function') return 'exports no `execute` function';
	if (module.autocomplete !== undefined && typeof module.autocomplete !== 'function') return '`autocomplete` is not a function';
	if (module.withExamples !== undefined && typeof module.withExamples !== 'function') return '`withExamples` is not a function';
	return module as unknown as AnyCommand;
}

/**
 * Loads every command module in `dir` (`*.ts`/`*.js`, not tests or declarations). A module that
 * fails to import, lacks `data`/`execute` or repeats a name is skipped and reported: adding a
 * command is adding a file.
 *
 * @example
 * const { commands, problems } = await loadCommands();
 * for (const p of problems) logger.warn(p, 'command skipped');
 */
export async function loadCommands(dir = COMMANDS_DIR): Promise<{ commands: Map<string, AnyCommand>; problems: RegistryProblem[] }> {
	const commands = new Map<string, AnyCommand>();
	const problems: RegistryProblem[] = [];
	const files = (await readdir(dir, { withFileTypes: true }))
		.filter((entry) => entry.isFile() && /\.(ts|js|mjs)$/.test(entry.name) && !/\.(d|test)\.\w+$/.test(entry.name))
		.map((entry) => entry.name)
		.sort();
	for (const file of files) {
		let module: Record<string, unknown>;
		try {
			module = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
		} catch (error) {
			problems.push({ file, issue: `failed to load: ${(error as Error).message}` });
			continue;
		}
		const command = asCommand(module);
		if (typeof command === 'string') {
			problems.push({ file, issue: command });
			continue;
		}
		if (commands.has(command.data.name)) {
			problems.push({ file, issue: `duplicate command name "${command.data.name}"` });
			continue;
		}
		commands.set(command.data.name, command);
	}
	return { commands, problems };
}
