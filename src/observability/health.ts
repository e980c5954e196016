/**
 * The health and metrics server (HEALTH_PORT): `/healthz`, `/readyz` and `/metrics` for a
 * supervisor (Docker's HEALTHCHECK, Kubernetes probes) and a Prometheus scraper.
 *
 * Node's own `http`: three read-only routes need no framework.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logger.ts';
import type { Metrics } from './metrics.ts';

/** What `/readyz` checks: each must hold for the bot to be worth sending traffic to. */
export interface ReadinessChecks {
	/** Logged in to the gateway, every shard connected, and not shutting down. */
	gateway: boolean;
	/** A knowledge base is loaded (otherwise every question gets "not available"). */
	knowledge: boolean;
	/** The store answers a query and is not pausing writes after a failure. */
	store: boolean;
}

export interface HealthServerOptions {
	host: string;
	/** 0 asks the system for a free port (tests); {@link HealthServer.url} tells which. */
	port: number;
	metrics: Metrics;
	/** Called on every `/readyz`: cheap checks only (a probe may come every few seconds). */
	readiness(): ReadinessChecks | Promise<ReadinessChecks>;
	logger: Logger;
}

export interface HealthServer {
	/** Base URL, e.g. `http://127.0.0.1:9464`. */
	readonly url: string;
	readonly port: number;
	/** Stops listening and drops open connections (a scraper's keep-alive must not hold up shutdown). */
	close(): Promise<void>;
}

const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
	const text = `${JSON.stringify(body)}\n`;
	res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
	res.end(res.req.method === 'HEAD' ? undefined : text);
};

/** The `/readyz` answer: 200 when every check holds, else 503 naming what is missing. */
export function readinessResponse(checks: ReadinessChecks): { status: 200 | 503; body: { ready: boolean; missing: string[]; checks: ReadinessChecks } } {
	const missing = Object.entries(checks)
		.filter(([, ok]) => !ok)
		.map(([name]) => name);
	return { status: missing.length === 0 ? 200 : 503, body: { ready: missing.length === 0, missing, checks } };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: HealthServerOptions): Promise<void> {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { allow: 'GET, HEAD' });
		res.end();
		return;
	}
	// Probes may add query strings (cache busters); only the path routes.
	const path = (req.url ?? '/').split('?')[0];
	switch (path) {
		case '/healthz':
			// Alive means this event loop answers: nothing else is checked, so a supervisor restarts only a hung process.
			sendJson(res, 200, { status: 'ok' });
			return;
		case '/readyz': {
			let checks: ReadinessChecks;
			try {
				checks = await options.readiness();
			} catch (error) {
				options.logger.warn({ err: error }, 'readiness check failed');
				checks = { gateway: false, knowledge: false, store: false };
			}
			const { status, body } = readinessResponse(checks);
			sendJson(res, status, body);
			return;
		}
		case '/metrics': {
			const text = await options.metrics.render();
			res.writeHead(200, { 'content-type': options.metrics.contentType, 'cache-control': 'no-store' });
			res.end(req.method === 'HEAD' ? undefined : text);
			return;
		}
		default:
			sendJson(res, 404, { error: 'not found', routes: ['/healthz', '/readyz', '/metrics'] });
	}
}

/**
 * Starts the server; resolves once it listens.
 *
 * @throws when the port cannot be bound (in use, not permitted), naming host and port.
 * @example
 * const health = await startHealthServer({ host: '127.0.0.1', port: 9464, metrics, readiness, logger });
 * await health.close();
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
	const server = createServer((req, res) => {
		handle(req, res, options).catch((error: unknown) => {
			options.logger.error({ err: error, path: req.url?.slice(0, 100) }, 'health server request failed');
			if (!res.headersSent) res.writeHead(500);
			res.end();
		});
	});
	// Probes are tiny: a slow or idle client should not keep a socket for minutes.
	server.headersTimeout = 5_000;
	server.requestTimeout = 10_000;
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve, reject) => {
		const onError = (error: NodeJS.ErrnoException) => {
			reject(new Error(`health server could not listen on ${options.host}:${options.port}: ${error.code ?? error.message}`));
		};
		server.once('error', onError);
		server.listen(options.port, options.host, () => {
			server.off('error', onError);
			resolve();
		});
	});
	server.on('error', (error) => options.logger.error({ err: error }, 'health server error'));
	// Nothing the bot must finish waits on this server: it never keeps the process alive by itself.
	server.unref();
	const { port, address, family } = server.address() as AddressInfo;
	const host = family === 'IPv6' ? `[${address}]` : address;
	const url = `http://${host}:${port}`;
	options.logger.info({ url }, 'health server listening');
	let closing: Promise<void> | null = null;
	return {
		url,
		port,
		close() {
			closing ??= new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
			return closing;
		},
	};
}

/**
 * The port for this process. Under `npm run start:sharded` every shard process gets the same
 * environment, so each takes HEALTH_PORT plus its first shard id (shard 0 on 9464, shard 1 on
 * 9465, …) instead of all but one failing to bind. Port 0 stays 0: the system picks.
 */
export function healthPortFor(port: number, shardsEnv: string | undefined): number {
	if (port === 0 || !shardsEnv) return port;
	// discord.js sets SHARDS to JSON: a number (ShardingManager) or an array of them.
	let parsed: unknown;
	try {
		parsed = JSON.parse(shardsEnv);
	} catch {
		return port;
	}
	const first: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
	return typeof first === 'number' && Number.isInteger(first) && first > 0 && port + first <= 65535 ? port + first : port;
}
