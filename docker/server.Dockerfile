# The server image: one image for every process role (PROCESS_ROLE picks api, worker or both), for
# the one-shot migrate + seed, and — as the `simulator` target — for the traffic simulator.
#   docker build -f docker/server.Dockerfile -t whistle-server .
#   docker build -f docker/server.Dockerfile --target simulator -t whistle-simulator .

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# Manifests first, so source edits do not invalidate the dependency layer. Every workspace's
# package.json is needed: `npm ci` checks the lockfile against all of them.
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY dashboard/package.json dashboard/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY shared shared
COPY server server
COPY simulator simulator
RUN npm run build -w shared \
  && npm run build -w server \
  && npx tsc -p simulator/tsconfig.build.json \
  && npm prune --omit=dev

# The simulator plays a district day against a running server (see the compose profile
# `simulator`). Its runtime needs are socket.io-client and @whistle/shared, both in the pruned
# production dependencies (socket.io-client is the dashboard's).
FROM node:20-bookworm-slim AS simulator
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/simulator/dist simulator/dist
USER node
ENTRYPOINT ["node", "simulator/dist/main.js"]

# The default target: the NestJS server. The dashboard has its own image (dashboard.Dockerfile).
FROM node:20-bookworm-slim AS server
ENV NODE_ENV=production PORT=3000 PHOTO_DIR=/data/photos
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
# The photo volume is mounted here; created owned by `node` so a fresh named volume is writable.
RUN mkdir -p /data/photos && chown -R node:node /data
USER node
# The API, and Prometheus's /metrics on its own port (every role; METRICS_HOST=0.0.0.0 to reach it).
EXPOSE 3000 9464
# No HEALTHCHECK here: the `worker` role serves no HTTP. The compose file checks /health/ready on the
# replicas that do.
CMD ["node", "server/dist/main.js"]
