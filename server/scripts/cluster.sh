#!/usr/bin/env bash
# Runs the Docker layout (docker/compose.yml) as plain processes on this machine: three `api`
# processes and two `worker`s against the local PostgreSQL and Redis, behind an nginx of the
# cluster's own on one port (CLUSTER_PORT, 8080) that also serves the dashboard. Prepares the
# database like the demo (builds, migrates, seeds the demo district, inserting only what is missing)
# and prints the URL and the processes once every one answers. A process that dies is started again;
# Ctrl-C (or TERM) stops them all.
#   CLUSTER_PORT      nginx's port; process n's ports follow it (README, Cluster)     8080
#   CLUSTER_RUN_DIR   logs, nginx's configuration, pid and temporary files            ./cluster-run
#   CLUSTER_BUILD=0   use the existing build;  CLUSTER_SEED=0  no demo data
#   CLUSTER_APIS, CLUSTER_WORKERS   how many of each (1–9)                      3, 2
# Each running process's pid is in the run directory as <name>.pid (the benchmark and the fault
# suite read them to kill and watch processes).
set -euo pipefail
cd "$(dirname "$0")/../.."
WHISTLE_COMMAND="npm run cluster"
# Uses DATABASE_URL / REDIS_URL when set, else the local services (with local-env.sh's defaults).
source server/scripts/ensure-services.sh

CLUSTER_PORT="${CLUSTER_PORT:-8080}"
RUN_DIR="$(mkdir -p "${CLUSTER_RUN_DIR:-cluster-run}" && cd "${CLUSTER_RUN_DIR:-cluster-run}" && pwd)"
DASHBOARD_ROOT="$(cd "${DASHBOARD_DIST:-dashboard/dist}" 2>/dev/null && pwd || echo "$PWD/dashboard/dist")"
# api-n answers on CLUSTER_PORT+n; process n's Prometheus listener is on CLUSTER_PORT+10+n.
API_COUNT="${CLUSTER_APIS:-3}"
WORKER_COUNT="${CLUSTER_WORKERS:-2}"
[[ $API_COUNT =~ ^[1-9]$ && $WORKER_COUNT =~ ^[1-9]$ ]] ||
  whistle_fail "CLUSTER_APIS and CLUSTER_WORKERS must each be a number from 1 to 9."

# Debian's nginx, for its program only: the cluster runs an nginx process of its own on its own
# configuration, so the system's nginx service is not needed (installing the package may start it;
# it is left as the package set it up).
cluster_nginx() {
  command -v nginx || { [[ -x /usr/sbin/nginx ]] && echo /usr/sbin/nginx; }
}
apt_install_nginx() {
  whistle_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx
}
ensure_nginx() {
  cluster_nginx >/dev/null && return 0
  command -v apt-get >/dev/null ||
    whistle_fail "nginx is not installed, and this is not a system with apt-get." \
      "  Install nginx with this system's package manager and run $WHISTLE_COMMAND again."
  echo "nginx is not installed: installing Debian's nginx (apt-get install nginx)"
  # A machine whose package lists were never fetched (a fresh container) needs an update first.
  { apt_install_nginx || { whistle_as_root apt-get update -qq && apt_install_nginx; }; } >/dev/null ||
    whistle_fail "nginx is not installed, and could not be installed from here." \
      "  Install it yourself (sudo apt-get install -y nginx) and run $WHISTLE_COMMAND again."
  cluster_nginx >/dev/null || whistle_fail "nginx was installed but its program was not found." \
    "  Put nginx on PATH and run $WHISTLE_COMMAND again."
}
ensure_nginx
NGINX="$(cluster_nginx)"

if [[ "${CLUSTER_BUILD:-1}" != "0" ]]; then npm run build; fi
[[ -f server/dist/main.js ]] ||
  whistle_fail "there is no server build (server/dist)." "  Run without CLUSTER_BUILD=0."
[[ -f $DASHBOARD_ROOT/index.html ]] ||
  whistle_fail "there is no dashboard build ($DASHBOARD_ROOT)." "  Run without CLUSTER_BUILD=0."
node server/dist/database/migrate.js
if [[ "${CLUSTER_SEED:-1}" != "0" ]]; then node demo/dist/seed/seed.js; fi

