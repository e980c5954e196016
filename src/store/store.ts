import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
	CompiledQuery,
	Kysely,
	Migrator,
	PostgresDialect,
	sql,
	SqliteDialect,
	SqliteDriver,
	type DatabaseConnection,
	type Driver,
	type Selectable,
	type SqliteDialectConfig,
	type Transaction,
} from 'kysely';
import { createPool, errorCode, isLastingPostgresFailure, KNOWLEDGE_CHANNEL, listenForKnowledge, redactDatabaseUrl, type Listener } from './postgres.ts';
import { MIGRATIONS, type Backend, type Tables } from './schema.ts';

export type { Backend } from './schema.ts';

/**
 * Where the answer came from: which door the question used. `menu` is the "Ask Ombudsbot" message command, `forum`
 * a post in the help forum answered unasked. Kept as text (no CHECK), so a new door needs no migration.
 */
export type AnswerSource = 'slash' | 'dm' | 'mention' | 'suggestion' | 'menu' | 'forum';

/** One answer given, kept so that buttons on it keep working after a restart or on another shard. */
export interface AnswerRecord {
	id: string;
	createdAt: Date;
	userId: string;
	guildId: string | null;
	channelId: string | null;
	source: AnswerSource;
	/** Only the asker saw the answer (`/ask private: True`): its question is offered to nobody else as they type. */
	private: boolean;
	question: string;
	answered: boolean;
	confidence: number;
	factIds: string[];
	suggestions: string[];
}

export type NewAnswerRecord = Omit<AnswerRecord, 'createdAt' | 'private'> & { createdAt?: Date; private?: boolean };

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

/** Options for {@link Store.open} and {@link Store.connect}. */
export interface StoreOptions {
	/**
	 * How long a write waits for another process's (shard's) lock before failing, in ms. On SQLite 250 unless
	 * set, kept short because better-sqlite3 waits synchronously: the whole bot stalls while it does. Shards
	 * hold the lock for a millisecond or so; anything longer is an outage, better reported than waited out.
	 * On PostgreSQL (its `lock_timeout`) 2,000 unless set: waiting there stalls only the one request.
	 */
	busyTimeoutMs?: number;
	/**
	 * After a write fails for a reason that tends to last (locked, busy, I/O error, disk full, read-only;
	 * on PostgreSQL also the server refusing or dropping connections, see `isLastingPostgresFailure`),
	 * further writes fail at once for this long instead of stalling again. Answers still go out meanwhile
	 * (without buttons); see `answerQuestion`.
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
const LASTING_SQLITE_FAILURE = /^SQLITE_(BUSY|LOCKED|IOERR|FULL|READONLY|CANTOPEN|PROTOCOL)/;

function isLastingFailure(error: unknown): boolean {
	return LASTING_SQLITE_FAILURE.test(errorCode(error)) || isLastingPostgresFailure(error);
}

/** File name of the database inside `DATA_DIR`. */
export const STORE_FILE = 'ombudsbot.sqlite';

/** A server setting kept by `/kb settings` (its language has a table of its own). */
export type GuildSetting = 'institution' | 'forumChannel';

/** What moderators decided about a gap: not worth answering, or answered by a fact (see `knowledge/curated.yaml`). */
export type GapResolution = { kind: 'dismissed' } | { kind: 'answered'; factId: string };

/**
 * Whose questions autocomplete may offer: those asked in one server, or, outside any server (a DM, a group DM with
 * the app installed by the user), the person's own: another's DM is nobody else's business.
 */
export type QuestionScope = { kind: 'guild'; guildId: string } | { kind: 'private'; userId: string };

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

function parseJsonArray(text: string): string[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
	} catch {
		return [];
	}
}

