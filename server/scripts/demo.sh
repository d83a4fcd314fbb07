#!/usr/bin/env bash
# Brings up the whole stack on this machine with demo data: checks (or starts) PostgreSQL and
# Redis, builds, migrates, seeds Qinhuai, and serves API, sockets and dashboard on one port
# (process role `both`). Once the server is healthy it prints the URL and the demo accounts, and
# the traffic simulator plays a district day against it (log: simulator.log; SIMULATE=0 skips it).
# The terminal shows the server's warnings and errors only, readably; its full JSON log goes to
# server/logs/demo.log (LOG_FILE), so request lines never push the accounts off the screen.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Uses DATABASE_URL / REDIS_URL when set, else the local services (with local-env.sh's defaults).
source server/scripts/ensure-services.sh
export DASHBOARD_DIST="${DASHBOARD_DIST:-$PWD/dashboard/dist}"
export LOG_FILE="${LOG_FILE:-$PWD/server/logs/demo.log}"
export LOG_PRETTY="${LOG_PRETTY:-warn}"

npm run build
npx tsc -p simulator/tsconfig.build.json
node server/dist/database/migrate.js
node demo/dist/seed/seed.js

node server/dist/main.js &
server_pid=$!
sim_pid=""
# Ctrl-C or a TERM stops both processes, simulator first so it prints its summary to its log.
stop() {
  trap - INT TERM
  if [[ -n "$sim_pid" ]]; then kill -TERM "$sim_pid" 2>/dev/null || true; fi
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  exit 0
}
trap stop INT TERM

for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:${PORT}/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then wait "$server_pid"; exit 1; fi
  sleep 1
done

cat <<ACCOUNTS

Whistle is running: http://127.0.0.1:${PORT}   (API docs: /api/docs · Ctrl-C stops everything)
Server log (JSON): ${LOG_FILE}   (below: its warnings and errors only)

Demo accounts, all with the password whistle123:
  admin               administrator
  district.leader     district leader (区领导), paired with 夫子庙 and 双塘
  district.operator   district command centre (区指挥中心): the wall screen
  street.fuzimiao     street command centre (街道), one per street: street.<street>
  dept.chengguan      department duty officer (城管局), one per department: dept.<code>
  grid.fuzimiao.01    grid worker (网格员), four per street: grid.<street>.01 … 04

ACCOUNTS
if [[ "${SIMULATE:-1}" != "0" ]]; then
  SIM_URL="${SIM_URL:-http://127.0.0.1:${PORT}}" node simulator/dist/main.js >simulator.log 2>&1 &
  sim_pid=$!
  echo "Simulator: playing a district day (a day in ~10 minutes); follow it with: tail -f simulator.log"
fi
status=0
wait "$server_pid" || status=$?
# The server stopped by itself: do not leave the simulator retrying against nothing.
if [[ -n "$sim_pid" ]]; then kill -TERM "$sim_pid" 2>/dev/null || true; fi
exit "$status"
