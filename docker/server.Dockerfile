# The server image: one image for every process role (PROCESS_ROLE picks api, worker or both) and
# for the one-shot migrations. The `demo` target adds the demo world: the seed and the traffic
# simulator (the server image carries no demo data or demo code).
#   docker build -f docker/server.Dockerfile -t whistle-server .
#   docker build -f docker/server.Dockerfile --target demo -t whistle-demo .

FROM node:26-trixie-slim AS deps
WORKDIR /app
# Manifests first, so source edits do not invalidate the dependency layer. Every workspace's
# package.json is needed: `npm ci` checks the lockfile against all of them.
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY demo/package.json demo/
COPY dashboard/package.json dashboard/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY shared shared
COPY server server
COPY demo demo
COPY simulator simulator
RUN npm run build -w shared \
  && npm run build -w server \
  && npm run build -w demo \
  && npx tsc -p simulator/tsconfig.build.json \
  && npm prune --omit=dev

# The demo (compose profiles `demo` and `simulator`): the seed, which writes through the server's
# compiled services (so the server's build comes along), and the simulator, which plays a district
# day against a running server. Their runtime needs are in the pruned production dependencies
# (socket.io-client, the simulator's, is the dashboard's). Compose names the command to run.
FROM node:26-trixie-slim AS demo
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/package.json ./
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/package.json server/
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/demo/package.json demo/
COPY --from=build /app/demo/dist demo/dist
COPY --from=build /app/simulator/dist simulator/dist
USER node
CMD ["node", "simulator/dist/main.js"]

# The default target: the NestJS server. The dashboard has its own image (dashboard.Dockerfile).
FROM node:26-trixie-slim AS server
ENV NODE_ENV=production PORT=3000 PHOTO_DIR=/data/photos
# The heap: V8 sizes it from the host's memory and, left alone, lets a busy process grow to ~500 MB of
# mostly garbage before collecting it. 256 MB of old space keeps an api process at 330–355 MB RSS with
# 2,000 sockets at 100 whistles/s, with 5,000 sockets and under intake load (`npm run bench`, which runs
# the server with these options); its live heap under that load stays below ~160 MB. Raise it
# (NODE_OPTIONS in the compose file) for many more sockets per process.
ENV NODE_OPTIONS="--max-old-space-size=256"
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