# docker/nginx.conf, the compose stack's nginx, is the one description of the public entry. It is
# rendered here with what differs on one machine: the upstream processes (keeping compose's
# per-server parameters), the port, the dashboard's directory and where the header snippet lives.
render_site_conf() {
  local servers="" n
  for n in $(seq 1 "$API_COUNT"); do servers+="127.0.0.1:$((CLUSTER_PORT + n)) "; done
  awk -v servers="$servers" -v port="$CLUSTER_PORT" -v root="$DASHBOARD_ROOT" \
    -v headers="$PWD/docker/nginx-security-headers.conf" '
    /^[ \t]*server [^ ]+:3000[ ;]/ {
      if (!done) {
        params = $0; sub(/^[ \t]*server [^ ;]+ */, "", params)
        split(servers, list, " ")
        for (i = 1; i in list; i++) printf "  server %s %s\n", list[i], params
        done = 1
      }
      next
    }
    /^[ \t]*listen 80;/ { sub(/80;/, port ";") }
    /^[ \t]*root \/usr\/share\/nginx\/html;/ { sub(/\/usr\/share\/nginx\/html/, root) }
    { gsub(/\/etc\/nginx\/snippets\/security-headers\.conf/, headers); print }
  ' docker/nginx.conf
}

# nginx's own settings for a process of the cluster's: in the foreground (-g 'daemon off;'), every
# file in the run directory; the rest is what the official nginx image sets around docker/nginx.conf.
write_nginx_conf() {
  local mime_types temp="$RUN_DIR/nginx-temp"
  mime_types="$(dirname "$("$NGINX" -V 2>&1 | sed -n 's/.*--conf-path=\([^ ]*\).*/\1/p')")/mime.types"
  [[ -f $mime_types ]] || whistle_fail "nginx's mime.types was not found ($mime_types)." "  Reinstall nginx."
  render_site_conf >"$RUN_DIR/whistle-site.conf"
  # Only a root master switches its workers to another user: the owner of the dashboard's files.
  local user=""
  if [[ $EUID -eq 0 ]]; then
    user="user $(stat -c '%U %G' "$DASHBOARD_ROOT" 2>/dev/null || echo 'root root');"
  fi
  mkdir -p "$temp"
  cat >"$RUN_DIR/nginx.conf" <<CONF
# Written by server/scripts/cluster.sh at every start; edit docker/nginx.conf instead.
$user
worker_processes 1;
pid $RUN_DIR/nginx.pid;
error_log $RUN_DIR/nginx-error.log notice;
events {
  worker_connections 1024;
}
http {
  include $mime_types;
  default_type application/octet-stream;
  # Which api process answered each request: upstream=127.0.0.1:<port>.
  log_format cluster '\$remote_addr [\$time_local] "\$request" \$status \$body_bytes_sent '
    '\$request_time upstream=\$upstream_addr';
  access_log $RUN_DIR/nginx-access.log cluster;
  sendfile on;
  keepalive_timeout 65;
  client_body_temp_path $temp/client_body;
  proxy_temp_path $temp/proxy;
  fastcgi_temp_path $temp/fastcgi;
  uwsgi_temp_path $temp/uwsgi;
  scgi_temp_path $temp/scgi;
  include $RUN_DIR/whistle-site.conf;
}
CONF
  "$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/nginx-error.log" ||
    whistle_fail "nginx refused the cluster's configuration ($RUN_DIR/nginx.conf)." \
      "  See the message above; the site part is rendered from docker/nginx.conf."
}
write_nginx_conf

# name -> what it is, and the running processes: pid -> name.
declare -A ROLE PORT METRICS LOG
declare -A NAME_OF
for n in $(seq 1 "$API_COUNT"); do
  ROLE[api-$n]=api PORT[api-$n]=$((CLUSTER_PORT + n)) METRICS[api-$n]=$((CLUSTER_PORT + 10 + n))
done
for n in $(seq 1 "$WORKER_COUNT"); do
  ROLE[worker-$n]=worker PORT[worker-$n]=- METRICS[worker-$n]=$((CLUSTER_PORT + 10 + API_COUNT + n))
done
ROLE[nginx]=nginx PORT[nginx]=$CLUSTER_PORT METRICS[nginx]=-
NAMES=(nginx)
for n in $(seq 1 "$API_COUNT"); do NAMES+=("api-$n"); done
for n in $(seq 1 "$WORKER_COUNT"); do NAMES+=("worker-$n"); done
for name in "${NAMES[@]}"; do LOG[$name]="$RUN_DIR/$name.log"; done
LOG[nginx]="$RUN_DIR/nginx-error.log"

# Each in a session of its own (setsid): a terminal's Ctrl-C reaches only this script, which then
# stops each process once, instead of a second signal cutting a graceful shutdown short.
start_process() {
  local name=$1
  if [[ $name == nginx ]]; then
    setsid "$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$RUN_DIR/nginx-error.log" \
      -g 'daemon off;' >>"${LOG[$name]}" 2>&1 &
  else
    # TRUST_PROXY=1: nginx is the one hop in front, as in compose.
    PROCESS_ROLE=${ROLE[$name]} PORT=${PORT[$name]/-/0} METRICS_PORT=${METRICS[$name]} TRUST_PROXY=1 \
      setsid node server/dist/main.js >>"${LOG[$name]}" 2>&1 &
  fi
  NAME_OF[$!]=$name
  echo "$!" >"$RUN_DIR/$name.pid"
}

