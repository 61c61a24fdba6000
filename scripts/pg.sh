#!/usr/bin/env bash
# Sourced by scripts/test.sh. A throwaway PostgreSQL 15 cluster for the
# database tests (@backstage/backend-test-utils TestDatabases), used when
# Debian's PostgreSQL 15 server binaries are installed; without them the
# database tests run on SQLite only.
#
#   pg_start   initdb into a fresh temporary folder, start on 127.0.0.1 at a
#              free port, export
#              BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, and add
#              pg_stop to the shell's EXIT trap. Returns 0 also when
#              PostgreSQL is absent (after a notice); 1 if it failed to start.
#   pg_stop    stop the cluster and remove its folder (safe to call twice).
#   pg_ddl_count  how many CREATE DATABASE statements the cluster has seen.
#   pg_backend_env  after pg_start: export POSTGRES_HOST, POSTGRES_PORT,
#              POSTGRES_USER and POSTGRES_PASSWORD, which
#              app-config.production.yaml reads (trust authentication: the
#              password is empty).
#
# PG15_BIN overrides the binaries folder (default /usr/lib/postgresql/15/bin);
# PG_START_PORT a fixed port for pg_start (default: a free one).

PG15_BIN="${PG15_BIN:-/usr/lib/postgresql/15/bin}"
PG_TMP_DIR=""
PG_PORT=""

# Runs a command as the cluster's owner: the `postgres` OS user when we are
# root (initdb and postgres refuse to run as root), otherwise ourselves.
_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_pg_free_port() {
  node -e '
    const s = require("net").createServer();
    s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
  '
}

_pg_add_exit_trap() {
  local prev
  prev="$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT\$/\\1/")"
  case "$prev" in
    *pg_stop*) return 0 ;;
  esac
  # shellcheck disable=SC2064
  trap "pg_stop; ${prev}" EXIT
  # Make Ctrl+C / kill run the EXIT trap too.
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

pg_start() {
  if [ ! -x "$PG15_BIN/initdb" ] || [ ! -x "$PG15_BIN/pg_ctl" ]; then
    echo "[pg] PostgreSQL 15 not found: database tests run on SQLite only" \
      "(install Debian's postgresql-15 to also run them on PostgreSQL 15)"
    return 0
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "[pg] PostgreSQL 15 not found: database tests run on SQLite only" \
      "(running as root and there is no 'postgres' OS user to own the cluster)"
    return 0
  fi

  PG_TMP_DIR="$(mktemp -d -t backstage-test-pg.XXXXXX)"
  _pg_add_exit_trap
  [ "$(id -u)" = 0 ] && chown postgres: "$PG_TMP_DIR"
  chmod 700 "$PG_TMP_DIR"

  if ! _pg_as_owner "$PG15_BIN/initdb" -D "$PG_TMP_DIR/data" -U postgres \
      --auth=trust --encoding=UTF8 --no-sync >"$PG_TMP_DIR/initdb.log" 2>&1; then
    echo "[pg] initdb failed:" >&2
    tail -n 20 "$PG_TMP_DIR/initdb.log" >&2
    pg_stop
    return 1
  fi

  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT="${PG_START_PORT:-$(_pg_free_port)}"
    # Settings for a disposable test server: no durability, plenty of
    # connections (every test database gets its own pool), DDL logged so the
    # log shows that the tests really used it. On a machine of up to three
    # cores, no parallel workers per query, as docs/operations.md advises
    # for such a database host: the server shares the cores with the
    # backend, and on two cores the default of two workers made the fleet
    # audit 2-5 times slower (bench/observations.md, session 22).
    local parallel=""
    [ "$(nproc)" -le 3 ] && parallel="-c max_parallel_workers_per_gather=0"
    if _pg_as_owner "$PG15_BIN/pg_ctl" -D "$PG_TMP_DIR/data" -l "$PG_TMP_DIR/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $PG_PORT -k $PG_TMP_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c log_statement=ddl $parallel" \
        start >"$PG_TMP_DIR/pg_ctl.log" 2>&1; then
      export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:$PG_PORT"
      echo "[pg] PostgreSQL $("$PG15_BIN/postgres" --version | awk '{print $3}') started on 127.0.0.1:$PG_PORT (cluster in $PG_TMP_DIR, removed on exit)"
      return 0
    fi
    # Most likely lost a race for the port: try another one.
    if ! grep -q "could not bind\|Address already in use" "$PG_TMP_DIR/server.log" 2>/dev/null; then
      break
    fi
  done
  echo "[pg] PostgreSQL 15 failed to start:" >&2
  tail -n 20 "$PG_TMP_DIR/pg_ctl.log" "$PG_TMP_DIR/server.log" >&2 2>/dev/null
  pg_stop
  return 1
}

pg_backend_env() {
  [ -n "$PG_PORT" ] && [ -n "$PG_TMP_DIR" ] || return 1
  export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$PG_PORT" POSTGRES_USER=postgres POSTGRES_PASSWORD=
}

pg_ddl_count() {
  [ -n "$PG_TMP_DIR" ] && [ -f "$PG_TMP_DIR/server.log" ] || { echo 0; return; }
  grep -ci 'statement: CREATE DATABASE' "$PG_TMP_DIR/server.log" 2>/dev/null || true
}

pg_stop() {
  [ -n "$PG_TMP_DIR" ] || return 0
  if [ -f "$PG_TMP_DIR/data/postmaster.pid" ]; then
    _pg_as_owner "$PG15_BIN/pg_ctl" -D "$PG_TMP_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || echo "[pg] could not stop the PostgreSQL cluster in $PG_TMP_DIR" >&2
    echo "[pg] PostgreSQL 15 stopped"
  fi
  rm -rf "$PG_TMP_DIR"
  PG_TMP_DIR=""
  unset BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
}
