# Sortie as a container image: Next's standalone server, non-root, with a health check.
#   docker build --build-arg NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=$(openssl rand -base64 32) -t sortie .
# The same NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be given to the build and to every container.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# Exactly the locked versions (npm install could move them within their ranges).
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
ENV NEXT_TELEMETRY_DISABLED=1 SORTIE_STANDALONE=1 NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=$NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npx next build

FROM node:20-bookworm-slim AS run
WORKDIR /app
# HOSTNAME: the standalone server binds to it; 0.0.0.0 makes it reachable from the load balancer.
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
RUN groupadd --system --gid 1001 sortie && useradd --system --uid 1001 --gid sortie --home /app sortie \
  && mkdir -p /app/.data && chown sortie:sortie /app/.data
# /app itself stays root's: the server writes only under .next (its cache), /app/.data and /tmp.
# /app/.data is the default SORTIE_DATA_DIR; a volume mounted there (e.g. a shared SORTIE_UPLOAD_DIR
# of /app/.data/uploads) starts out owned by the sortie user. Uploads are staged in /tmp (S3,
# uploadthing) or in <SORTIE_UPLOAD_DIR>/.staging (a shared directory), never in memory.
COPY --from=build --chown=sortie:sortie /app/.next/standalone ./
COPY --from=build --chown=sortie:sortie /app/.next/static ./.next/static
# Migrations are applied at start (instrumentation.ts, under a transaction-scoped advisory lock, so
# several containers may start at once). The image has no npm scripts or tsx: a pipeline that
# migrates before a rollout runs `npm run db:migrate` from a checkout of the same commit.
COPY --from=build --chown=sortie:sortie /app/drizzle ./drizzle
USER sortie
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node as PID 1 would ignore SIGTERM's default action; the server handles it (drain, finish, exit).
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
