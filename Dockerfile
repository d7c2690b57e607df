# syntax=docker/dockerfile:1
# One image for every server instance: the compiled server, its migrations and the built web app.
#   docker build -t live-recipes .
#   docker run -e JWT_SECRET=... -e DATABASE_URL=postgres://... -e REDIS_URL=redis://... -p 4000:4000 live-recipes
ARG NODE_VERSION=20

# ---- deps: every workspace's dependencies, from the lockfile only ------------------------------
# Only manifests are copied, so this layer is rebuilt when dependencies change, not on every edit.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
COPY examples/recipe-feed/package.json examples/recipe-feed/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

# ---- build: server (tsc) and web app (vite), exactly as `npm run build` does --------------------
FROM deps AS build
COPY tsconfig.base.json tsconfig.json schema.graphql ./
COPY server server
COPY web web
RUN npm run build

# ---- prod-deps: the server's runtime dependencies only (no TypeScript, vitest, vite, codegen) ----
FROM node:${NODE_VERSION}-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/
COPY web/package.json web/
COPY examples/recipe-feed/package.json examples/recipe-feed/
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace=server --no-audit --no-fund --ignore-scripts

# ---- runtime -------------------------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
# MALLOC_ARENA_MAX: glibc gives V8's GC and compiler threads malloc arenas of their own (up to
# eight per core), and what they free there stays resident: about 3 KB per open socket at 2,000
# sockets, 9 KB at 500. One arena holds none of it, at the same CPU (docs/design.md, Memory).
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0 \
    MALLOC_ARENA_MAX=1
WORKDIR /app
# The layout main.js expects: server/dist next to server/drizzle (migrations) and web/dist (the app).
COPY --from=prod-deps --chown=node:node /app/node_modules node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node server/package.json server/
COPY --from=build --chown=node:node /app/server/dist server/dist
COPY --from=build --chown=node:node /app/server/drizzle server/drizzle
COPY --from=build --chown=node:node /app/web/dist web/dist
# Only used when DATABASE_URL is unset (embedded PGlite); the process runs as `node`, so it must own it.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000
# Liveness, not readiness: an instance whose Redis is away still serves reads and writes, and
# restarting it would not bring Redis back. /ready is for balancers and orchestrators that gate
# traffic (see docs/operations.md). Node's fetch, because the slim image has no curl or wget.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node is PID 1 and handles SIGTERM itself (closes sockets with 1001, drains, exits 0); no shell
# in between to swallow the signal. Give it SHUTDOWN_TIMEOUT plus a margin before SIGKILL.
STOPSIGNAL SIGTERM
CMD ["node", "server/dist/main.js"]
