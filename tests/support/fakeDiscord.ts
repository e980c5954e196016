/**
 * A Discord-compatible server on loopback, for end-to-end tests of the real discord.js client:
 * REST under `/api/v10` and a JSON gateway over WebSocket.
 *
 * It speaks just enough of the protocol for a bot: HELLO, IDENTIFY → READY (+ GUILD_CREATE),
 * heartbeat ACK, RESUME (with replay of missed events), and dispatching INTERACTION_CREATE /
 * MESSAGE_CREATE. Every REST call is recorded, so tests assert on what the bot sent.
 *
 * @example
 * const discord = await startFakeDiscord({ token });
 * // new Client({ rest: { api: discord.apiUrl } }).login(token)
 * const { token: t } = discord.interact(discord.payloads.slash('ask', [{ name: 'question', type: 3, value: 'hi' }]));
 * const reply = await discord.waitForCall((call) => call.path.includes(t));
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One REST request the bot made. */
export interface RecordedCall {
	method: string;
	/** Path under `/api/v10`, e.g. `/interactions/1/tok/callback`; or the full path for non-API routes. */
	path: string;
	query: Record<string, string>;
	/** Parsed JSON body (or the `payload_json` part of a multipart body); null when none. */
	body: any;
	headers: Record<string, string | string[] | undefined>;
	at: number;
	status: number;
	/** What the server answered (a posted message with its id, say); undefined when no body. */
	response?: any;
}

/** A canned REST response, for fault injection (429, 500, …). */
export interface FakeResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * The request still takes effect (routed as usual) but this response is returned instead:
	 * Discord did the work, then the reply was lost (a 500 or a timeout on the way back).
	 */
	applied?: boolean;
}

/** Returns a response to short-circuit the request, or undefined to let it through. */
export type Interceptor = (call: Omit<RecordedCall, 'status' | 'response'>) => FakeResponse | undefined;

/** Discord's interaction contexts: a server channel, the bot's DM, another private channel (user-installed apps). */
export const CONTEXTS = { guild: 0, botDm: 1, privateChannel: 2 } as const;

export interface FakeUser {
	id: string;
	username: string;
	/** Role ids in the test guild. */
	roles?: string[];
	/** Computed permissions bitfield, as Discord sends it for interactions. */
	permissions?: bigint;
}

export interface FakeDiscordOptions {
	/** The only token accepted (REST `Authorization: Bot …` and gateway IDENTIFY). */
	token: string;
	applicationId?: string;
	/** Extra roles created in the test guild, by id. */
	roles?: { id: string; name: string; permissions?: bigint }[];
	/** Gateway heartbeat interval sent in HELLO. */
	heartbeatIntervalMs?: number;
}

/** Where an interaction comes from (see `payloads.interaction`). */
export interface InteractionOptions {
	user?: FakeUser;
	/** In the bot's DM with the user. */
	dm?: boolean;
	/** In a group DM or someone else's DM: a user-installed app there (context 2). */
	privateChannel?: boolean;
	/** In the guild's thread instead of its channel. */
	thread?: boolean;
	/** In the guild, through the user's own install of the app rather than the server's. */
	userInstall?: boolean;
	message?: unknown;
}

