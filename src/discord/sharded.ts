/**
 * `npm run start:sharded`: runs the bot as several processes with discord.js's ShardingManager,
 * for when one process is not enough (Discord requires sharding from 2,500 servers).
 *
 * Each shard is a child process running `src/main.ts` (discord.js passes the shard ids through
 * the environment). They share the SQLite store under DATA_DIR (WAL mode, busy timeout): feedback,
 * answers behind buttons and the audit log work on any shard, and a `/kb` change on one shard is
 * picked up by the others within 30 seconds. With DATABASE_URL they share PostgreSQL instead, with
 * the processes of other machines too, and a `/kb` change reaches every one of them within a second.
 * On several machines each runs its share: SHARD_IDS (this machine's shards) of TOTAL_SHARDS.
 * Flood control's buckets are per process without PostgreSQL, in the database with it.
 */
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import { config } from 'dotenv';
import { parseEnvOrExit } from '../env.ts';
import { createLogger } from '../logger.ts';
import { databasePassword } from '../store/postgres.ts';

config({ quiet: true });
const env = parseEnvOrExit(process.env);
const logger = createLogger({ level: env.LOG_LEVEL, secrets: [env.DISCORD_TOKEN, ...databasePassword(env.DATABASE_URL)] });
// The children learn their shards from the manager (SHARDS, SHARD_COUNT): this machine's whole list is not theirs.
delete process.env.SHARD_IDS;

const manager = new ShardingManager(fileURLToPath(new URL('../main.ts', import.meta.url)), {
	token: env.DISCORD_TOKEN,
	totalShards: env.TOTAL_SHARDS ?? 'auto',
	// One child per shard this machine runs; all of them when SHARD_IDS is unset.
	shardList: env.SHARD_IDS ? [...env.SHARD_IDS] : 'auto',
	// The children run TypeScript through tsx, like `npm start`.
	execArgv: ['--import', 'tsx'],
	respawn: true,
});
manager.on('shardCreate', (shard) => {
	logger.info({ shardId: shard.id }, 'shard started');
	shard.on('death', () => logger.warn({ shardId: shard.id }, 'shard process exited'));
});
await manager.spawn();

// Pass a stop on to every shard: each one finishes its in-flight work and closes the store.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		logger.info({ signal }, 'stopping shards');
		manager.respawn = false;
		for (const shard of manager.shards.values()) shard.kill();
		setTimeout(() => process.exit(0), 15_000).unref();
	});
}
