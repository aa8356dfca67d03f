#!/bin/sh
# A throw-away PostgreSQL 15 cluster for integration tests (PLATFORM-NOTES: initdb refuses root, so the server
# runs as `postgres`; no systemd, so pg_ctl directly; Debian's own cluster stays on 5432, we use another port).
#   pg-fixture.sh start DIR PORT   — initdb (once) + start; creates database "wardhub"
#   pg-fixture.sh stop DIR PORT    — fast shutdown
# WARD_PG_EXTRA adds server settings (e.g. "-c log_min_duration_statement=0" to profile a benchmark).
# The socket directory is DIR/sock; clients connect with host=DIR/sock port=PORT user=postgres.
set -eu
cmd=${1:?start|stop}; dir=${2:?DIR}; port=${3:?PORT}
bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
start)
  if [ "$(id -u)" = 0 ]; then
    install -d -o postgres -g postgres -m 755 "$dir"
    install -d -o postgres -g postgres -m 700 "$dir/pg"
    install -d -o postgres -g postgres -m 755 "$dir/sock"
  else
    mkdir -p "$dir/pg" "$dir/sock"; chmod 700 "$dir/pg"
  fi
  if as_pg "$bin/pg_ctl" -D "$dir/pg" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null
  fi
  if [ ! -f "$dir/pg/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir/pg" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  # fsync stays on: the crash tests rely on committed batches surviving.
  as_pg "$bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
    -o "-k $dir/sock -p $port -c listen_addresses='' -c max_connections=300 ${WARD_PG_EXTRA:-}" start >/dev/null \
    || { cat "$dir/pg/server.log" >&2; exit 1; }
  as_pg "$bin/psql" -h "$dir/sock" -p "$port" -U postgres -d postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname='wardhub'" | grep -q 1 \
    || as_pg "$bin/createdb" -h "$dir/sock" -p "$port" -U postgres wardhub
  echo "postgres ready: socket $dir/sock port $port"
  ;;
stop)
  if [ -f "$dir/pg/PG_VERSION" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/pg" -m fast -w stop >/dev/null 2>&1 || true
  fi
  ;;
*) echo "usage: $0 start|stop DIR PORT" >&2; exit 2 ;;
esac
