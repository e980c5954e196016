import pg from 'pg';

/** pg's type id for BIGINT (int8): timestamps in milliseconds, COUNT and SUM results, identity columns. */
const INT8_OID = 20;

/**
 * Type parsers for this store's connections only (not pg's global table): BIGINT as a JavaScript number. Every
 * BIGINT here is a millisecond timestamp, a row count or a row id, all far below 2^53.
 */
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
		oid === INT8_OID ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format) as unknown)) as typeof pg.types.getTypeParser,
};

/** A `postgres://` URL with its password replaced, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'postgres://(unparsable URL)';
	}
}

/** The password in a `postgres://` URL, as a one-element list (for the logger's secrets), or none. */
export function databasePassword(url: string | undefined): string[] {
	if (!url || !URL.canParse(url)) return [];
	const { password } = new URL(url);
	return password ? [decodeURIComponent(password)] : [];
}

export interface PoolSettings {
	/** How long a statement waits for another transaction's lock before failing (PostgreSQL's lock_timeout). */
	lockTimeoutMs: number;
	/** Connections kept open at most. */
	max: number;
}

/** A connection pool for the store: BIGINT as numbers, short connection and lock waits, a bound on any statement. */
export function createPool(url: string, settings: PoolSettings): pg.Pool {
	return new pg.Pool({
		connectionString: url,
		max: settings.max,
		// A database that does not answer is an outage to report, not to wait out: answers go out meanwhile.
		connectionTimeoutMillis: 3_000,
		idleTimeoutMillis: 30_000,
		statement_timeout: 15_000,
		lock_timeout: settings.lockTimeoutMs,
		application_name: 'ombudsbot',
		types,
	});
}

/**
 * PostgreSQL SQLSTATEs and socket errors that tend to last (the server down, restarting, full, out of
 * connections, read-only): the store backs off instead of trying again at once, as for SQLite's BUSY or FULL.
 */
const LASTING_SQLSTATE = new Set([
	'57P01', // admin_shutdown
	'57P02', // crash_shutdown
	'57P03', // cannot_connect_now (starting up, shutting down)
	'53300', // too_many_connections
	'53100', // disk_full
	'53200', // out_of_memory
	'58030', // io_error
	'25006', // read_only_sql_transaction (a standby)
	'55P03', // lock_not_available (lock_timeout)
	'57014', // query_canceled (statement_timeout)
]);
const LASTING_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** An error's `code` (SQLite's `SQLITE_BUSY`, PostgreSQL's SQLSTATE, Node's `ECONNREFUSED`), or ''. */
export function errorCode(error: unknown): string {
	const code = (error as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : '';
}

export function isLastingPostgresFailure(error: unknown): boolean {
	const code = errorCode(error);
	if (LASTING_SQLSTATE.has(code) || LASTING_SOCKET.has(code) || code.startsWith('08')) return true;
	// pg's own words when a connection drops or cannot be had in time; they carry no code.
	return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
		(error as Error | null)?.message ?? '',
	);
}

/** The channel on which a knowledge base change is announced; the payload is the new generation. */
export const KNOWLEDGE_CHANNEL = 'ombudsbot_knowledge';

export interface Listener {
	close(): Promise<void>;
}

/**
 * Listens on {@link KNOWLEDGE_CHANNEL} on a connection of its own (a pooled one would be handed back and lose
 * the LISTEN). When the connection drops it reconnects with growing pauses, and calls `onChange` once
 * listening again: notifications sent meanwhile are lost, so the caller compares generations to catch up.
 */
export async function listenForKnowledge(
	url: string,
	onChange: (generation: number | null) => void,
	onError: (error: unknown) => void,
): Promise<Listener> {
	let closed = false;
	let client: pg.Client | null = null;
	let retry: NodeJS.Timeout | null = null;
	let pauseMs = 250;

	const connect = async (): Promise<void> => {
		const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000, application_name: 'ombudsbot-listen', keepAlive: true, types });
		next.on('notification', (message) => {
			if (message.channel !== KNOWLEDGE_CHANNEL) return;
			const generation = Number(message.payload);
			onChange(Number.isInteger(generation) ? generation : null);
		});
		next.on('error', (error) => {
			onError(error);
			drop(next);
		});
		next.on('end', () => drop(next));
		try {
			await next.connect();
			await next.query(`LISTEN ${KNOWLEDGE_CHANNEL}`);
		} catch (error) {
			await next.end().catch(() => undefined);
			throw error;
		}
		client = next;
		pauseMs = 250;
	};

	const drop = (which: pg.Client): void => {
		if (client !== which) return;
		client = null;
		void which.end().catch(() => undefined);
		schedule();
	};

	const schedule = (): void => {
		if (closed || retry) return;
		retry = setTimeout(() => {
			retry = null;
			connect().then(
				() => onChange(null),
				(error: unknown) => {
					onError(error);
					pauseMs = Math.min(pauseMs * 2, 5_000);
					schedule();
				},
			);
		}, pauseMs);
		retry.unref();
	};

	await connect();
	return {
		async close() {
			closed = true;
			if (retry) clearTimeout(retry);
			const last = client;
			client = null;
			await last?.end().catch(() => undefined);
		},
	};
}