const EPOCH = 1_420_070_400_000n;
let increment = 0n;
/** A fresh, increasing snowflake. */
export function snowflake(): string {
	increment = (increment + 1n) % 4096n;
	return (((BigInt(Date.now()) - EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** Permission bits used in tests. */
export const PERMISSIONS = {
	none: 0n,
	member: (1n << 10n) | (1n << 11n) | (1n << 31n), // ViewChannel | SendMessages | UseApplicationCommands
	manageGuild: 1n << 5n,
	administrator: 1n << 3n,
} as const;

interface Session {
	id: string;
	socket: WebSocket | null;
	seq: number;
	events: { s: number; t: string; d: unknown }[];
}

const json = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void => {
	if (status === 204 || body === undefined) {
		res.writeHead(status, headers);
		res.end();
		return;
	}
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(text);
};

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
	if (raw.length === 0) return null;
	const text = raw.toString('utf8');
	if (contentType?.startsWith('multipart/form-data')) {
		const match = /name="payload_json"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(text);
		return match ? JSON.parse(match[1]!) : { multipart: true };
	}
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Starts the server on 127.0.0.1 with a random port. */
export async function startFakeDiscord(options: FakeDiscordOptions) {
	const applicationId = options.applicationId ?? '900000000000000001';
	const botUser = {
		id: applicationId,
		username: 'ombudsbot',
		discriminator: '0',
		global_name: 'Ombudsbot',
		avatar: null,
		bot: true,
		flags: 0,
	};
	const guildId = '910000000000000001';
	const channelId = '920000000000000001';
	/** A public thread under the general channel, known from GUILD_CREATE. */
	const threadId = '920000000000000002';
	/** A forum channel (type 15): each post is a thread under it. */
	const forumId = '920000000000000003';
	/** Application commands as registered, by scope: 'global' or a guild id. */
	const registered = new Map<string, any[]>();
	const roles = [
		{ id: guildId, name: '@everyone', permissions: PERMISSIONS.member },
		...(options.roles ?? []).map((role) => ({ ...role, permissions: role.permissions ?? PERMISSIONS.member })),
	];
	const calls: RecordedCall[] = [];
	const interceptors: Interceptor[] = [];
	const files = new Map<string, { body: Uint8Array; contentType: string }>();
	const sessions = new Map<string, Session>();
	const waiters = new Set<{ predicate: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }>();
	const messages = new Map<string, any>();
	let identifies = 0;
	/** The `d` of every IDENTIFY received (token and all: tests read its presence). */
	const identifyPayloads: any[] = [];
	let resumes = 0;
	/** IDENTIFYs waiting while {@link holdIdentify} holds the gateway: the bot stays "not logged in". */
	let heldIdentifies: (() => void)[] | null = null;

	const userPayload = (user: FakeUser) => ({
		id: user.id,
		username: user.username,
		discriminator: '0',
		global_name: user.username,
		avatar: null,
		flags: 0,
	});

	/** A message shaped as Discord sends it: `body` gives its content, embeds, components and flags. */
	const messageShape = (id: string, channel: string, author: unknown, body: any, extra: Record<string, unknown> = {}) => ({
		id,
		type: 0,
		channel_id: channel,
		author,
		content: body?.content ?? '',
		embeds: body?.embeds ?? [],
		components: body?.components ?? [],
		attachments: [],
		mentions: [],
		mention_roles: [],
		mention_everyone: false,
		pinned: false,
		tts: false,
		timestamp: new Date().toISOString(),
		edited_timestamp: null,
		flags: body?.flags ?? 0,
		...extra,
	});
	/** A message the bot posted. */
	const botMessage = (id: string, channel: string, body: any, extra: Record<string, unknown> = {}) => messageShape(id, channel, botUser, body, extra);

	const message = (channel: string, body: any, extra: Record<string, unknown> = {}) => {
		const msg = botMessage(snowflake(), channel, body, extra);
		messages.set(msg.id, msg);
		return msg;
	};

	/** Remembers which channel each interaction came from, so webhook replies land there. */
	const interactionChannels = new Map<string, string>();
	/** Interactions that already got their initial response (callback). */
	const acknowledged = new Set<string>();

	function route(method: string, path: string, body: any, query: Record<string, string>): FakeResponse {
		let m: RegExpExecArray | null;
		if (method === 'GET' && path === '/gateway/bot') {
			return {
				status: 200,
				body: {
					url: gatewayUrl,
					shards: 1,
					session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
				},
			};
		}
		if (method === 'GET' && path === '/gateway') return { status: 200, body: { url: gatewayUrl } };
		if (method === 'GET' && path === '/users/@me') return { status: 200, body: botUser };
		if (method === 'GET' && path === '/applications/@me') {
			return { status: 200, body: { id: applicationId, name: 'Ombudsbot', flags: 0, bot_public: true } };
		}
		if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
			// Discord accepts one initial response per interaction; a second one is refused.
			if (acknowledged.has(m[1]!)) {
				return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
			}
			acknowledged.add(m[1]!);
			const withResponse = query.with_response === 'true';
			if (!withResponse) return { status: 204 };
			const channel = interactionChannels.get(m[2]!) ?? channelId;
			const msg = body?.data ? message(channel, body.data, { interaction_metadata: { id: m[1] } }) : null;
			return {
				status: 200,
				body: {
					interaction: { id: m[1], type: 2, response_message_loading: body?.type === 5, response_message_ephemeral: false },
					resource: msg ? { type: body.type, message: msg } : { type: body?.type },
				},
			};
		}
		if ((m = /^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/.exec(path))) {
			const channel = interactionChannels.get(m[2]!) ?? channelId;
			if (method === 'DELETE') return { status: 204 };
			return { status: 200, body: message(channel, body ?? {}, { webhook_id: applicationId, application_id: applicationId }) };
		}
		if ((m = /^\/webhooks\/(\d+)\/([^/]+)$/.exec(path)) && method === 'POST') {
			const channel = interactionChannels.get(m[2]!) ?? channelId;
			return { status: 200, body: message(channel, body ?? {}, { webhook_id: applicationId, application_id: applicationId }) };
		}
		if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && method === 'POST') {
			return { status: 200, body: message(m[1]!, body ?? {}, body?.message_reference ? { type: 19 } : {}) };
		}
		if (/^\/channels\/(\d+)\/typing$/.test(path) && method === 'POST') return { status: 204 };
		if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === 'PUT') {
			const list = Array.isArray(body) ? body : [];
			const stored = list.map((command: any) => ({
				id: snowflake(),
				application_id: m![1],
				...(m![2] ? { guild_id: m![2] } : {}),
				version: snowflake(),
				type: 1,
				default_member_permissions: null,
				...command,
			}));
			registered.set(m[2] ?? 'global', stored);
			return { status: 200, body: stored };
		}
		if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) && method === 'GET') {
			return { status: 200, body: registered.get(m[2] ?? 'global') ?? [] };
		}
		if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands\/(\d+)$/.exec(path)) && method === 'DELETE') {
			const scope = m[2] ?? 'global';
			const list = registered.get(scope) ?? [];
			if (!list.some((command) => command.id === m![3])) return { status: 404, body: { message: 'Unknown application command', code: 10063 } };
			registered.set(scope, list.filter((command) => command.id !== m![3]));
			return { status: 204 };
		}
		if (method === 'GET' && path === '/users/@me/guilds') {
			return { status: 200, body: [{ id: guildId, name: 'Test Guild', icon: null, owner: false, permissions: '0', features: [] }] };
		}
		if ((m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)) && method === 'GET') {
			const found = messages.get(m[2]!);
			return found && found.channel_id === m[1] ? { status: 200, body: found } : { status: 404, body: { message: 'Unknown Message', code: 10008 } };
		}
		return { status: 404, body: { message: '404: Not Found', code: 0 } };
	}

	const http = createServer((req, res) => {
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const raw = await readBody(req);
			if (url.pathname.startsWith('/attachments/')) {
				const file = files.get(url.pathname);
				calls.push({ method: req.method ?? 'GET', path: url.pathname, query: {}, body: null, headers: req.headers, at: Date.now(), status: file ? 200 : 404 });
				if (!file) return json(res, 404, { message: 'Not Found' });
				res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.body.byteLength) });
				res.end(Buffer.from(file.body));
				return;
			}
			const path = url.pathname.replace(/^\/api(\/v\d+)?/, '');
			const call: Omit<RecordedCall, 'status' | 'response'> = {
				method: req.method ?? 'GET',
				path,
				query: Object.fromEntries(url.searchParams),
				body: parseBody(raw, req.headers['content-type']),
				headers: req.headers,
				at: Date.now(),
			};
			const needsAuth = !/^\/(interactions|webhooks)\//.test(path);
			let response: FakeResponse | undefined;
			if (needsAuth && req.headers.authorization !== `Bot ${options.token}`) {
				response = { status: 401, body: { message: '401: Unauthorized', code: 0 } };
			}
			for (const interceptor of interceptors) {
				if (response) break;
				response = interceptor(call);
			}
			if (response?.applied) route(call.method, path, call.body, call.query);
			response ??= route(call.method, path, call.body, call.query);
			const recorded: RecordedCall = { ...call, status: response.status, response: response.body };
			calls.push(recorded);
			for (const waiter of [...waiters]) {
				if (waiter.predicate(recorded)) {
					waiters.delete(waiter);
					waiter.resolve(recorded);
				}
			}
			json(res, response.status, response.body, response.headers);
		})().catch((error: unknown) => {
			json(res, 500, { message: String(error), code: 0 });
		});
	});

	const wss = new WebSocketServer({ noServer: true });
	http.on('upgrade', (req, socket, head) => {
		if (!req.url?.startsWith('/gateway')) {
			socket.destroy();
			return;
		}
		wss.handleUpgrade(req, socket, head, (ws) => onSocket(ws));
	});

	const send = (ws: WebSocket, payload: unknown): void => {
		if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
	};

	const guildPayload = () => ({
		id: guildId,
		name: 'Test Guild',
		icon: null,
		splash: null,
		discovery_splash: null,
		owner_id: '930000000000000009',
		afk_channel_id: null,
		afk_timeout: 300,
		verification_level: 0,
		default_message_notifications: 0,
		explicit_content_filter: 0,
		roles: roles.map((role, position) => ({
			id: role.id,
			name: role.name,
			color: 0,
			hoist: false,
			icon: null,
			unicode_emoji: null,
			position,
			permissions: role.permissions.toString(),
			managed: false,
			mentionable: false,
			flags: 0,
		})),
		emojis: [],
		features: [],
		mfa_level: 0,
		application_id: null,
		system_channel_id: null,
		system_channel_flags: 0,
		rules_channel_id: null,
		vanity_url_code: null,
		description: null,
		banner: null,
		premium_tier: 0,
		preferred_locale: 'en-US',
		public_updates_channel_id: null,
		nsfw_level: 0,
		stickers: [],
		premium_progress_bar_enabled: false,
		joined_at: new Date().toISOString(),
		large: false,
		unavailable: false,
		member_count: 2,
		voice_states: [],
		members: [{ user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
		channels: [
			{ id: channelId, type: 0, guild_id: guildId, name: 'general', position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null },
			{ id: forumId, type: 15, guild_id: guildId, name: 'help', position: 1, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, available_tags: [], default_reaction_emoji: null, default_sort_order: null, default_forum_layout: 0, flags: 0 },
		],
		threads: [threadPayload(threadId, channelId, 'a thread', '930000000000000001')],
		presences: [],
		stage_instances: [],
		guild_scheduled_events: [],
		soundboard_sounds: [],
	});

	/** A public thread (type 11) as Discord sends it, under `parent`. */
	function threadPayload(id: string, parent: string, name: string, ownerId: string, extra: Record<string, unknown> = {}) {
		return {
			id,
			type: 11,
			guild_id: guildId,
			parent_id: parent,
			owner_id: ownerId,
			name,
			last_message_id: null,
			message_count: 0,
			member_count: 1,
			rate_limit_per_user: 0,
			flags: 0,
			total_message_sent: 0,
			applied_tags: [],
			thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false, create_timestamp: new Date().toISOString() },
			...extra,
		};
	}

	function dispatchTo(session: Session, t: string, d: unknown): void {
		session.seq += 1;
		session.events.push({ s: session.seq, t, d });
		if (session.events.length > 5_000) session.events.shift();
		if (session.socket) send(session.socket, { op: 0, t, s: session.seq, d });
	}

	function onSocket(ws: WebSocket): void {
		let session: Session | null = null;
		send(ws, { op: 10, d: { heartbeat_interval: options.heartbeatIntervalMs ?? 41_250 } });
		ws.on('message', (raw) => {
			let payload: any;
			try {
				payload = JSON.parse((Array.isArray(raw) ? Buffer.concat(raw) : Buffer.isBuffer(raw) ? raw : Buffer.from(new Uint8Array(raw))).toString());
			} catch {
				ws.close(4002, 'Decode error');
				return;
			}
			switch (payload.op) {
				case 1:
					send(ws, { op: 11 });
					break;
				case 2: {
					if (heldIdentifies) {
						const socketMessage = raw;
						heldIdentifies.push(() => ws.emit('message', socketMessage));
						return;
					}
					if (payload.d?.token !== options.token) {
						ws.close(4004, 'Authentication failed.');
						return;
					}
					identifies += 1;
					identifyPayloads.push(payload.d);
					session = { id: snowflake(), socket: ws, seq: 0, events: [] };
					sessions.set(session.id, session);
					dispatchTo(session, 'READY', {
						v: 10,
						user: botUser,
						guilds: [{ id: guildId, unavailable: true }],
						session_id: session.id,
						resume_gateway_url: gatewayUrl,
						shard: payload.d.shard ?? [0, 1],
						application: { id: applicationId, flags: 0 },
						private_channels: [],
						presences: [],
						relationships: [],
						user_settings: {},
						geo_ordered_rtc_regions: [],
						guild_join_requests: [],
					});
					dispatchTo(session, 'GUILD_CREATE', guildPayload());
					break;
				}
				case 6: {
					resumes += 1;
					const found = sessions.get(payload.d?.session_id);
					if (!found || payload.d?.token !== options.token) {
						send(ws, { op: 9, d: false });
						return;
					}
					session = found;
					found.socket = ws;
					for (const event of found.events.filter((e) => e.s > (payload.d.seq ?? 0))) {
						send(ws, { op: 0, t: event.t, s: event.s, d: event.d });
					}
					dispatchTo(found, 'RESUMED', {});
					break;
				}
				default:
					break;
			}
		});
		ws.on('close', () => {
			if (session && session.socket === ws) session.socket = null;
		});
	}

	await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
	const { port } = http.address() as AddressInfo;
	const baseUrl = `http://127.0.0.1:${port}`;
	const gatewayUrl = `ws://127.0.0.1:${port}/gateway`;

	const defaultMember: FakeUser = { id: '930000000000000001', username: 'member', roles: [], permissions: PERMISSIONS.member };

	/** Builders for gateway payloads aimed at this server's guild and channel. */
	const payloads = {
		/** An interaction envelope; `user` in a guild becomes `member`, in DMs `user`. */
		interaction(type: number, data: unknown, opts: InteractionOptions = {}) {
			const user = opts.user ?? defaultMember;
			const id = snowflake();
			const token = `tok-${id}`;
			const dmChannelId = `94${user.id.slice(2)}`;
			const base: Record<string, unknown> = {
				id,
				application_id: applicationId,
				type,
				data,
				token,
				version: 1,
				locale: 'en-US',
				app_permissions: '2248473465835073',
				entitlements: [],
				// Installed by the user (integration type 1) or by the server (0).
				authorizing_integration_owners: opts.dm || opts.userInstall ? { '1': user.id } : { '0': guildId },
				attachment_size_limit: 10_485_760,
			};
			if (opts.message) base.message = opts.message;
			if (opts.privateChannel) {
				// A group DM or another person's DM, reached through a user-installed app: no guild, no bot there.
				const groupId = `95${user.id.slice(2)}`;
				base.user = userPayload(user);
				base.channel = { id: groupId, type: 3, recipients: [userPayload(user)], name: null, owner_id: user.id };
				base.channel_id = groupId;
				base.context = CONTEXTS.privateChannel;
			} else if (opts.dm) {
				base.user = userPayload(user);
				base.channel = { id: dmChannelId, type: 1, recipients: [userPayload(user)] };
				base.channel_id = dmChannelId;
				base.context = CONTEXTS.botDm;
			} else {
				base.guild_id = guildId;
				base.guild_locale = 'en-US';
				base.guild = { id: guildId, locale: 'en-US', features: [] };
				base.channel = opts.thread
					? { id: threadId, type: 11, guild_id: guildId, parent_id: channelId, name: 'a thread', permission_overwrites: [], thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } }
					: { id: channelId, type: 0, guild_id: guildId, name: 'general', permission_overwrites: [] };
				base.channel_id = opts.thread ? threadId : channelId;
				base.context = CONTEXTS.guild;
				base.member = {
					user: userPayload(user),
					roles: user.roles ?? [],
					permissions: (user.permissions ?? PERMISSIONS.member).toString(),
					joined_at: new Date().toISOString(),
					deaf: false,
					mute: false,
					flags: 0,
					nick: null,
					avatar: null,
					premium_since: null,
					pending: false,
				};
			}
			return base;
		},
		/** A slash command (`type 2`); options as Discord sends them. */
		slash(name: string, options: unknown[] = [], opts: InteractionOptions & { resolved?: unknown } = {}) {
			return payloads.interaction(
				2,
				{ id: commandId(name), name, type: 1, options, ...(opts.resolved ? { resolved: opts.resolved } : {}) },
				opts,
			);
		},
		/** A message context-menu command (application command type 3) on `target`, a message payload as dispatched or recorded. */
		messageCommand(name: string, target: any, opts: InteractionOptions = {}) {
			return payloads.interaction(2, { id: commandId(name), name, type: 3, target_id: target.id, resolved: { messages: { [target.id]: target } } }, opts);
		},
		/** An autocomplete request (`type 4`) for a string option being typed. */
		autocomplete(name: string, option: string, value: string, opts: { user?: FakeUser; dm?: boolean } = {}) {
			return payloads.interaction(
				4,
				{ id: commandId(name), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] },
				opts,
			);
		},
		/** A button click (`type 3`) on `message` (a message the bot sent, as recorded). */
		button(customId: string, message: any, opts: { user?: FakeUser; dm?: boolean } = {}) {
			return payloads.interaction(3, { custom_id: customId, component_type: 2 }, { ...opts, message: ensureMessage(message) });
		},
		/** A string-select choice (`type 3`, component 3). */
		select(customId: string, values: string[], message: any, opts: { user?: FakeUser; dm?: boolean } = {}) {
			return payloads.interaction(3, { custom_id: customId, component_type: 3, values }, { ...opts, message: ensureMessage(message) });
		},
		/**
		 * A message from a user: in DMs, in the guild's channel, or in its thread. `replyTo` (a message the bot posted,
		 * as recorded in a call's `response`) makes it a reply, which pings the bot as Discord's replies do by default.
		 */
		message(content: string, opts: { user?: FakeUser; dm?: boolean; thread?: boolean; mentions?: FakeUser[]; replyTo?: any } = {}) {
			const user = opts.user ?? defaultMember;
			const channel = opts.dm ? `94${user.id.slice(2)}` : opts.thread ? threadId : channelId;
			const mentions = [...(opts.mentions ?? []).map(userPayload), ...(opts.replyTo ? [botUser] : [])];
			const reply = opts.replyTo
				? { type: 19, message_reference: { type: 0, message_id: opts.replyTo.id, channel_id: channel, ...(opts.dm ? {} : { guild_id: guildId }) }, referenced_message: opts.replyTo }
				: {};
			const base: Record<string, unknown> = messageShape(snowflake(), channel, userPayload(user), { content }, { mentions, ...reply });
			if (opts.dm) {
				base.channel_type = 1;
			} else {
				base.guild_id = guildId;
				base.channel_type = 0;
				base.member = { roles: user.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 };
			}
			return base;
		},
		/** The bot user as a mention target. */
		get botUser(): FakeUser {
			return { id: botUser.id, username: botUser.username };
		},
	};

	const commandIds = new Map<string, string>();
	function commandId(name: string): string {
		let id = commandIds.get(name);
		if (!id) {
			id = snowflake();
			commandIds.set(name, id);
		}
		return id;
	}

	function ensureMessage(msg: any): any {
		return botMessage(msg?.id ?? snowflake(), msg?.channel_id ?? channelId, msg);
	}

	function dispatch(t: string, d: unknown): void {
		for (const session of sessions.values()) dispatchTo(session, t, d);
	}

	/**
	 * A new post in the forum channel, as Discord announces it: THREAD_CREATE (newly created) for the post, then
	 * MESSAGE_CREATE for its first message, which shares the thread's id and can be fetched. Returns the thread's id.
	 */
	function forumPost(title: string, content: string, opts: { user?: FakeUser; forum?: string } = {}): string {
		const user = opts.user ?? defaultMember;
		const id = snowflake();
		const starter = messageShape(id, id, userPayload(user), { content }, { guild_id: guildId, channel_type: 11, position: 0 });
		messages.set(id, starter);
		dispatch('THREAD_CREATE', threadPayload(id, opts.forum ?? forumId, title, user.id, { newly_created: true, member: { id, user_id: user.id, join_timestamp: new Date().toISOString(), flags: 1 } }));
		dispatch('MESSAGE_CREATE', { ...starter, member: { roles: user.roles ?? [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } });
		return id;
	}

	return {
		apiUrl: `${baseUrl}/api`,
		baseUrl,
		gatewayUrl,
		applicationId,
		guildId,
		channelId,
		threadId,
		forumId,
		botUser,
		calls,
		/** Every IDENTIFY's `d`, in order. */
		identifyPayloads,
		/** Application commands registered now: globally, or in a guild by its id. */
		registeredCommands(scope: string): any[] {
			return registered.get(scope) ?? [];
		},
		forumPost,
		payloads,
		/** Number of IDENTIFY and RESUME payloads received. */
		get identifies() {
			return identifies;
		},
		get resumes() {
			return resumes;
		},
		/** True once some gateway session is connected and identified. */
		get connected() {
			return [...sessions.values()].some((session) => session.socket !== null);
		},
		/**
		 * Holds back READY: IDENTIFYs received from now on wait until the returned function is called,
		 * so a test can look at the bot between "connecting" and "logged in".
		 */
		holdIdentify(): () => void {
			heldIdentifies ??= [];
			return () => {
				const waiting = heldIdentifies ?? [];
				heldIdentifies = null;
				for (const replay of waiting) replay();
			};
		},
		/** Sends a dispatch event to every session (buffered for resume when disconnected). */
		dispatch,
		/** Dispatches INTERACTION_CREATE; returns the interaction's id and token. */
		interact(payload: Record<string, unknown>): { id: string; token: string } {
			const channel = (payload.channel as { id: string } | undefined)?.id;
			if (channel) interactionChannels.set(payload.token as string, channel);
			dispatch('INTERACTION_CREATE', payload);
			return { id: payload.id as string, token: payload.token as string };
		},
		/** Dispatches MESSAGE_CREATE. */
		sendMessage(payload: Record<string, unknown>): string {
			dispatch('MESSAGE_CREATE', payload);
			return payload.id as string;
		},
		/** Serves `body` at a URL, as Discord's CDN serves attachments; returns the URL. */
		serveFile(name: string, body: Uint8Array | string, contentType = 'text/plain; charset=utf-8'): string {
			const path = `/attachments/${snowflake()}/${encodeURIComponent(name)}`;
			files.set(path, { body: typeof body === 'string' ? new TextEncoder().encode(body) : body, contentType });
			return `${baseUrl}${path}`;
		},
		/** Adds a fault-injection hook; returns a function removing it. */
		intercept(interceptor: Interceptor): () => void {
			interceptors.push(interceptor);
			return () => {
				const index = interceptors.indexOf(interceptor);
				if (index >= 0) interceptors.splice(index, 1);
			};
		},
		/** Calls made for one interaction (callback and webhook follow-ups/edits), in order. */
		callsFor(token: string): RecordedCall[] {
			return calls.filter((call) => call.path.includes(`/${token}/`) || call.path.endsWith(`/${token}`));
		},
		/** Resolves with the first recorded call (past or future) matching `predicate`. */
		waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5_000): Promise<RecordedCall> {
			const existing = calls.find(predicate);
			if (existing) return Promise.resolve(existing);
			return new Promise((resolve, reject) => {
				const waiter = {
					predicate,
					resolve: (call: RecordedCall) => {
						clearTimeout(timer);
						resolve(call);
					},
				};
				const timer = setTimeout(() => {
					waiters.delete(waiter);
					reject(new Error(`fake Discord: no matching call within ${timeoutMs} ms`));
				}, timeoutMs);
				waiters.add(waiter);
			});
		},
		/** Closes every gateway socket abruptly (code 4000: the client should RESUME). */
		dropConnections(code = 4000): void {
			for (const session of sessions.values()) {
				session.socket?.close(code, 'dropped by test');
			}
		},
		/** Stops the server and closes every socket. */
		async close(): Promise<void> {
			for (const client of wss.clients) client.terminate();
			wss.close();
			http.closeAllConnections();
			await new Promise<void>((resolve) => http.close(() => resolve()));
		},
	};
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;
