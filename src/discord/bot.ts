import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActivityType, Client, Events, GatewayIntentBits, Partials, Status, type AnyThreadChannel, type ClientOptions, type Interaction, type Message } from 'discord.js';
import type { DestinationStream } from 'pino';
import type { Env } from '../env.ts';
import { createLogger, type Logger } from '../logger.ts';
import { healthPortFor, startHealthServer, type HealthServer } from '../observability/health.ts';
import { Metrics } from '../observability/metrics.ts';
import { databasePassword, redactDatabaseUrl, type Listener } from '../store/postgres.ts';
import { openStore, type StoreOptions } from '../store/store.ts';
import { FloodControl } from './floodControl.ts';
import * as interactionCreate from './events/interactionCreate.ts';
import * as messageCreate from './events/messageCreate.ts';
import * as threadCreate from './events/threadCreate.ts';
import { KnowledgeHolder, STARTUP_ACTOR } from './knowledge.ts';
import { loadCommands, COMMANDS_DIR } from './registry.ts';
import { notice } from './replies.ts';
import { removeStaleTemporaries } from './uploads.ts';
import type { BotContext } from './types.ts';

export interface StartOptions {
	/** Log destination (tests collect lines); stdout by default. */
	logDestination?: DestinationStream;
	/** Install SIGINT/SIGTERM and unhandled-rejection handlers (default true; tests pass false). */
	handleSignals?: boolean;
	/** Where command modules live (default: the project's `commands/`). */
	commandsDir?: string;
	/**
	 * How often to check whether another process (shard) changed the knowledge base. With PostgreSQL each change
	 * is announced at once (LISTEN/NOTIFY) and this poll only backs that up.
	 */
	syncIntervalMs?: number;
	/** How long shutdown waits for in-flight work. */
	drainTimeoutMs?: number;
	/** Store tuning (lock wait, back-off after a failed write); the defaults suit production. */
	store?: StoreOptions;
	/** Called once the health server listens (HEALTH_PORT set), before login: tests probe it from then on. */
	onHealthListening?: (health: HealthServer) => void;
}

export interface BotHandle {
	readonly client: Client;
	readonly ctx: BotContext;
	/** The health and metrics server; null without HEALTH_PORT. */
	readonly health: HealthServer | null;
	/** Graceful stop: refuse new work, finish in-flight, destroy the client, close the store. */
	stop(reason?: string): Promise<void>;
}

function packageVersion(): string {
	try {
		const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
		return pkg.version ?? '0.0.0';
	} catch {
		return '0.0.0';
	}
}

/** Intents the bot needs; MessageContent only when asked for (it is privileged). */
export function botIntents(env: Pick<Env, 'MESSAGE_CONTENT_INTENT'>): GatewayIntentBits[] {
	return [
		GatewayIntentBits.Guilds,
		// Mentions of the bot in server channels (their content arrives without MessageContent).
		GatewayIntentBits.GuildMessages,
		GatewayIntentBits.DirectMessages,
		...(env.MESSAGE_CONTENT_INTENT ? [GatewayIntentBits.MessageContent] : []),
	];
}

/** discord.js options: DM partials, no pings by default, and a REST base for local tests. */
export function clientOptions(env: Env): ClientOptions {
	return {
		intents: botIntents(env),
		// DM channels are not cached before their first message: without this, DMs are dropped.
		partials: [Partials.Channel],
		allowedMentions: { parse: [], repliedUser: false },
		// The line under the bot's name in the member list: where to start.
		presence: { activities: [{ type: ActivityType.Custom, name: 'help', state: 'Questions about the documents? Type /help' }] },
		...(env.DISCORD_API_URL ? { rest: { api: env.DISCORD_API_URL } } : {}),
		// This process's share of the shards on several machines. Under `start:sharded` discord.js's ShardingManager
		// hands each child its shards through the environment instead (and sharded.ts keeps SHARD_IDS from them).
		...(env.SHARD_IDS && env.TOTAL_SHARDS !== undefined ? { shards: [...env.SHARD_IDS], shardCount: env.TOTAL_SHARDS } : {}),
	};
}

/**
 * Starts the Discord bot: store, knowledge base, commands, client; resolves once connected.
 *
 * @example
 * const env = parseEnvOrExit(process.env);
 * const bot = await startBot(env);
 */
