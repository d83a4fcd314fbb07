#!/usr/bin/env bash
# Creates a deployment's first admin, once (server/src/cli/create-admin.ts; README, Docker has the
# same command in a container). Builds, then runs against DATABASE_URL (local-env.sh's default when
# unset). The build's output goes to stderr, so standard output holds only what the command says.
set -euo pipefail
cd "$(dirname "$0")/../.."
source server/scripts/local-env.sh
{ npm run build -w shared && npm run build -w server; } >&2
exec node server/dist/cli/create-admin.js "$@"
