#!/usr/bin/env bash
# Migrates and seeds the demo district (pass --reset to also clear incidents and events).
set -euo pipefail
cd "$(dirname "$0")/../.."
source server/scripts/local-env.sh
npm run build -w shared
npm run build -w server
npm run build -w demo
node server/dist/database/migrate.js
node demo/dist/seed/seed.js "$@"