function toAudit(row: Selectable<Tables['audit']>): AuditEntry {
	let detail: Record<string, unknown> = {};
	try {
		const parsed: unknown = JSON.parse(row.detail);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) detail = parsed as Record<string, unknown>;
	} catch {
		// A hand-edited row should not break /kb status.
	}
	return {
		id: Number(row.id),
		at: new Date(Number(row.at)),
		actorId: row.actor_id,
		actorName: row.actor_name,
		action: row.action,
		target: row.target,
		ok: row.ok === 1,
		detail,
	};
}

/** A document added from Discord and kept in the store (with PostgreSQL, served by every process). */
export interface StoredDocument {
	/** The document id (its file name without the extension). */
	id: string;
	/** The file name it was uploaded as (`annual-report.md`): its extension says how it is read. */
	file: string;
	content: string;
	actorId: string;
	actorName: string;
	at: Date;
}

/** What the store adds to and takes from the knowledge folder: the latest change of each document, and the generation it makes. */
export interface KnowledgeLayer {
	/** The knowledge generation read before the documents: the layer is at least this new. */
	generation: number;
	documents: StoredDocument[];
	/** Ids of documents removed (whether they were added here or ship in the folder). */
	removed: string[];
	/** The latest text of the curated questions (`curated.yaml`) written from Discord; absent until the first, the folder's file serving until then. */
	curated?: string;
}

/**
 * A document added or removed from Discord, or the curated questions' new text. A removal may carry the curated
 * text without the entries that named the document, recorded with it in one transaction.
 */
export type KnowledgeChange =
	| { kind: 'add'; id: string; file: string; content: string }
	| { kind: 'remove'; id: string; curated?: string }
	| { kind: 'curated'; content: string };

const KNOWLEDGE_GENERATION = 'knowledge_generation';

/** A flood-control token bucket: tokens left (negative while questions wait their turn) as of `at` (ms since the epoch). */
export interface FloodBucket {
	tokens: number;
	at: number;
}

/**
 * better-sqlite3 transactions that take the write lock as they begin (BEGIN IMMEDIATE): a read-then-write one
 * never finds at its first write that another process wrote since its read (SQLITE_BUSY_SNAPSHOT, which no
 * waiting cures), and waits for the lock with the busy timeout instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
	override async beginTransaction(connection: DatabaseConnection): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
}

class ImmediateSqliteDialect extends SqliteDialect {
	constructor(private readonly settings: SqliteDialectConfig) {
		super(settings);
	}

	override createDriver(): Driver {
		return new ImmediateSqliteDriver(this.settings);
	}
}

/**
 * SQLite migrations in order, one IMMEDIATE transaction each, with `user_version` counting them: shards starting
 * together take turns (the busy timeout), and each reads the version inside its transaction, so none applies a
 * migration another just applied. Synchronous, like opening the file, so `Store.open` needs no `await`.
 */
function migrateSqlite(raw: Database.Database, db: Kysely<Tables>): void {
	for (;;) {
		const applied = raw
			.transaction(() => {
				const version = raw.pragma('user_version', { simple: true }) as number;
				const migration = MIGRATIONS[version];
				if (!migration) return false;
				for (const step of migration.steps(db.schema, 'sqlite')) {
					const { sql: text, parameters } = step.compile();
					raw.prepare(text).run(...parameters);
				}
				raw.pragma(`user_version = ${version + 1}`);
				return true;
			})
			.immediate();
		if (!applied) return;
	}
}

/** PostgreSQL migrations through Kysely's Migrator: all pending ones in one transaction, under an advisory lock that a second process starting at once waits for. */
async function migratePostgres(url: string): Promise<void> {
	const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: createPool(url, { max: 1, lockTimeoutMs: 0 }) }) });
	try {
		const migrator = new Migrator({
			db,
			migrationTableName: 'ombudsbot_migrations',
			migrationLockTableName: 'ombudsbot_migrations_lock',
			provider: {
				getMigrations: async () =>
					Object.fromEntries(
						MIGRATIONS.map((migration) => [
							migration.name,
							{
								async up(trx: Kysely<unknown>) {
									for (const step of migration.steps(trx.schema, 'postgres')) await step.execute();
								},
							},
						]),
					),
			},
		});
		const { error } = await migrator.migrateToLatest();
		if (error) throw error instanceof Error ? error : new Error('a migration failed', { cause: error });
	} finally {
		await db.destroy();
	}
}