export async function startBot(env: Env, options: StartOptions = {}): Promise<BotHandle> {
	const logger: Logger = createLogger({ level: env.LOG_LEVEL, secrets: [env.DISCORD_TOKEN, ...databasePassword(env.DATABASE_URL)], destination: options.logDestination });
	const metrics = new Metrics();
	const store = await openStore(env, { ...options.store, onError: () => metrics.storeError() });
	logger.info(env.DATABASE_URL ? { store: 'postgres', database: redactDatabaseUrl(env.DATABASE_URL) } : { store: 'sqlite', dataDir: env.DATA_DIR }, 'store opened');
	// With PostgreSQL, documents added from Discord live in the database, layered over the folder, for every process.
	const knowledge = new KnowledgeHolder(env.KNOWLEDGE_DIR, (result) => metrics.refresh(result.ok), store.shared ? () => store.knowledgeLayer() : undefined);
	let knowledgeListener: Listener | null = null;
	let client: Client | null = null;
	let accepting = true;
	let health: HealthServer | null = null;
	let syncTimer: NodeJS.Timeout | null = null;
	const cleanupSignals: (() => void)[] = [];
	metrics.watch({
		knowledge: () => {
			const kb = knowledge.current;
			return kb && { documents: kb.documents.length, facts: kb.facts.length };
		},
		gatewayPingMs: () => client?.ws.ping ?? null,
	});
	try {
		// Listening before the knowledge base loads and the gateway connects, so a supervisor sees "alive, not ready yet".
		if (env.HEALTH_PORT !== undefined) {
			health = await startHealthServer({
				host: env.HEALTH_HOST,
				port: healthPortFor(env.HEALTH_PORT, process.env.SHARDS),
				metrics,
				logger,
				readiness: async () => ({
					gateway: accepting && client !== null && client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
					knowledge: knowledge.current !== null,
					store: await store.reachable(),
				}),
			});
			options.onHealthListening?.(health);
		}
		// A process killed mid-upload may have left a temporary file: old or new document stands, the rest goes.
		for (const dir of [env.KNOWLEDGE_DIR, join(env.DATA_DIR, 'removed')]) {
			const removed = await removeStaleTemporaries(dir);
			if (removed.length > 0) logger.warn({ dir, removed }, 'removed temporary files left by an interrupted write');
		}
		// Another process (shard, machine) may change the knowledge base: rebuild when the store's generation moves.
		const syncFromOtherProcesses = async (): Promise<void> => {
			try {
				const result = await knowledge.sync({ id: 'sync', name: 'another process' }, () => store.knowledgeGeneration());
				if (result) logger.info({ ok: result.ok, generation: knowledge.generation }, 'knowledge base synced from another process');
			} catch (error) {
				metrics.storeError();
				logger.error({ err: error }, 'knowledge sync failed');
			}
		};
		// Listening before the first load, so that a change made while it runs is not missed.
		knowledgeListener = await store.watchKnowledge(() => void syncFromOtherProcesses());
		if (!store.shared) knowledge.generation = await store.knowledgeGeneration();
		const startup = STARTUP_ACTOR;
		const { problems } = await knowledge.load(startup);
		for (const problem of problems) logger.warn(problem, 'knowledge file skipped');
		const build = knowledge.lastBuild;
		if (build) logger.info({ documents: build.documents, facts: build.facts, ms: build.ms }, 'knowledge base loaded');
		else logger.error({ directory: env.KNOWLEDGE_DIR }, 'no usable knowledge base: answering is off until /kb refresh succeeds');
		await store.audit({
			actorId: startup.id,
			actorName: startup.name,
			action: 'startup',
			target: null,
			ok: build !== null,
			detail: { documents: build?.documents ?? 0, facts: build?.facts ?? 0, ms: build?.ms ?? 0, problems },
		});

		const { commands, problems: commandProblems } = await loadCommands(options.commandsDir ?? COMMANDS_DIR);
		for (const problem of commandProblems) logger.warn(problem, 'command module skipped');
		logger.info({ commands: [...commands.keys()] }, 'commands loaded');

		const ctx: BotContext = {
			env,
			logger,
			store,
			knowledge,
			metrics,
			// With PostgreSQL one bucket per user for every process and machine; else this process's own.
			flood: new FloodControl({ burst: env.ASK_BURST, refillMs: env.ASK_REFILL_SECONDS * 1000 }, Date.now, store.shared ? store : undefined),
			commands,
			version: packageVersion(),
			startedAt: new Date(),
		};

		const liveClient = new Client(clientOptions(env));
		client = liveClient;
		const inFlight = new Set<Promise<unknown>>();
		const track = (work: Promise<unknown>) => {
			inFlight.add(work);
			void work.finally(() => inFlight.delete(work));
		};

		liveClient.on(interactionCreate.name, (interaction: Interaction) => {
			if (!accepting) {
				if (interaction.isRepliable()) {
					track(interaction.reply(notice('I am restarting; please try again in a minute.')).catch(() => undefined));
				}
				return;
			}
			const received = performance.now();
			// Autocomplete is no reply to a person's request; commands and buttons are.
			const kind = interaction.isCommand() ? 'command' : interaction.isMessageComponent() ? 'component' : null;
			track(
				interactionCreate
					.execute(interaction, ctx)
					.catch((error: unknown) => logger.error({ err: error }, 'interaction event failed'))
					.finally(() => kind && metrics.reply(kind, (performance.now() - received) / 1000)),
			);
		});
		liveClient.on(messageCreate.name, (message: Message) => {
			if (!accepting) return;
			track(messageCreate.execute(message, ctx).catch((error: unknown) => logger.error({ err: error }, 'message event failed')));
		});
		// New posts in the moderators' help forum (threads arrive with the Guilds intent).
		liveClient.on(threadCreate.name, (thread: AnyThreadChannel, newlyCreated: boolean) => {
			if (!accepting) return;
			track(threadCreate.execute(thread, newlyCreated, ctx).catch((error: unknown) => logger.error({ err: error }, 'thread event failed')));
		});
		liveClient.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
		liveClient.on(Events.Warn, (message) => logger.warn({ message }, 'discord client warning'));
		liveClient.on(Events.ShardDisconnect, (event, shardId) => logger.warn({ shardId, code: event.code }, 'gateway disconnected'));
		liveClient.on(Events.ShardReconnecting, (shardId) => logger.info({ shardId }, 'gateway reconnecting'));
		liveClient.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'gateway resumed'));
		liveClient.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'));

		const ready = new Promise<void>((resolve) => liveClient.once(Events.ClientReady, () => resolve()));
		try {
			await liveClient.login(env.DISCORD_TOKEN);
		} catch (error) {
			const message = (error as Error).message ?? String(error);
			logger.error({ err: error }, 'discord login failed');
			throw new Error(
				/token|auth|401|4004/i.test(message)
					? 'Discord refused the login: DISCORD_TOKEN is invalid or was reset (the value is not shown).'
					: `Could not connect to Discord: ${message}`,
				{ cause: error },
			);
		}
		await ready;
		logger.info({ user: liveClient.user?.tag, applicationId: liveClient.application?.id, guilds: liveClient.guilds.cache.size }, 'bot ready');

		syncTimer = setInterval(() => void syncFromOtherProcesses(), options.syncIntervalMs ?? 30_000);
		syncTimer.unref();

		let stopping: Promise<void> | null = null;
		const stop = (reason = 'stop requested'): Promise<void> => {
			stopping ??= (async () => {
				logger.info({ reason, inFlight: inFlight.size }, 'shutting down');
				accepting = false;
				if (syncTimer) clearInterval(syncTimer);
				await knowledgeListener?.close();
				const drain = Promise.allSettled([...inFlight]);
				let timer: NodeJS.Timeout | undefined;
				const timeout = new Promise<void>((resolve) => {
					timer = setTimeout(resolve, options.drainTimeoutMs ?? 10_000);
				});
				await Promise.race([drain, timeout]);
				clearTimeout(timer);
				// Wait for a queued refresh or upload to finish writing before closing the store.
				await Promise.race([knowledge.exclusive(async () => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
				await liveClient.destroy().catch((error: unknown) => logger.warn({ err: error }, 'client destroy failed'));
				// Closed last but for the store: scrapes and probes still see the drain (ready: false) until the end.
				await health?.close();
				await store.close();
				for (const cleanup of cleanupSignals) cleanup();
				logger.info('stopped');
			})();
			return stopping;
		};

		if (options.handleSignals ?? true) {
			for (const signal of ['SIGINT', 'SIGTERM'] as const) {
				const onSignal = () => {
					void stop(signal).then(
						() => process.exit(0),
						(error: unknown) => {
							logger.fatal({ err: error }, 'shutdown failed');
							process.exit(1);
						},
					);
				};
				process.once(signal, onSignal);
				cleanupSignals.push(() => process.off(signal, onSignal));
			}
			const onRejection = (reason: unknown) => logger.error({ err: reason }, 'unhandled rejection');
			process.on('unhandledRejection', onRejection);
			cleanupSignals.push(() => process.off('unhandledRejection', onRejection));
		}

		return { client: liveClient, ctx, health, stop };
	} catch (error) {
		if (syncTimer) clearInterval(syncTimer);
		await knowledgeListener?.close();
		for (const cleanup of cleanupSignals) cleanup();
		await client?.destroy().catch(() => undefined);
		await health?.close();
		await store.close();
		throw error;
	}
}