stopping=0
stop_all() {
  local pid waited
  stopping=1
  for pid in "${!NAME_OF[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # Graceful first (open requests, sockets and queue jobs finish); whatever is left after 20 s is killed.
  for waited in $(seq 1 200); do
    for pid in "${!NAME_OF[@]}"; do kill -0 "$pid" 2>/dev/null || unset "NAME_OF[$pid]"; done
    [[ ${#NAME_OF[@]} -eq 0 ]] && break
    sleep 0.1
  done
  for pid in "${!NAME_OF[@]}"; do
    echo "${NAME_OF[$pid]} (pid $pid) did not stop within 20 s: killed" >&2
    kill -KILL "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
on_signal() {
  trap - INT TERM HUP
  echo
  echo "Stopping the cluster…"
  stop_all
  exit 0
}
trap on_signal INT TERM HUP
# Whatever ends this script (an error included) leaves no process of the cluster behind.
trap '[[ $stopping == 1 ]] || stop_all' EXIT

for name in "${NAMES[@]}"; do : >"${LOG[$name]}"; done
: >"$RUN_DIR/nginx-access.log"
for name in "${NAMES[@]}"; do start_process "$name"; done

# What answers once a process is up: an api's readiness, a worker's metrics listener (opened once
# its queue processors run), and the dashboard and an api's readiness through nginx. Each probe
# gives up after 5 s, so that a process that accepts but never answers cannot stall the wait.
probe() {
  local name=$1
  case ${ROLE[$name]} in
    api) curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:${PORT[$name]}/health/ready" ;;
    worker) curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:${METRICS[$name]}/metrics" ;;
    nginx)
      curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$CLUSTER_PORT/" &&
        curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:$CLUSTER_PORT/health/ready"
      ;;
  esac
}
pid_of() {
  local pid
  for pid in "${!NAME_OF[@]}"; do [[ ${NAME_OF[$pid]} == "$1" ]] && echo "$pid"; done
  return 0
}

# Whether an api process was still starting at the last look.
api_pending() {
  local name
  for name in "${pending[@]}"; do [[ ${ROLE[$name]} == api ]] && return 0; done
  return 1
}

pending=("${NAMES[@]}")
for _ in $(seq 1 180); do
  still=()
  for name in "${pending[@]}"; do
    pid=$(pid_of "$name")
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "" >&2
      echo "$WHISTLE_COMMAND: $name stopped while starting; the end of its log (${LOG[$name]}):" >&2
      tail -n 20 "${LOG[$name]}" >&2
      exit 1
    fi
    # nginx is asked once every api answers: each request it passed to an api still starting would
    # be refused, and three refusals leave that api out of its rotation for fail_timeout (10 s).
    if [[ ${ROLE[$name]} == nginx ]] && api_pending; then
      still+=("$name")
      continue
    fi
    probe "$name" 2>/dev/null || still+=("$name")
  done
  pending=("${still[@]}")
  [[ ${#pending[@]} -eq 0 ]] && break
  sleep 1
done
if [[ ${#pending[@]} -gt 0 ]]; then
  echo "$WHISTLE_COMMAND: no answer within 3 minutes from ${pending[*]}; see their logs in $RUN_DIR" >&2
  exit 1
fi

echo
echo "Whistle cluster is running: http://127.0.0.1:$CLUSTER_PORT   (Ctrl-C stops everything)"
echo
printf '  %-9s %-8s %-6s %-8s %s\n' process pid port metrics log
for name in "${NAMES[@]}"; do
  printf '  %-9s %-8s %-6s %-8s %s\n' "$name" "$(pid_of "$name")" "${PORT[$name]}" "${METRICS[$name]}" \
    "${LOG[$name]#"$PWD"/}"
done
echo "  (nginx's access log, naming the api that answered each request: ${RUN_DIR#"$PWD"/}/nginx-access.log)"
if [[ "${CLUSTER_SEED:-1}" != "0" ]]; then
  echo
  echo "Demo accounts as for npm run demo (README, Demo accounts), password whistle123."
fi
echo

# Like compose's restart policy: a process that dies is started again (its log continues).
while true; do
  exited=""
  status=0
  wait -n -p exited || status=$?
  # 127: nothing left to wait for, which the restarts below should make impossible.
  if [[ -z $exited && $status -eq 127 ]]; then exit 1; fi
  [[ -n $exited && -n ${NAME_OF[$exited]:-} ]] || continue
  name=${NAME_OF[$exited]}
  unset "NAME_OF[$exited]"
  sleep 1
  start_process "$name"
  echo "$(date +%T) $name (pid $exited) exited with status $status; started again as pid $!" \
    "(log: ${LOG[$name]#"$PWD"/})"
done
