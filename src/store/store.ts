import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Where the answer came from: which door the question used. */
export type AnswerSource = 'slash' | 'dm' | 'mention' | 'suggestion';

/** One answer given, kept so that buttons on it keep working after a restart or on another shard. */
export interface AnswerRecord {
	id: string;
	createdAt: Date;
	userId: string;
	guildId: string | null;
	channelId: string | null;
	source: AnswerSource;
	question: string;
	answered: boolean;
	confidence: number;
	factIds: string[];
	suggestions: string[];
}

export type NewAnswerRecord = Omit<AnswerRecord, 'createdAt'> & { createdAt?: Date };

export interface VoteTally {
	up: number;
	down: number;
	/** True when this user's vote was new or changed; false when it repeated their previous vote. */
	changed: boolean;
}

/** One line of the audit log: who did what to the knowledge base, and whether it worked. */
export interface AuditEntry {
	id: number;
	at: Date;
	actorId: string;
	actorName: string;
	/** `refresh`, `add`, `remove`, `startup`, … */
	action: string;
	/** The document concerned, when there is one. */
	target: string | null;
	ok: boolean;
	detail: Record<string, unknown>;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: Date };

/** A question moderators should look at: asked and not answered, or answered and voted down. */
export interface KnowledgeGap {
	/** The question's grouping key (see {@link normalizeQuestion}): what a resolution names. */
	normalized: string;
	question: string;
	unanswered: number;
	downvotes: number;
	lastAskedAt: Date;
}

/** Options for {@link Store.open}. */
export interface StoreOptions {
	/**
	 * How long a write waits for another process's (shard's) lock before failing, in ms. Kept short
	 * because better-sqlite3 waits synchronously: the whole bot stalls while it does. Shards hold the
	 * lock for a millisecond or so; anything longer is an outage, better reported than waited out.
	 */
	busyTimeoutMs?: number;
	/**
	 * After a write fails for a reason that tends to last (locked, busy, I/O error, disk full,
	 * read-only), further writes fail at once for this long instead of stalling again. Answers still
	 * go out meanwhile (without buttons); see `answerQuestion`.
	 */
	backoffMs?: number;
	/** Told of every failed write, including those refused while paused (the bot counts them in its metrics). */
	onError?: (error: unknown) => void;
}

/** Creates the data folder, or says in plain words why it cannot be one (rather than "EEXIST … mkdir"). */
function makeDataFolder(dataDir: string): void {
	try {
		mkdirSync(dataDir, { recursive: true });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'EEXIST' || code === 'ENOTDIR'
				? 'it (or a folder above it) is a file, not a folder'
				: code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
					? 'it cannot be created here (permission denied or a read-only disk)'
					: (error as Error).message;
		throw new Error(`the data folder DATA_DIR="${dataDir}" cannot be used: ${reason}. Point DATA_DIR at a folder the bot may write to.`, { cause: error });
	}
}

/** Thrown instead of touching the database while writes are paused after a lasting failure. */
export class StoreUnavailableError extends Error {
	readonly code = 'STORE_UNAVAILABLE';
	constructor(override readonly cause: unknown, waitMs: number) {
		super(`store: writes paused for ${waitMs} ms after: ${(cause as Error)?.message ?? String(cause)}`);
		this.name = 'StoreUnavailableError';
	}
}

/** SQLite result codes that usually persist for a while: back off instead of retrying at once. */
const LASTING_FAILURE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CANTOPEN|PROTOCOL)/;

/** File name of the database inside `DATA_DIR`. */
export const STORE_FILE = 'ombudsbot.sqlite';

/**
 * Schema migrations, applied in order inside one transaction each; `user_version` records progress.
 * Append only: never edit a migration that has shipped.
 */
