#!/usr/bin/env bash
# .ci/services.sh — install (if missing) and start redis-server + PostgreSQL
# without systemd, as root, and wait until both accept connections.
# Idempotent: safe to run again while they are running (it only re-checks).
# Usage:  bash .ci/services.sh start|stop|status   (default: start)
#         eval "$(bash .ci/services.sh start | grep '^export')"   # sets DATABASE_URL, REDIS_URL
set -euo pipefail

SVC_DIR=${SVC_DIR:-/tmp/ci-services}          # all state lives here
REDIS_PORT=${REDIS_PORT:-6379}
PGPORT=${PGPORT:-5432}
PGDATA=${PGDATA:-$SVC_DIR/pgdata}
PGRUN=${PGRUN:-$SVC_DIR/pgrun}               # socket + log, owned by postgres
PG_APP_USER=${PG_APP_USER:-app}
PG_APP_PASSWORD=${PG_APP_PASSWORD:-app}
PG_APP_DB=${PG_APP_DB:-app}

log() { printf '[ci-services %(%H:%M:%S)T] %s\n' -1 "$*"; }

install_if_missing() {
  local pkgs=()
  command -v redis-server >/dev/null 2>&1 || pkgs+=(redis-server)
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || pkgs+=(postgresql)
  if ((${#pkgs[@]})); then
    log "apt-get install ${pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
}

start_redis() {
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
    log "redis already up on :$REDIS_PORT"; return
  fi
  mkdir -p "$SVC_DIR"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" \
    --save '' --appendonly no --dir "$SVC_DIR" \
    --pidfile "$SVC_DIR/redis.pid" --logfile "$SVC_DIR/redis.log"
  for _ in $(seq 1 100); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && { log "redis up on :$REDIS_PORT"; return; }
    sleep 0.1
  done
  log "redis did not come up"; cat "$SVC_DIR/redis.log" >&2; exit 1
}

as_pg() { runuser -u postgres -- "$@"; }

start_postgres() {
  mkdir -p "$SVC_DIR" "$PGRUN"
  chown postgres:postgres "$PGRUN"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    log "initdb $PGDATA"
    mkdir -p "$PGDATA"; chown postgres:postgres "$PGDATA"; chmod 700 "$PGDATA"
    as_pg "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C.UTF-8 --no-instructions >"$SVC_DIR/initdb.log"
  fi
  if as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    log "postgres already running ($PGDATA)"
  else
    # fsync/synchronous_commit off: CI only (a crash loses data; we don't care)
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGRUN/postgres.log" -w -t 60 \
      -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PGRUN -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null
  fi
  for _ in $(seq 1 100); do
    "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PGPORT" && break; sleep 0.1
  done
  "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT"
  local PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres -d postgres)
  "${PSQL[@]}" -tAc "SELECT 1 FROM pg_roles WHERE rolname='$PG_APP_USER'" | grep -q 1 ||
    "${PSQL[@]}" -c "CREATE ROLE \"$PG_APP_USER\" LOGIN SUPERUSER PASSWORD '$PG_APP_PASSWORD'"
  "${PSQL[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_APP_DB'" | grep -q 1 ||
    "${PSQL[@]}" -c "CREATE DATABASE \"$PG_APP_DB\" OWNER \"$PG_APP_USER\""
  log "postgres up: postgres://$PG_APP_USER:$PG_APP_PASSWORD@127.0.0.1:$PGPORT/$PG_APP_DB"
}

stop_all() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [ -n "${PGBIN:-}" ] && [ -s "$PGDATA/PG_VERSION" ] &&
     as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null && log "postgres stopped"
  fi
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    log "redis stopped"
  fi
}

case "${1:-start}" in
  start)
    install_if_missing
    start_redis
    start_postgres
    echo "export DATABASE_URL=postgres://$PG_APP_USER:$PG_APP_PASSWORD@127.0.0.1:$PGPORT/$PG_APP_DB"
    echo "export REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
    ;;
  stop) stop_all ;;
  status)
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping || true
    pg_isready -h 127.0.0.1 -p "$PGPORT" || true ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