/**
 * The bot's durable state (answers given, feedback, audit log, settings, conversations, documents added from
 * Discord), behind one interface over two backends, with every query written once through Kysely:
 *
 * - SQLite in one file under `DATA_DIR` (the default): WAL mode lets the shards of one machine share it; every
 *   write is one transaction with `synchronous = FULL`, so a crash loses nothing that was acknowledged.
 * - PostgreSQL (`DATABASE_URL`): processes on any number of machines share it, and a knowledge change is
 *   announced to all of them (LISTEN/NOTIFY, see {@link Store.watchKnowledge}).
 *
 * @example
 * const store = await openStore(env); // PostgreSQL when DATABASE_URL is set, else DATA_DIR
 * await store.recordAnswer({ id, userId, question, ... });
 * await store.close();
 */
export class Store {
	private closed = false;
	private pausedUntil = 0;
	private pauseCause: unknown = null;
	private readonly listeners = new Set<Listener>();

	private constructor(
		private readonly db: Kysely<Tables>,
		/** Which database is behind this store. */
		readonly backend: Backend,
		private readonly backoffMs: number,
		private readonly onError: (error: unknown) => void,
		private readonly databaseUrl: string | null,
	) {}

	/** Opens (creating if needed) the SQLite store in `dataDir`, or an in-memory one for `':memory:'`. */
	static open(dataDir: string, options: StoreOptions = {}): Store {
		let file = ':memory:';
		if (dataDir !== ':memory:') {
			makeDataFolder(dataDir);
			file = join(dataDir, STORE_FILE);
		}
		const raw = new Database(file);
		const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
		try {
			raw.pragma('journal_mode = WAL');
			raw.pragma('synchronous = FULL');
			raw.pragma('foreign_keys = ON');
			// Shards starting together migrate one after the other: wait for each other here.
			raw.pragma('busy_timeout = 5000');
			migrateSqlite(raw, db);
			// Afterwards, never stall the bot long for a lock (see StoreOptions.busyTimeoutMs).
			raw.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 250))}`);
		} catch (error) {
			raw.close();
			throw error;
		}
		return new Store(db, 'sqlite', options.backoffMs ?? 2_000, options.onError ?? (() => undefined), null);
	}

	/**
	 * Connects to PostgreSQL at `databaseUrl` and applies pending migrations. Errors name the server with the
	 * password masked.
	 */
	static async connect(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
		try {
			await migratePostgres(databaseUrl);
		} catch (error) {
			throw new Error(`the PostgreSQL database at ${redactDatabaseUrl(databaseUrl)} cannot be used: ${(error as Error).message}`, { cause: error });
		}
		const onError = options.onError ?? (() => undefined);
		const pool = createPool(databaseUrl, { max: 10, lockTimeoutMs: Math.max(1, Math.floor(options.busyTimeoutMs ?? 2_000)) });
		// An idle connection the server closed (restart, admin shutdown) is reported, not thrown at the process.
		pool.on('error', (error) => onError(error));
		return new Store(new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), 'postgres', options.backoffMs ?? 2_000, onError, databaseUrl);
	}

	/** True when every process on every machine shares this store (PostgreSQL), knowledge included. */
	get shared(): boolean {
		return this.backend === 'postgres';
	}

	/**
	 * Runs a write, or fails at once while writes are paused. A lasting failure (see
	 * {@link StoreOptions.backoffMs}) pauses writes, so an outage costs one short stall, not one per write.
	 */
	private async write<T>(run: () => Promise<T>): Promise<T> {
		const now = Date.now();
		if (now < this.pausedUntil) {
			const refused = new StoreUnavailableError(this.pauseCause, this.pausedUntil - now);
			this.onError(refused);
			throw refused;
		}
		try {
			return await run();
		} catch (error) {
			if (isLastingFailure(error)) {
				this.pausedUntil = Date.now() + this.backoffMs;
				this.pauseCause = error;
			}
			this.onError(error);
			throw error;
		}
	}

	get isOpen(): boolean {
		return !this.closed;
	}

	/**
	 * For readiness probes: open, not pausing writes after a lasting failure, and answering a read
	 * of a table (not just `SELECT 1`, which never touches SQLite's file). Never throws.
	 */
	async reachable(): Promise<boolean> {
		if (this.closed || Date.now() < this.pausedUntil) return false;
		try {
			await this.db.selectFrom('meta').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
			return true;
		} catch {
			return false;
		}
	}

	/** Records an answer (idempotent on `id`). */
	async recordAnswer(record: NewAnswerRecord): Promise<void> {
		const question = record.question.slice(0, MAX_QUESTION_CHARS);
		await this.write(() =>
			this.db
				.insertInto('answers')
				.values({
					id: record.id,
					created_at: (record.createdAt ?? new Date()).getTime(),
					user_id: record.userId,
					guild_id: record.guildId,
					channel_id: record.channelId,
					source: record.source,
					private: record.private ? 1 : 0,
					question,
					normalized: normalizeQuestion(question),
					answered: record.answered ? 1 : 0,
					confidence: Number.isFinite(record.confidence) ? record.confidence : 0,
					fact_ids: JSON.stringify(record.factIds),
					suggestions: JSON.stringify(record.suggestions),
				})
				.onConflict((oc) => oc.column('id').doNothing())
				.execute(),
		);
	}

	async getAnswer(id: string): Promise<AnswerRecord | undefined> {
		const row = await this.db.selectFrom('answers').selectAll().where('id', '=', id).executeTakeFirst();
		if (!row) return undefined;
		return {
			id: row.id,
			createdAt: new Date(Number(row.created_at)),
			userId: row.user_id,
			guildId: row.guild_id,
			channelId: row.channel_id,
			source: row.source as AnswerSource,
			private: row.private === 1,
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
		return this.write(() =>
			this.db.transaction().execute(async (trx): Promise<VoteTally> => {
				// One statement decides "changed": a row comes back when the vote is new or differs from the one before.
				const changed = await trx
					.insertInto('feedback')
					.values({ answer_id: answerId, user_id: userId, vote, at: Date.now() })
					.onConflict((oc) =>
						oc
							.columns(['answer_id', 'user_id'])
							.doUpdateSet((eb) => ({ vote: eb.ref('excluded.vote'), at: eb.ref('excluded.at') }))
							.where('feedback.vote', '<>', vote),
					)
					.returning('answer_id')
					.executeTakeFirst();
				return { ...(await tallyOf(trx, answerId)), changed: changed !== undefined };
			}),
		);
	}

	async tally(answerId: string): Promise<{ up: number; down: number }> {
		return tallyOf(this.db, answerId);
	}

	/** Appends to the audit log; returns the entry's id. */
	async audit(entry: NewAuditEntry): Promise<number> {
		const row = await this.write(() =>
			this.db
				.insertInto('audit')
				.values({
					at: (entry.at ?? new Date()).getTime(),
					actor_id: entry.actorId,
					actor_name: entry.actorName,
					action: entry.action,
					target: entry.target,
					ok: entry.ok ? 1 : 0,
					detail: JSON.stringify(entry.detail),
				})
				.returning('id')
				.executeTakeFirstOrThrow(),
		);
		return Number(row.id);
	}

	/** The newest audit entries, newest first; optionally only some actions. */
	async recentAudit(limit = 20, actions?: readonly string[]): Promise<AuditEntry[]> {
		let query = this.db.selectFrom('audit').selectAll().orderBy('id', 'desc').limit(limit);
		if (actions && actions.length > 0) query = query.where('action', 'in', actions);
		return (await query.execute()).map(toAudit);
	}

	/**
	 * The most frequent unanswered or voted-down questions, worst first. A gap a moderator resolved counts only what
	 * came after the decision (askings left unanswered, 👎 votes cast): it is listed again only for those. The decision's
	 * own millisecond counts as after: the moderator cannot have seen what came then.
	 */
	async gaps(limit = 10): Promise<KnowledgeGap[]> {
		const grouped = this.db
			.selectFrom('answers as a')
			.leftJoin('gap_resolutions as r', 'r.normalized', 'a.normalized')
			.select((eb) => [
				'a.normalized',
				eb.fn.min('a.question').as('question'),
				eb.fn
					.sum<number>(
						eb
							.case()
							.when(eb.and([eb('a.answered', '=', 0), eb.or([eb('r.at', 'is', null), eb('a.created_at', '>=', eb.ref('r.at'))])]))
							.then(1)
							.else(0)
							.end(),
					)
					.as('unanswered'),
				eb
					.selectFrom('feedback as f')
					.innerJoin('answers as b', 'b.id', 'f.answer_id')
					.whereRef('b.normalized', '=', 'a.normalized')
					.where('f.vote', '=', -1)
					.where((sub) => sub.or([sub('r.at', 'is', null), sub('f.at', '>=', sub.ref('r.at'))]))
					.select((sub) => sub.fn.countAll<number>().as('n'))
					.as('downvotes'),
				eb.fn.max('a.created_at').as('last_at'),
			])
			// One resolution row per key at most: grouping by its time too lets the vote count above refer to it.
			.groupBy(['a.normalized', 'r.at']);
		const rows = await this.db
			.selectFrom(grouped.as('g'))
			.selectAll()
			.where((eb) => eb.or([eb('g.unanswered', '>', 0), eb('g.downvotes', '>', 0)]))
			.orderBy(sql`g.unanswered + g.downvotes`, 'desc')
			.orderBy('g.last_at', 'desc')
			.limit(limit)
			.execute();
		return rows.map((row) => ({
			normalized: row.normalized,
			question: row.question,
			unanswered: Number(row.unanswered),
			downvotes: Number(row.downvotes),
			lastAskedAt: new Date(Number(row.last_at)),
		}));
	}

	/**
	 * Records moderators' decision on gaps (by their {@link KnowledgeGap.normalized} keys), in one transaction: they
	 * leave `gaps()` until asked again and left unanswered, or voted down, after the decision (a later one replaces it).
	 */
	async resolveGaps(normalized: readonly string[], resolution: GapResolution, actorId: string, at = Date.now()): Promise<void> {
		const keys = [...new Set(normalized)];
		if (keys.length === 0) return;
		await this.write(() =>
			this.db.transaction().execute((trx) =>
				trx
					.insertInto('gap_resolutions')
					.values(keys.map((key) => ({ normalized: key, resolution: resolution.kind, fact_id: resolution.kind === 'answered' ? resolution.factId : null, actor_id: actorId, at })))
					.onConflict((oc) =>
						oc.column('normalized').doUpdateSet((eb) => ({
							resolution: eb.ref('excluded.resolution'),
							fact_id: eb.ref('excluded.fact_id'),
							actor_id: eb.ref('excluded.actor_id'),
							at: eb.ref('excluded.at'),
						})),
					)
					.execute(),
			),
		);
	}

	/**
	 * Questions people typed (not suggestions they clicked) in `scope` that were answered and not voted down more than
	 * up, most asked first (in a server, not those answered privately); those starting with `prefix` (compared as {@link normalizeQuestion} does) when one is given.
	 */
	async answeredQuestions(scope: QuestionScope, limit = 25, prefix = ''): Promise<AskedQuestion[]> {
		const start = normalizeQuestion(prefix);
		const rows = await this.db
			.selectFrom('answers as a')
			.select((eb) => [eb.fn.min('a.question').as('question'), eb.fn.countAll<number>().as('count'), eb.fn.max('a.created_at').as('last_at')])
			.$call((query) =>
				scope.kind === 'guild'
					? query.where('a.guild_id', '=', scope.guildId).where('a.private', '=', 0)
					: query.where('a.guild_id', 'is', null).where('a.user_id', '=', scope.userId),
			)
			.where('a.answered', '=', 1)
			.where('a.source', '!=', 'suggestion')
			.where(sql<string>`substr(a.normalized, 1, ${start.length})`, '=', start)
			.groupBy('a.normalized')
			// Votes from anywhere: the answer is the same in every server, and so is a bad one.
			.having(
				(eb) =>
					eb
						.selectFrom('feedback as f')
						.innerJoin('answers as b', 'b.id', 'f.answer_id')
						.whereRef('b.normalized', '=', 'a.normalized')
						.select(sql<number>`COALESCE(SUM(f.vote), 0)`.as('score')),
				'>=',
				0,
			)
			.orderBy('count', 'desc')
			.orderBy('last_at', 'desc')
			.limit(limit)
			.execute();
		return rows.map((row) => ({ question: row.question, count: Number(row.count) }));
	}

	/** A server's setting, or null when it has none. */
	async getSetting(guildId: string, key: GuildSetting): Promise<string | null> {
		const row = await this.db.selectFrom('guild_settings').select('value').where('guild_id', '=', guildId).where('key', '=', key).executeTakeFirst();
		return row?.value ?? null;
	}

	/** Sets a server's setting; null clears it. */
	async setSetting(guildId: string, key: GuildSetting, value: string | null): Promise<void> {
		await this.write<unknown>(() =>
			value === null
				? this.db.deleteFrom('guild_settings').where('guild_id', '=', guildId).where('key', '=', key).execute()
				: this.db
						.insertInto('guild_settings')
						.values({ guild_id: guildId, key, value, at: Date.now() })
						.onConflict((oc) => oc.columns(['guild_id', 'key']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), at: eb.ref('excluded.at') })))
						.execute(),
		);
	}

	/** The language a user or a server chose, or null; the caller checks it is still one the bot speaks. */
	async getLanguage(scope: LanguageScope, id: string): Promise<string | null> {
		const row = await this.db.selectFrom('language_settings').select('language').where('scope', '=', scope).where('id', '=', id).executeTakeFirst();
		return row?.language ?? null;
	}

	/** Sets a user's or server's language; null clears it (back to the question, locale and server). */
	async setLanguage(scope: LanguageScope, id: string, language: string | null): Promise<void> {
		await this.write<unknown>(() =>
			language === null
				? this.db.deleteFrom('language_settings').where('scope', '=', scope).where('id', '=', id).execute()
				: this.db
						.insertInto('language_settings')
						.values({ scope, id, language, at: Date.now() })
						.onConflict((oc) => oc.columns(['scope', 'id']).doUpdateSet((eb) => ({ language: eb.ref('excluded.language'), at: eb.ref('excluded.at') })))
						.execute(),
		);
	}

	async getMeta(key: string): Promise<string | undefined> {
		const row = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
		return row?.value;
	}

	async setMeta(key: string, value: string): Promise<void> {
		await this.write(() =>
			this.db
				.insertInto('meta')
				.values({ key, value })
				.onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
				.execute(),
		);
	}

	/**
	 * Bumps the knowledge generation: other processes that see a new number rebuild their knowledge base (with
	 * PostgreSQL they are told at once, see {@link watchKnowledge}). Returns the new generation.
	 */
	async bumpKnowledgeGeneration(): Promise<number> {
		return this.write(() => this.db.transaction().execute((trx) => this.bumpIn(trx)));
	}

	/** One statement reads and raises the generation, so two processes bumping at once get two numbers. */
	private async bumpIn(trx: Transaction<Tables>): Promise<number> {
		const row = await trx
			.insertInto('meta')
			.values({ key: KNOWLEDGE_GENERATION, value: '1' })
			.onConflict((oc) => oc.column('key').doUpdateSet({ value: sql<string>`CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)` }))
			.returning('value')
			.executeTakeFirstOrThrow();
		const generation = Number(row.value);
		// Delivered when the transaction commits, and only then: a listener never hears of a change it cannot read yet.
		if (this.backend === 'postgres') await sql`SELECT pg_notify(${KNOWLEDGE_CHANNEL}, ${String(generation)})`.execute(trx);
		return generation;
	}

	async knowledgeGeneration(): Promise<number> {
		return Number((await this.getMeta(KNOWLEDGE_GENERATION)) ?? '0');
	}

	/**
	 * Records a change from Discord (a document added or removed, the curated questions rewritten) and bumps the
	 * knowledge generation, in one transaction; returns the new generation. A removal is a row of its own, and so
	 * is each curated text: what came before stays in the log.
	 */
	async changeKnowledge(change: KnowledgeChange, actor: { id: string; name: string }, at = Date.now()): Promise<number> {
		return this.write(() =>
			this.db.transaction().execute(async (trx) => {
				if (change.kind !== 'curated') {
					await trx
						.insertInto('knowledge_documents')
						.values({
							document_id: change.id,
							action: change.kind,
							file: change.kind === 'add' ? change.file : null,
							content: change.kind === 'add' ? change.content : null,
							actor_id: actor.id,
							actor_name: actor.name,
							at,
						})
						.execute();
				}
				const curated = change.kind === 'curated' ? change.content : change.kind === 'remove' ? change.curated : undefined;
				if (curated !== undefined) await trx.insertInto('knowledge_curated').values({ content: curated, actor_id: actor.id, actor_name: actor.name, at }).execute();
				return this.bumpIn(trx);
			}),
		);
	}

	/** The latest change of every document changed from Discord, and the latest curated text (see {@link KnowledgeLayer}). */
	async knowledgeLayer(): Promise<KnowledgeLayer> {
		// The generation first: should a change land between the two reads, the layer is newer than it says, never older.
		const generation = await this.knowledgeGeneration();
		const rows = await this.db
			.selectFrom('knowledge_documents as k')
			.selectAll('k')
			.where('k.seq', '=', (eb) =>
				eb
					.selectFrom('knowledge_documents as l')
					.whereRef('l.document_id', '=', 'k.document_id')
					.select((sub) => sub.fn.max('l.seq').as('latest')),
			)
			.orderBy('k.document_id')
			.execute();
		const documents: StoredDocument[] = [];
		const removed: string[] = [];
		for (const row of rows) {
			if (row.action === 'remove' || row.file === null || row.content === null) removed.push(row.document_id);
			else documents.push({ id: row.document_id, file: row.file, content: row.content, actorId: row.actor_id, actorName: row.actor_name, at: new Date(Number(row.at)) });
		}
		const curated = await this.db.selectFrom('knowledge_curated').select('content').orderBy('seq', 'desc').limit(1).executeTakeFirst();
		return { generation, documents, removed, ...(curated ? { curated: curated.content } : {}) };
	}

	/**
	 * With PostgreSQL, calls `onChange` whenever any process changes the knowledge base (NOTIFY; the argument is the
	 * new generation), and with null after reconnecting, when notifications may have been missed. Null without
	 * PostgreSQL: there the caller polls {@link knowledgeGeneration}.
	 */
	async watchKnowledge(onChange: (generation: number | null) => void): Promise<Listener | null> {
		if (!this.databaseUrl || this.closed) return null;
		const listener = await listenForKnowledge(this.databaseUrl, onChange, this.onError);
		this.listeners.add(listener);
		return {
			close: async () => {
				this.listeners.delete(listener);
				await listener.close();
			},
		};
	}

	/**
	 * Reads and replaces one flood-control bucket atomically, whichever process asks: `decide` gets the bucket
	 * (`initial` when there was none) and returns the bucket to keep (null: keep it as it was) and its answer.
	 * On PostgreSQL the row is locked for the transaction, so two processes taking a turn at once take two.
	 */
	async withFloodBucket<T>(key: string, initial: FloodBucket, decide: (bucket: FloodBucket) => { next: FloodBucket | null; result: T }): Promise<T> {
		return this.write(() =>
			this.db.transaction().execute(async (trx) => {
				await trx.insertInto('flood_buckets').values({ key, ...initial }).onConflict((oc) => oc.column('key').doNothing()).execute();
				const row = await trx
					.selectFrom('flood_buckets')
					.select(['tokens', 'at'])
					.where('key', '=', key)
					// SQLite's IMMEDIATE transaction holds the whole file already; PostgreSQL locks the row.
					.$if(this.backend === 'postgres', (query) => query.forUpdate())
					.executeTakeFirstOrThrow();
				const { next, result } = decide({ tokens: row.tokens, at: Number(row.at) });
				if (next) await trx.updateTable('flood_buckets').set(next).where('key', '=', key).execute();
				return result;
			}),
		);
	}

	/** Deletes flood-control buckets last touched before `before` (ms since the epoch): full again by then, the same as none. */
	async pruneFloodBuckets(before: number): Promise<void> {
		await this.write(() => this.db.deleteFrom('flood_buckets').where('at', '<', before).execute());
	}

	/** A session's last conversation context (JSON) if it was saved at or after `notBefore` (ms since the epoch). */
	async conversation(session: string, notBefore: number): Promise<string | undefined> {
		const row = await this.db.selectFrom('conversations').select('context').where('session', '=', session).where('updated_at', '>=', notBefore).executeTakeFirst();
		return row?.context;
	}

	/** Saves a session's conversation context, replacing the one before; long-expired ones are swept out meanwhile. */
	async saveConversation(session: string, context: string, at: number): Promise<void> {
		await this.write(() =>
			this.db.transaction().execute(async (trx) => {
				await trx
					.insertInto('conversations')
					.values({ session, updated_at: at, context })
					.onConflict((oc) => oc.column('session').doUpdateSet((eb) => ({ updated_at: eb.ref('excluded.updated_at'), context: eb.ref('excluded.context') })))
					.execute();
				await trx.deleteFrom('conversations').where('updated_at', '<', at - CONVERSATION_RETENTION_MS).execute();
			}),
		);
	}

	/** Closes the database (and any knowledge listener); further calls throw. Safe to call twice. */
	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		await Promise.all([...this.listeners].map((listener) => listener.close()));
		this.listeners.clear();
		await this.db.destroy();
	}
}

/** Up and down votes on one answer, in `db` (a transaction, or the store itself). */
async function tallyOf(db: Kysely<Tables>, answerId: string): Promise<{ up: number; down: number }> {
	const row = await db
		.selectFrom('feedback')
		.where('answer_id', '=', answerId)
		.select((eb) => [
			eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('vote', '=', 1).then(1).else(0).end()), eb.lit(0)).as('up'),
			eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('vote', '=', -1).then(1).else(0).end()), eb.lit(0)).as('down'),
		])
		.executeTakeFirstOrThrow();
	return { up: Number(row.up), down: Number(row.down) };
}

/**
 * The store the environment asks for: PostgreSQL when `DATABASE_URL` is set, otherwise SQLite in `DATA_DIR`.
 *
 * @example
 * const store = await openStore(env, { onError: () => metrics.storeError() });
 */
export async function openStore(settings: { readonly DATA_DIR: string; readonly DATABASE_URL?: string | undefined }, options: StoreOptions = {}): Promise<Store> {
	return settings.DATABASE_URL ? Store.connect(settings.DATABASE_URL, options) : Store.open(settings.DATA_DIR, options);
}
