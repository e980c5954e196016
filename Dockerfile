# syntax=docker/dockerfile:1
# Ombudsbot: the Discord bot, with the health and metrics server on 9464.
#   docker build -t ombudsbot .
#   docker run --env-file .env -e HEALTH_HOST=0.0.0.0 -v ombudsbot-data:/app/data -p 127.0.0.1:9464:9464 ombudsbot
# (-e after --env-file: a .env copied from .env.example says 127.0.0.1, unreachable through -p.)
# Not built on the development machines (no Docker engine there): see README, Container.

# ---- build: every dependency installed and the native module compiled, then pruned to production ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary when one matches; these compile it when none does.
# Pinned to bookworm's release versions: a changed toolchain shows up as a failed build, not a different binary.
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3=3.11.2-1+b1 make=4.3-4.1 g++=4:12.2.0-3 \
	&& rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# postinstall (scripts/compile-wordnet.ts) compiles WordNet into node_modules/.cache: it needs these two folders.
COPY scripts ./scripts
COPY src/language ./src/language
RUN npm ci --no-audit --no-fund \
	&& npm prune --omit=dev --no-audit --no-fund \
	&& npm cache clean --force

# ---- runtime: production dependencies only (tsx is one: it runs the TypeScript), as the unprivileged node user ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
	KNOWLEDGE_DIR=/app/knowledge \
	DATA_DIR=/app/data \
	HEALTH_PORT=9464 \
	HEALTH_HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node src ./src
COPY --chown=node:node commands ./commands
# The shipped documents; /kb add and remove write here, so the node user owns it (compose mounts a volume over it).
COPY --chown=node:node knowledge ./knowledge
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 9464
# node itself probes /readyz (the slim image has no curl); any answer but 200, or none within the timeout, fails.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
	CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 9464) + '/readyz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# Exec form, node as PID 1 with tsx as a loader (no npm, no shell in between): SIGTERM reaches the bot,
# which drains its in-flight requests and closes the store (README, Running on Discord).
CMD ["node", "--import", "tsx", "src/main.ts"]
