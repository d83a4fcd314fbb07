#!/usr/bin/env bash
# Fails when the entities and the migrations disagree: applies every migration to a scratch
# database, then asks TypeORM to generate a migration from the entities, which must find nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432}"
db="whistle_migcheck_$$"
export DATABASE_URL="$base/$db"
cleanup() { psql "$base/postgres" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; }
trap cleanup EXIT
npx tsc -p tsconfig.build.json
node dist/database/migrate.js
npx typeorm migration:generate --check -d dist/database/data-source.js /tmp/whistle-unexpected-migration
