import { sql, type ColumnType, type Compilable, type CreateTableBuilder, type Generated, type SchemaModule } from 'kysely';

/** Which database is behind the store: the embedded file, or a server that several processes share. */
export type Backend = 'sqlite' | 'postgres';

/**
 * The tables as Kysely sees them. Times are milliseconds since the epoch (BIGINT on PostgreSQL, read back
 * as numbers); flags are 0/1 integers on both backends, so one query reads the same on either.
 */
export interface Tables {
	answers: {
		id: string;
		created_at: number;
		user_id: string;
		guild_id: string | null;
		channel_id: string | null;
		source: string;
		/** 1 when only the asker saw the answer (`/ask private: True`): never offered to others as they type. */
		private: Generated<number>;
		question: string;
		normalized: string;
		answered: number;
		confidence: number;
		fact_ids: string;
		suggestions: string;
	};
	feedback: { answer_id: string; user_id: string; vote: number; at: number };
	audit: {
		id: Generated<number>;
		at: number;
		actor_id: string;
		actor_name: string;
		action: string;
		target: string | null;
		ok: number;
		detail: string;
	};
	meta: { key: string; value: string };
	language_settings: { scope: string; id: string; language: string; at: number };
	conversations: { session: string; updated_at: number; context: string };
	guild_settings: { guild_id: string; key: string; value: string; at: number };
	gap_resolutions: { normalized: string; resolution: string; fact_id: string | null; actor_id: string; at: number };
	flood_buckets: { key: string; tokens: number; at: number };
	knowledge_documents: {
		seq: Generated<number>;
		document_id: string;
		action: ColumnType<'add' | 'remove', 'add' | 'remove', never>;
		file: string | null;
		content: string | null;
		actor_id: string;
		actor_name: string;
		at: number;
	};
	knowledge_curated: { seq: Generated<number>; content: string; actor_id: string; actor_name: string; at: number };
}

/** One statement of a migration: compiled and run synchronously on SQLite, executed by Kysely's Migrator on PostgreSQL. */
export type MigrationStep = Compilable & { execute(): Promise<void> };

/** One schema change, written once with Kysely's schema builder for both backends. */
export interface Migration {
	/** Its name in PostgreSQL's migration table (ordered by name); on SQLite its position is the `user_version`. */
	readonly name: string;
	steps(schema: SchemaModule, backend: Backend): MigrationStep[];
}

// Column types that read the same on both: SQLite gives BIGINT integer affinity and DOUBLE PRECISION real affinity.
const MILLIS = 'bigint';
const REAL = 'double precision';

/** A counting primary key: SQLite's rowid alias must be spelled INTEGER PRIMARY KEY; PostgreSQL counts with an identity column. */
function serialKey(name: string, backend: Backend) {
	return <TB extends string, CN extends string>(table: CreateTableBuilder<TB, CN>) =>
		table.addColumn(name, backend === 'sqlite' ? 'integer' : 'bigint', (c) =>
			backend === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey().generatedAlwaysAsIdentity(),
		);
}

/**
 * Append only: never edit a migration that has shipped. The first four existed as SQL text for SQLite; existing
 * data folders carry `user_version` 1 to 4 and go on from there, new ones get the same tables from these.
 */