const MIGRATIONS: readonly string[] = [
	`
	CREATE TABLE answers (
		id TEXT PRIMARY KEY,
		created_at INTEGER NOT NULL,
		user_id TEXT NOT NULL,
		guild_id TEXT,
		channel_id TEXT,
		source TEXT NOT NULL,
		question TEXT NOT NULL,
		normalized TEXT NOT NULL,
		answered INTEGER NOT NULL,
		confidence REAL NOT NULL,
		fact_ids TEXT NOT NULL,
		suggestions TEXT NOT NULL
	);
	CREATE INDEX answers_normalized ON answers (normalized);
	CREATE INDEX answers_unanswered ON answers (answered, created_at);
	CREATE TABLE feedback (
		answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
		user_id TEXT NOT NULL,
		vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
		at INTEGER NOT NULL,
		PRIMARY KEY (answer_id, user_id)
	);
	CREATE TABLE audit (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		at INTEGER NOT NULL,
		actor_id TEXT NOT NULL,
		actor_name TEXT NOT NULL,
		action TEXT NOT NULL,
		target TEXT,
		ok INTEGER NOT NULL,
		detail TEXT NOT NULL
	);
	CREATE INDEX audit_action ON audit (action, id);
	CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	`,
	// The language a person (`/language`) or a server (`/kb settings language`) chose for the bot's messages.
	`
	CREATE TABLE language_settings (
		scope TEXT NOT NULL CHECK (scope IN ('user', 'guild')),
		id TEXT NOT NULL,
		language TEXT NOT NULL,
		at INTEGER NOT NULL,
		PRIMARY KEY (scope, id)
	);
	`,
	// Follow-ups: each session's last turn (JSON), so a conversation survives a restart and works on any shard.
	`
	CREATE TABLE conversations (
		session TEXT PRIMARY KEY,
		updated_at INTEGER NOT NULL,
		context TEXT NOT NULL
	);
	CREATE INDEX conversations_updated ON conversations (updated_at);
	`,
	// A server's settings beyond its language (`/kb settings`), and what moderators decided about a knowledge gap.
	`
	CREATE TABLE guild_settings (
		guild_id TEXT NOT NULL,
		key TEXT NOT NULL,
		value TEXT NOT NULL,
		at INTEGER NOT NULL,
		PRIMARY KEY (guild_id, key)
	);
	CREATE TABLE gap_resolutions (
		normalized TEXT PRIMARY KEY,
		resolution TEXT NOT NULL CHECK (resolution IN ('dismissed', 'answered')),
		fact_id TEXT,
		actor_id TEXT NOT NULL,
		at INTEGER NOT NULL
	);
	`,
];

/** A server setting kept by `/kb settings` (its language has a table of its own). */
export type GuildSetting = 'institution' | 'forumChannel';

/** What moderators decided about a gap: not worth answering, or answered by a fact (see `knowledge/curated.yaml`). */
export type GapResolution = { kind: 'dismissed' } | { kind: 'answered'; factId: string };

/** A question people asked that the bot answered and nobody voted down: autocomplete offers these. */
export interface AskedQuestion {
	question: string;
	count: number;
}

/** Whose language setting: a person's own, or a server's default for its members. */
export type LanguageScope = 'user' | 'guild';

/** Conversations older than this are deleted when another is saved: a context expires long before. */
const CONVERSATION_RETENTION_MS = 24 * 60 * 60_000;

/** Groups questions that differ only by case, spacing and trailing punctuation. */
export function normalizeQuestion(question: string): string {
	return question
		.normalize('NFKC')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.replace(/[\s?!.…]+$/u, '')
		.trim()
		.slice(0, 500);
}

const MAX_QUESTION_CHARS = 2_000;

interface AnswerRow {
	id: string;
	created_at: number;
	user_id: string;
	guild_id: string | null;
	channel_id: string | null;
	source: string;
	question: string;
	answered: number;
	confidence: number;
	fact_ids: string;
	suggestions: string;
}

interface AuditRow {
	id: number;
	at: number;
	actor_id: string;
	actor_name: string;
	action: string;
	target: string | null;
	ok: number;
	detail: string;
}

function parseJsonArray(text: string): string[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
	} catch {
		return [];
	}
}

function toAudit(row: AuditRow): AuditEntry {
	let detail: Record<string, unknown> = {};
	try {
		const parsed: unknown = JSON.parse(row.detail);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) detail = parsed as Record<string, unknown>;
	} catch {
		// A hand-edited row should not break /kb status.
	}
	return {
		id: row.id,
		at: new Date(row.at),
		actorId: row.actor_id,
		actorName: row.actor_name,
		action: row.action,
		target: row.target,
		ok: row.ok === 1,
		detail,
	};
}

/**
 * The bot's durable state (answers given, feedback, audit log) in one SQLite file under `DATA_DIR`.
 *
 * WAL mode lets several processes (shards) share the file; every write is one transaction with
 * `synchronous = FULL`, so a crash loses nothing that was acknowledged.
 *
 * @example
 * const store = Store.open('data');
 * store.recordAnswer({ id, userId, question, ... });
 * store.close();
 */
export class Store {
	private readonly db: Database.Database;
	private closed = false;
	private pausedUntil = 0;
	private pauseCause: unknown = null;

	private constructor(
		db: Database.Database,
		private readonly backoffMs: number,
		private readonly onError: (error: unknown) => void = () => undefined,
	) {
		this.db = db;
	}

