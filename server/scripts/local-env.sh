# Defaults for running Whistle on one machine with the local PostgreSQL and Redis; anything already
# set in the environment wins. Sourced by the demo and seed scripts.
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/whistle}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export REDIS_PREFIX="${REDIS_PREFIX:-whistle}"
# Demo only: a real deployment sets its own secret.
export JWT_SECRET="${JWT_SECRET:-whistle-demo-secret-change-me}"
export PORT="${PORT:-3000}"
# The demo's simulator signs in about a hundred bots from this machine at once.
export LOGIN_LIMIT_PER_IP="${LOGIN_LIMIT_PER_IP:-1000}"
