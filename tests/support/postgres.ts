/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temporary folder, `postgres` on a free loopback port
 * (as the `postgres` OS user when the tests run as root, which PostgreSQL refuses), a fresh database per test
 * file, and everything stopped and removed afterwards.
 *
 * Without PostgreSQL's binaries the PostgreSQL tests are skipped with the reason printed, unless
 * OMBUDSBOT_REQUIRE_POSTGRES=1 (CI), where they fail instead.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';

const REQUIRED = process.env.OMBUDSBOT_REQUIRE_POSTGRES === '1';

/** The folder holding `initdb` and `postgres`: PATH first, then Debian's and the usual source install's places. */
export function findPostgresBin(): string | null {
	const candidates = [
		...(process.env.PATH ?? '').split(delimiter).filter(Boolean),
		...(existsSync('/usr/lib/postgresql')
			? readdirSync('/usr/lib/postgresql')
					.sort((a, b) => Number(b) - Number(a))
					.map((version) => join('/usr/lib/postgresql', version, 'bin'))
			: []),
		'/usr/local/pgsql/bin',
		'/usr/local/bin',
	];
	return candidates.find((dir) => ['initdb', 'postgres', 'pg_ctl'].every((tool) => existsSync(join(dir, tool)))) ?? null;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** `run` with a client connected to `url`, the connection closed after it whatever happens. */
export async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		return await run(client);
	} finally {
		await client.end();
	}
}

export interface PostgresServer {
	/** A URL for the server's maintenance database (`postgres`), as the superuser. */
	readonly adminUrl: string;
	/** Creates an empty database and returns its URL. */
	createDatabase(prefix?: string): Promise<string>;
	stop(): Promise<void>;
}

const asRoot = process.getuid?.() === 0;
/** Runs `command` as the `postgres` OS user when we are root (PostgreSQL will not run as root), else as ourselves. */
function asServerUser(command: string, args: string[]): [string, string[]] {
	return asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Starts a server in a new temporary cluster; resolves once it accepts connections. */
export async function startPostgres(bin: string): Promise<PostgresServer> {
	const root = mkdtempSync(join(tmpdir(), 'ombudsbot-pg-'));
	const dataDir = join(root, 'data');
	// The server user must own its cluster, and reach it through the temporary folder.
	chmodSync(root, 0o777);
	const [initCommand, initArgs] = asServerUser(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
	execFileSync(initCommand, initArgs, { stdio: 'pipe' });
	const port = await freePort();
	const [command, args] = asServerUser(join(bin, 'postgres'), [
		'-D', dataDir,
		'-p', String(port),
		'-h', '127.0.0.1',
		// The socket in the cluster's own folder: /var/run/postgresql may not exist or be writable.
		'-k', dataDir,
		// Speed over durability: this server lives for one test run.
		'-c', 'fsync=off',
		'-c', 'synchronous_commit=off',
		'-c', 'full_page_writes=off',
		'-c', 'max_connections=200',
	]);
	const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	let log = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		log = (log + chunk.toString()).slice(-4000);
	});
	const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}: ${log}`);
		const client = new pg.Client({ connectionString: adminUrl });
		try {
			await client.connect();
			await client.end();
			break;
		} catch {
			await client.end().catch(() => undefined);
			if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${log}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	return {
		adminUrl,
		async createDatabase(prefix = 'test') {
			const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
			await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
			return `postgres://postgres@127.0.0.1:${port}/${name}`;
		},
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				// Immediate: clients cut off, no checkpoint; this cluster is removed next. pg_ctl reaches the
				// server itself, where a signal to runuser might not be passed on.
				const [stopCommand, stopArgs] = asServerUser(join(bin, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w', '-t', '10']);
				try {
					execFileSync(stopCommand, stopArgs, { stdio: 'pipe' });
				} catch {
					child.kill('SIGKILL');
				}
				await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
			}
			rmSync(root, { recursive: true, force: true });
		},
	};
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
	return findPostgresBin() ? null : 'no PostgreSQL binaries (initdb, postgres) on PATH, in /usr/lib/postgresql/*/bin or /usr/local/bin';
}

/**
 * One server for the calling test file, started before its tests and stopped after them; `describe` for the
 * PostgreSQL tests themselves, skipped (with the reason printed) when no server can run here and none is required.
 */
export function usePostgres(): { readonly server: PostgresServer; describe: ReturnType<typeof describe.skipIf> } {
	const reason = postgresUnavailable();
	let server: PostgresServer | undefined;
	if (reason && !REQUIRED) {
		console.warn(`[postgres] PostgreSQL tests skipped: ${reason}`);
	} else {
		beforeAll(async () => {
			if (reason) throw new Error(`OMBUDSBOT_REQUIRE_POSTGRES=1 but ${reason}`);
			server = await startPostgres(findPostgresBin()!);
		}, 60_000);
		afterAll(async () => {
			await server?.stop();
		});
	}
	return {
		get server() {
			if (!server) throw new Error('PostgreSQL is not running');
			return server;
		},
		describe: describe.skipIf(reason !== null && !REQUIRED),
	};
}
