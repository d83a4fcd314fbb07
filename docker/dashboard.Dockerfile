# The dashboard: a static Vite build served by nginx, which also proxies the API, Open311 and the
# live sockets to the server replicas (docker/nginx.conf).
#   docker build -f docker/dashboard.Dockerfile -t whistle-dashboard .

FROM node:26-trixie-slim AS build
WORKDIR /app
# `npm ci` checks the lockfile against every workspace's package.json.
COPY package.json package-lock.json tsconfig.base.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY demo/package.json demo/
COPY dashboard/package.json dashboard/
RUN npm ci --no-audit --no-fund
# Vite compiles the shared contracts from source (an alias in vite.config.ts): no shared build.
COPY shared shared
COPY dashboard dashboard
RUN npm run build -w dashboard

FROM nginx:1.27-alpine
COPY docker/nginx.conf /etc/nginx/conf.d/default.conf
COPY docker/nginx-security-headers.conf /etc/nginx/snippets/security-headers.conf
COPY --from=build /app/dashboard/dist /usr/share/nginx/html
EXPOSE 80
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1/index.html || exit 1