	/** Opens (creating if needed) the store in `dataDir`, or an in-memory one for `':memory:'`. */
	static open(dataDir: string, options: StoreOptions = {}): Store {
		let file = ':memory:';
		if (dataDir !== ':memory:') {
			makeDataFolder(dataDir);
			file = join(dataDir, STORE_FILE);
		}
		const db = new Database(file);
		try {
			db.pragma('journal_mode = WAL');
			db.pragma('synchronous = FULL');
			db.pragma('foreign_keys = ON');
			// Shards starting together migrate one after the other: wait for each other here.
			db.pragma('busy_timeout = 5000');
			Store.migrate(db);
			// Afterwards, never stall the bot long for a lock (see StoreOptions.busyTimeoutMs).
			db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 250))}`);
		} catch (error) {
			db.close();
			throw error;
		}
		return new Store(db, options.backoffMs ?? 2_000, options.onError);
	}

	/**
	 * Runs a write, or fails at once while writes are paused. A lasting failure (see
	 * {@link StoreOptions.backoffMs}) pauses writes, so an outage costs one short stall, not one per write.
	 */
	private write<T>(run: () => T): T {
		const now = Date.now();
		if (now < this.pausedUntil) {
			const refused = new StoreUnavailableError(this.pauseCause, this.pausedUntil - now);
			this.onError(refused);
			throw refused;
		}
		try {
			return run();
		} catch (error) {
			if (LASTING_FAILURE.test(String((error as { code?: unknown })?.code ?? ''))) {
				this.pausedUntil = Date.now() + this.backoffMs;
				this.pauseCause = error;
			}
			this.onError(error);
			throw error;
		}
	}

	private static migrate(db: Database.Database): void {
		const version = db.pragma('user_version', { simple: true }) as number;
		for (let index = version; index < MIGRATIONS.length; index++) {
			const sql = MIGRATIONS[index]!;
			db.transaction(() => {
				db.exec(sql);
				db.pragma(`user_version = ${index + 1}`);
			}).immediate();
		}
	}

	get isOpen(): boolean {
		return !this.closed;
	}

	/**
	 * For readiness probes: open, not pausing writes after a lasting failure, and answering a read
	 * of the database file (not just `SELECT 1`, which never touches it). Never throws.
	 */
	async reachable(): Promise<boolean> {
		if (this.closed || Date.now() < this.pausedUntil) return false;
		try {
			this.db.prepare('SELECT COUNT(*) FROM meta').get();
			return true;
		} catch {
			return false;
		}
	}

	/** Records an answer (idempotent on `id`). */
	async recordAnswer(record: NewAnswerRecord): Promise<void> {
		const question = record.question.slice(0, MAX_QUESTION_CHARS);
		this.write(() => this.db
			.prepare(
				`INSERT OR IGNORE INTO answers
				(id, created_at, user_id, guild_id, channel_id, source, question, normalized, answered, confidence, fact_ids, suggestions)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			)
			.run(
				record.id,
				(record.createdAt ?? new Date()).getTime(),
				record.userId,
				record.guildId,
				record.channelId,
				record.source,
				question,
				normalizeQuestion(question),
				record.answered ? 1 : 0,
				Number.isFinite(record.confidence) ? record.confidence : 0,
				JSON.stringify(record.factIds),
				JSON.stringify(record.suggestions),
			));
	}

	async getAnswer(id: string): Promise<AnswerRecord | undefined> {
		const row = this.db.prepare('SELECT * FROM answers WHERE id = ?').get(id) as AnswerRow | undefined;
		if (!row) return undefined;
		return {
			id: row.id,
			createdAt: new Date(row.created_at),
			userId: row.user_id,
			guildId: row.guild_id,
			channelId: row.channel_id,
			source: row.source as AnswerSource,
			question: row.question,
			answered: row.answered === 1,
			confidence: row.confidence,
			factIds: parseJsonArray(row.fact_ids),
			suggestions: parseJsonArray(row.suggestions),
		};
	}

	/**
	 * Records one user's vote on one answer: one vote per user per answer; voting again replaces it.
	 * Returns the tally after the vote.
	 */
	async recordVote(answerId: string, userId: string, vote: 1 | -1): Promise<VoteTally> {
		return this.write(() => this.db
			.transaction((): VoteTally => {
				const previous = this.db
					.prepare('SELECT vote FROM feedback WHERE answer_id = ? AND user_id = ?')
					.get(answerId, userId) as { vote: number } | undefined;
				this.db
					.prepare(
						`INSERT INTO feedback (answer_id, user_id, vote, at) VALUES (?, ?, ?, ?)
						ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
					)
					.run(answerId, userId, vote, Date.now());
				return { ...this.tallyNow(answerId), changed: previous?.vote !== vote };
			})
			.immediate());
	}

	async tally(answerId: string): Promise<{ up: number; down: number }> {
		return this.tallyNow(answerId);
	}

	private tallyNow(answerId: string): { up: number; down: number } {
		const row = this.db
			.prepare(
				`SELECT COALESCE(SUM(vote = 1), 0) AS up, COALESCE(SUM(vote = -1), 0) AS down FROM feedback WHERE answer_id = ?`,
			)
			.get(answerId) as { up: number; down: number };
		return { up: row.up, down: row.down };
	}

	/** Appends to the audit log; returns the entry's id. */
	async audit(entry: NewAuditEntry): Promise<number> {
		const result = this.write(() => this.db
			.prepare(
				'INSERT INTO audit (at, actor_id, actor_name, action, target, ok, detail) VALUES (?, ?, ?, ?, ?, ?, ?)',
			)
			.run(
				(entry.at ?? new Date()).getTime(),
				entry.actorId,
				entry.actorName,
				entry.action,
				entry.target,
				entry.ok ? 1 : 0,
				JSON.stringify(entry.detail),
			));
		return Number(result.lastInsertRowid);
	}

	/** The newest audit entries, newest first; optionally only some actions. */
	async recentAudit(limit = 20, actions?: readonly string[]): Promise<AuditEntry[]> {
		const rows = (
			actions && actions.length > 0
				? this.db
						.prepare(
							`SELECT * FROM audit WHERE action IN (${actions.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT ?`,
						)
						.all(...actions, limit)
				: this.db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(limit)
		) as AuditRow[];
		return rows.map(toAudit);
	}

	/** The most frequent unanswered or voted-down questions, worst first. */
	async gaps(limit = 10): Promise<KnowledgeGap[]> {
		const rows = this.db
			.prepare(
				`SELECT a.normalized AS normalized,
					MIN(a.question) AS question,
					SUM(a.answered = 0) AS unanswered,
					(SELECT COUNT(*) FROM feedback f JOIN answers b ON b.id = f.answer_id
						WHERE b.normalized = a.normalized AND f.vote = -1) AS downvotes,
					MAX(a.created_at) AS last_at
				FROM answers a
				LEFT JOIN gap_resolutions r ON r.normalized = a.normalized
				GROUP BY a.normalized
				HAVING (unanswered > 0 OR downvotes > 0) AND (MAX(r.at) IS NULL OR MAX(r.at) < last_at)
				ORDER BY unanswered + downvotes DESC, last_at DESC
				LIMIT ?`,
			)
			.all(limit) as { normalized: string; question: string; unanswered: number; downvotes: number; last_at: number }[];
		return rows.map((row) => ({
			normalized: row.normalized,
			question: row.question,
			unanswered: row.unanswered,
			downvotes: row.downvotes,
			lastAskedAt: new Date(row.last_at),
		}));
	}

	/**
	 * Records moderators' decision on gaps (by their {@link KnowledgeGap.normalized} keys), in one transaction: they
	 * leave `gaps()` until the question is asked again after the decision.
	 */
	async resolveGaps(normalized: readonly string[], resolution: GapResolution, actorId: string, at = Date.now()): Promise<void> {
		this.write(() =>
			this.db
				.transaction(() => {
					const upsert = this.db.prepare(
						`INSERT INTO gap_resolutions (normalized, resolution, fact_id, actor_id, at) VALUES (?, ?, ?, ?, ?)
						ON CONFLICT (normalized) DO UPDATE SET resolution = excluded.resolution, fact_id = excluded.fact_id, actor_id = excluded.actor_id, at = excluded.at`,
					);
					for (const key of new Set(normalized)) upsert.run(key, resolution.kind, resolution.kind === 'answered' ? resolution.factId : null, actorId, at);
				})
				.immediate(),
		);
	}

	/**
	 * Questions people typed (not suggestions they clicked) that were answered and not voted down more than up, most
	 * asked first; those starting with `prefix` (compared as {@link normalizeQuestion} does) when one is given.
	 */
	async answeredQuestions(limit = 25, prefix = ''): Promise<AskedQuestion[]> {
		const rows = this.db
			.prepare(
				`SELECT MIN(a.question) AS question, COUNT(*) AS count, MAX(a.created_at) AS last_at
				FROM answers a
				WHERE a.answered = 1 AND a.source != 'suggestion' AND substr(a.normalized, 1, ?) = ?
				GROUP BY a.normalized
				HAVING (SELECT COALESCE(SUM(f.vote), 0) FROM feedback f JOIN answers b ON b.id = f.answer_id WHERE b.normalized = a.normalized) >= 0
				ORDER BY count DESC, last_at DESC
				LIMIT ?`,
			)
			.all(normalizeQuestion(prefix).length, normalizeQuestion(prefix), limit) as { question: string; count: number }[];
		return rows.map((row) => ({ question: row.question, count: row.count }));
	}

	/** A server's setting, or null when it has none. */
	async getSetting(guildId: string, key: GuildSetting): Promise<string | null> {
		const row = this.db.prepare('SELECT value FROM guild_settings WHERE guild_id = ? AND key = ?').get(guildId, key) as { value: string } | undefined;
		return row?.value ?? null;
	}

	/** Sets a server's setting; null clears it. */
	async setSetting(guildId: string, key: GuildSetting, value: string | null): Promise<void> {
		this.write(() =>
			value === null
				? this.db.prepare('DELETE FROM guild_settings WHERE guild_id = ? AND key = ?').run(guildId, key)
				: this.db
						.prepare(
							'INSERT INTO guild_settings (guild_id, key, value, at) VALUES (?, ?, ?, ?) ON CONFLICT (guild_id, key) DO UPDATE SET value = excluded.value, at = excluded.at',
						)
						.run(guildId, key, value, Date.now()),
		);
	}

	/** The language a user or a server chose, or null; the caller checks it is still one the bot speaks. */
	async getLanguage(scope: LanguageScope, id: string): Promise<string | null> {
		const row = this.db.prepare('SELECT language FROM language_settings WHERE scope = ? AND id = ?').get(scope, id) as { language: string } | undefined;
		return row?.language ?? null;
	}

	/** Sets a user's or server's language; null clears it (back to the question, locale and server). */
	async setLanguage(scope: LanguageScope, id: string, language: string | null): Promise<void> {
		this.write(() =>
			language === null
				? this.db.prepare('DELETE FROM language_settings WHERE scope = ? AND id = ?').run(scope, id)
				: this.db
						.prepare(
							'INSERT INTO language_settings (scope, id, language, at) VALUES (?, ?, ?, ?) ON CONFLICT (scope, id) DO UPDATE SET language = excluded.language, at = excluded.at',
						)
						.run(scope, id, language, Date.now()),
		);
	}

	async getMeta(key: string): Promise<string | undefined> {
		return this.metaNow(key);
	}

	private metaNow(key: string): string | undefined {
		const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
		return row?.value;
	}

	async setMeta(key: string, value: string): Promise<void> {
		this.write(() => this.db
			.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
			.run(key, value));
	}

	/**
	 * Bumps the knowledge generation: other processes (shards) that see a new number reload
	 * the knowledge folder. Returns the new generation.
	 */
	async bumpKnowledgeGeneration(): Promise<number> {
		return this.write(() =>
			this.db
				.transaction(() => {
					const next = Number(this.metaNow('knowledge_generation') ?? '0') + 1;
					this.db
						.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
						.run('knowledge_generation', String(next));
					return next;
				})
				.immediate(),
		);
	}

	async knowledgeGeneration(): Promise<number> {
		return Number(this.metaNow('knowledge_generation') ?? '0');
	}

	/** A session's last conversation context (JSON) if it was saved at or after `notBefore` (ms since the epoch). */
	async conversation(session: string, notBefore: number): Promise<string | undefined> {
		const row = this.db
			.prepare('SELECT context FROM conversations WHERE session = ? AND updated_at >= ?')
			.get(session, notBefore) as { context: string } | undefined;
		return row?.context;
	}

	/** Saves a session's conversation context, replacing the one before; long-expired ones are swept out meanwhile. */
	async saveConversation(session: string, context: string, at: number): Promise<void> {
		this.write(() =>
			this.db
				.transaction(() => {
					this.db
						.prepare(
							`INSERT INTO conversations (session, updated_at, context) VALUES (?, ?, ?)
							ON CONFLICT (session) DO UPDATE SET updated_at = excluded.updated_at, context = excluded.context`,
						)
						.run(session, at, context);
					this.db.prepare('DELETE FROM conversations WHERE updated_at < ?').run(at - CONVERSATION_RETENTION_MS);
				})
				.immediate(),
		);
	}

	/** Closes the database; further calls throw. Safe to call twice. */
	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.db.close();
	}
}
