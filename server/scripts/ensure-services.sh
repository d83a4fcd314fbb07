# Makes sure PostgreSQL and Redis answer before the demo builds anything; sourced by demo.sh from
# the repository root. DATABASE_URL and REDIS_URL, when set, are used as they are. Otherwise the
# local services on their standard ports are used (server/scripts/local-env.sh), and started if
# they are installed but stopped. Anything else ends the demo with one message saying what to do.
# The script that sources it names itself in WHISTLE_COMMAND (npm run demo when unset).

WHISTLE_COMMAND="${WHISTLE_COMMAND:-npm run demo}"
_whistle_database_given=${DATABASE_URL:+1}
_whistle_redis_given=${REDIS_URL:+1}
source server/scripts/local-env.sh

_WHISTLE_OPTIONS="  Install them:                 sudo apt-get install -y postgresql redis-server
  or run everything in Docker:  docker compose -f docker/compose.yml --profile demo up --build
                                (then http://127.0.0.1:8080; it needs JWT_SECRET and POSTGRES_PASSWORD: README, Docker)
  or use your own servers:      DATABASE_URL=postgres://… REDIS_URL=redis://… $WHISTLE_COMMAND"

# Prints the message (and what to do) to stderr and stops the demo: this file is sourced.
whistle_fail() {
  printf '\n%s: %s\n%s\n' "$WHISTLE_COMMAND" "$1" "${2:-$_WHISTLE_OPTIONS}" >&2
  exit 1
}

# "host port" of a URL, with the service's standard port when the URL names none.
whistle_host_port() {
  node -e 'const u = new URL(process.argv[1]); console.log(u.hostname || "127.0.0.1", u.port || process.argv[2])' "$1" "$2"
}

# Succeeds when something accepts TCP connections on host:port within 2 s.
whistle_port_open() {
  node -e '
    const socket = require("node:net").connect(Number(process.argv[2]), process.argv[1]);
    socket.setTimeout(2000, () => process.exit(1));
    socket.on("connect", () => process.exit(0)).on("error", () => process.exit(1));' "$1" "$2"
}

# Succeeds when PostgreSQL accepts the URL's user (on the maintenance database: the demo database
# itself is created by the migration); otherwise prints PostgreSQL's reason.
whistle_postgres_accepts() {
  node -e '
    const { Client } = require("pg");
    const url = new URL(process.argv[1]);
    url.pathname = "/postgres";
    const client = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
    client.connect().then(() => client.end(), (err) => { console.log(err.message); process.exit(1); });' "$1"
}

whistle_wait_port() {
  for _ in $(seq 1 30); do
    if whistle_port_open "$1" "$2"; then return 0; fi
    sleep 0.5
  done
  return 1
}

# Starting a system service needs root: directly, or through sudo when it needs no password.
whistle_as_root() {
  if [[ $EUID -eq 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi
}

whistle_postgres_installed() {
  command -v pg_ctlcluster >/dev/null || command -v postgres >/dev/null ||
    compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null
}

# Debian and Ubuntu: the cluster on the wanted port, without systemd (containers, WSL); else the service.
whistle_start_postgres() {
  local port=$1 version cluster started=1
  if command -v pg_lsclusters >/dev/null; then
    while read -r version cluster; do
      whistle_as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start && started=0
    done < <(pg_lsclusters -h | awk -v port="$port" '$3 == port { print $1, $2 }')
  fi
  [[ $started -eq 0 ]] || whistle_as_root service postgresql start
}

# The system service if there is one; else a Redis of the demo's own, in the background (its
# snapshot goes to the temporary directory: a demo's queues need not outlive the machine).
whistle_start_redis() {
  local port=$1
  if [[ $port == 6379 && -x /etc/init.d/redis-server ]] && whistle_as_root service redis-server start; then
    return 0
  fi
  redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --dir "${TMPDIR:-/tmp}" \
    --logfile "${TMPDIR:-/tmp}/whistle-redis.log"
}

whistle_ensure_postgres() {
  local host port reason
  read -r host port < <(whistle_host_port "$DATABASE_URL" 5432 2>/dev/null) ||
    whistle_fail "DATABASE_URL is not a URL: $DATABASE_URL" "  Use postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE."
  if [[ -n $_whistle_database_given ]]; then
    reason=$(whistle_postgres_accepts "$DATABASE_URL") ||
      whistle_fail "the PostgreSQL in DATABASE_URL ($host:$port) did not accept the connection: $reason" \
        "  Check DATABASE_URL, or unset it to use a local PostgreSQL on 127.0.0.1:5432."
    return 0
  fi
  if ! whistle_port_open "$host" "$port"; then
    whistle_postgres_installed || whistle_fail "no PostgreSQL is running or installed on this machine ($host:$port)."
    echo "PostgreSQL is installed but stopped: starting it"
    { whistle_start_postgres "$port" >/dev/null 2>&1 && whistle_wait_port "$host" "$port"; } ||
      whistle_fail "PostgreSQL is installed but stopped, and could not be started from here." \
        "  Start it yourself (sudo service postgresql start) and run $WHISTLE_COMMAND again."
  fi
  reason=$(whistle_postgres_accepts "$DATABASE_URL") ||
    whistle_fail "the local PostgreSQL did not accept user postgres (no password): $reason" \
      "  Allow it for 127.0.0.1 (pg_hba.conf: host all postgres 127.0.0.1/32 trust), or set
  DATABASE_URL=postgres://USER:PASSWORD@127.0.0.1:5432/whistle and run $WHISTLE_COMMAND again."
}

whistle_ensure_redis() {
  local host port
  read -r host port < <(whistle_host_port "$REDIS_URL" 6379 2>/dev/null) ||
    whistle_fail "REDIS_URL is not a URL: $REDIS_URL" "  Use redis://[:PASSWORD@]HOST[:PORT]."
  if whistle_port_open "$host" "$port"; then return 0; fi
  if [[ -n $_whistle_redis_given ]]; then
    whistle_fail "nothing answers at REDIS_URL ($host:$port)." \
      "  Check REDIS_URL, or unset it to use a local Redis on 127.0.0.1:6379."
  fi
  command -v redis-server >/dev/null || whistle_fail "no Redis is running or installed on this machine ($host:$port)."
  echo "Redis is installed but stopped: starting it"
  { whistle_start_redis "$port" >/dev/null 2>&1 && whistle_wait_port "$host" "$port"; } ||
    whistle_fail "Redis is installed but stopped, and could not be started from here." \
      "  Start it yourself (sudo service redis-server start) and run $WHISTLE_COMMAND again."
}

whistle_ensure_postgres
whistle_ensure_redis
