#!/usr/bin/env bash
# Brings up the whole stack on this machine with demo data: builds, migrates, seeds Qinhuai, and
# serves API, sockets and dashboard on one port (process role `both`).
set -euo pipefail
cd "$(dirname "$0")/../.."
source server/scripts/local-env.sh
export DASHBOARD_DIST="${DASHBOARD_DIST:-$PWD/dashboard/dist}"

npm run build
node server/dist/database/migrate.js
node server/dist/seed/seed.js
echo "Whistle: http://127.0.0.1:${PORT}  (API docs: /api/docs, demo password: whistle123)"
exec node server/dist/main.js
