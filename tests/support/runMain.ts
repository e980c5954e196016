import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `npm start`'s entry point (src/main.ts) as a real process with only `env` (plus PATH and HOME), so no
 * stray `.env` value decides the outcome. `onOutput` sees everything printed so far and may signal the child.
 */
export function runMain(env: Record<string, string>, onOutput?: (output: string, child: ChildProcess) => void): Promise<{ code: number | null; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
			cwd: ROOT,
			env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const collect = (chunk: Buffer) => {
			output += chunk.toString();
			onOutput?.(output, child);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.on('exit', (code) => resolve({ code, output }));
	});
}
