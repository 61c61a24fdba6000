#!/usr/bin/env bash
# Entry point of `yarn bench`: makes the toolchain available, starts a
# throwaway PostgreSQL 15 cluster when --db is pg or both (scripts/pg.sh,
# stopped and removed on exit), then runs bench/run.mjs with the same
# arguments. See bench/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=../scripts/toolchain.sh
source scripts/toolchain.sh

db=sqlite
prev=""
for arg in "$@"; do
  [ "$prev" = "--db" ] && db="$arg"
  prev="$arg"
done

if [ "$db" = pg ] || [ "$db" = both ]; then
  # shellcheck source=../scripts/pg.sh
  source scripts/pg.sh
  pg_start
  if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    echo "[bench] PostgreSQL 15 is not available here; use --db sqlite" >&2
    exit 1
  fi
  export BENCH_PG_URL="$BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING"
fi

# Node 22 strips the types of the demo's .ts modules that fleet.mjs imports.
node --disable-warning=ExperimentalWarning --disable-warning=MODULE_TYPELESS_PACKAGE_JSON \
  bench/run.mjs "$@"