export const MIGRATIONS: readonly Migration[] = [
	{
		name: '0001-answers-feedback-audit-meta',
		steps(schema, backend) {
			return [
				schema
					.createTable('answers')
					.addColumn('id', 'text', (c) => c.primaryKey())
					.addColumn('created_at', MILLIS, (c) => c.notNull())
					.addColumn('user_id', 'text', (c) => c.notNull())
					.addColumn('guild_id', 'text')
					.addColumn('channel_id', 'text')
					.addColumn('source', 'text', (c) => c.notNull())
					.addColumn('question', 'text', (c) => c.notNull())
					.addColumn('normalized', 'text', (c) => c.notNull())
					.addColumn('answered', 'integer', (c) => c.notNull())
					.addColumn('confidence', REAL, (c) => c.notNull())
					.addColumn('fact_ids', 'text', (c) => c.notNull())
					.addColumn('suggestions', 'text', (c) => c.notNull()),
				schema.createIndex('answers_normalized').on('answers').column('normalized'),
				schema.createIndex('answers_unanswered').on('answers').columns(['answered', 'created_at']),
				schema
					.createTable('feedback')
					.addColumn('answer_id', 'text', (c) => c.notNull().references('answers.id').onDelete('cascade'))
					.addColumn('user_id', 'text', (c) => c.notNull())
					.addColumn('vote', 'integer', (c) => c.notNull().check(sql`vote IN (-1, 1)`))
					.addColumn('at', MILLIS, (c) => c.notNull())
					.addPrimaryKeyConstraint('feedback_pk', ['answer_id', 'user_id']),
				schema
					.createTable('audit')
					.$call(serialKey('id', backend))
					.addColumn('at', MILLIS, (c) => c.notNull())
					.addColumn('actor_id', 'text', (c) => c.notNull())
					.addColumn('actor_name', 'text', (c) => c.notNull())
					.addColumn('action', 'text', (c) => c.notNull())
					.addColumn('target', 'text')
					.addColumn('ok', 'integer', (c) => c.notNull())
					.addColumn('detail', 'text', (c) => c.notNull()),
				schema.createIndex('audit_action').on('audit').columns(['action', 'id']),
				schema
					.createTable('meta')
					.addColumn('key', 'text', (c) => c.primaryKey())
					.addColumn('value', 'text', (c) => c.notNull()),
			];
		},
	},
	// The language a person (`/language`) or a server (`/kb settings language`) chose for the bot's messages.
	{
		name: '0002-language-settings',
		steps(schema) {
			return [
				schema
					.createTable('language_settings')
					.addColumn('scope', 'text', (c) => c.notNull().check(sql`scope IN ('user', 'guild')`))
					.addColumn('id', 'text', (c) => c.notNull())
					.addColumn('language', 'text', (c) => c.notNull())
					.addColumn('at', MILLIS, (c) => c.notNull())
					.addPrimaryKeyConstraint('language_settings_pk', ['scope', 'id']),
			];
		},
	},
	// Follow-ups: each session's last turn (JSON), so a conversation survives a restart and works on any shard.
	{
		name: '0003-conversations',
		steps(schema) {
			return [
				schema
					.createTable('conversations')
					.addColumn('session', 'text', (c) => c.primaryKey())
					.addColumn('updated_at', MILLIS, (c) => c.notNull())
					.addColumn('context', 'text', (c) => c.notNull()),
				schema.createIndex('conversations_updated').on('conversations').column('updated_at'),
			];
		},
	},
	// A server's settings beyond its language (`/kb settings`), and what moderators decided about a knowledge gap.
	{
		name: '0004-guild-settings-gap-resolutions',
		steps(schema) {
			return [
				schema
					.createTable('guild_settings')
					.addColumn('guild_id', 'text', (c) => c.notNull())
					.addColumn('key', 'text', (c) => c.notNull())
					.addColumn('value', 'text', (c) => c.notNull())
					.addColumn('at', MILLIS, (c) => c.notNull())
					.addPrimaryKeyConstraint('guild_settings_pk', ['guild_id', 'key']),
				schema
					.createTable('gap_resolutions')
					.addColumn('normalized', 'text', (c) => c.primaryKey())
					.addColumn('resolution', 'text', (c) => c.notNull().check(sql`resolution IN ('dismissed', 'answered')`))
					.addColumn('fact_id', 'text')
					.addColumn('actor_id', 'text', (c) => c.notNull())
					.addColumn('at', MILLIS, (c) => c.notNull()),
			];
		},
	},
	// Documents added and removed from Discord, as a log (a removal is a row, nothing is deleted): with PostgreSQL
	// every process layers the latest row per document over its knowledge folder.
	{
		name: '0005-knowledge-documents',
		steps(schema, backend) {
			return [
				schema
					.createTable('knowledge_documents')
					.$call(serialKey('seq', backend))
					.addColumn('document_id', 'text', (c) => c.notNull())
					.addColumn('action', 'text', (c) => c.notNull().check(sql`action IN ('add', 'remove')`))
					.addColumn('file', 'text')
					.addColumn('content', 'text')
					.addColumn('actor_id', 'text', (c) => c.notNull())
					.addColumn('actor_name', 'text', (c) => c.notNull())
					.addColumn('at', MILLIS, (c) => c.notNull())
					.addCheckConstraint('knowledge_documents_added_has_content', sql`action = 'remove' OR (file IS NOT NULL AND content IS NOT NULL)`),
				schema.createIndex('knowledge_documents_latest').on('knowledge_documents').columns(['document_id', 'seq']),
			];
		},
	},
	// Flood control's token buckets, with PostgreSQL: one bucket per user wherever the interaction lands.
	{
		name: '0006-flood-buckets',
		steps(schema) {
			return [
				schema
					.createTable('flood_buckets')
					.addColumn('key', 'text', (c) => c.primaryKey())
					.addColumn('tokens', REAL, (c) => c.notNull())
					.addColumn('at', MILLIS, (c) => c.notNull()),
				schema.createIndex('flood_buckets_at').on('flood_buckets').column('at'),
			];
		},
	},
	// Autocomplete reads the answered questions of one server, or of one person outside any server, every few seconds.
	{
		name: '0007-answers-scope',
		steps(schema) {
			return [schema.createIndex('answers_scope').on('answers').columns(['guild_id', 'user_id'])];
		},
	},
	// Answers only their asker saw: a server's autocomplete leaves their questions out.
	{
		name: '0008-answers-private',
		steps(schema) {
			return [schema.alterTable('answers').addColumn('private', 'integer', (c) => c.notNull().defaultTo(0))];
		},
	},
	// Moderators' curated questions (`curated.yaml`'s text), with PostgreSQL: every process serves the latest version
	// instead of its own folder's file. A log like knowledge_documents: each version a row, nothing overwritten.
	{
		name: '0009-knowledge-curated',
		steps(schema, backend) {
			return [
				schema
					.createTable('knowledge_curated')
					.$call(serialKey('seq', backend))
					.addColumn('content', 'text', (c) => c.notNull())
					.addColumn('actor_id', 'text', (c) => c.notNull())
					.addColumn('actor_name', 'text', (c) => c.notNull())
					.addColumn('at', MILLIS, (c) => c.notNull()),
			];
		},
	},
];
