#!/usr/bin/env bash
# `npm test`: everything the project checks, from a fresh clone.
#   1. type check  (yarn tsc)                       counts as 1 check
#   2. lint        (yarn backstage-cli repo lint, then yarn prettier:check)
#                                                   counts as 1 check
#   3. unit and database tests (backstage-cli repo test = Jest), on SQLite and,
#      when Debian's PostgreSQL 15 is installed, on a throwaway PostgreSQL 15
#      cluster (scripts/pg.sh)                      counts each Jest test
#   4. end-to-end smoke test in headless Chromium (scripts/e2e-smoke.mjs),
#      the Replicated source against its fake (scripts/e2e/replicated.mjs), and
#      the production build (built like packages/backend/Dockerfile, started
#      with app-config.production.yaml) on PostgreSQL 15 (scripts/e2e/production.mjs)
#      the packages packed for npm (scripts/e2e/packing.mjs), and a fresh
#      @backstage/create-app app that installs them by their READMEs
#      (scripts/e2e/adopter.mjs)
#   5. the benchmark harness at size S on SQLite (bench/), counts as 1 check
#                                                   counts each e2e test
# Runs every stage even when an earlier one failed. The last line printed is
# `N passed, N failed`; the exit code is non-zero when anything failed.
#
# Environment: TEST_SKIP_E2E=1 leaves out stage 4, TEST_SKIP_BENCH=1 stage 5
# (each counted as skipped).
set -uo pipefail

PASSED=0
FAILED=0
SKIPPED=0
SUMMARY=()

summary_line() {
  local line="$PASSED passed, $FAILED failed"
  [ "$SKIPPED" -gt 0 ] && line+=", $SKIPPED skipped"
  echo "$line"
}

# shellcheck source=scripts/setup.sh
if ! source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"; then
  echo "[test] setup failed: dependencies could not be installed"
  FAILED=1
  summary_line
  exit 1
fi
cd "$REPO_ROOT" || exit 1
# shellcheck source=scripts/pg.sh
source "$REPO_ROOT/scripts/pg.sh"

WORK="$(mktemp -d -t backstage-test.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

stage() {
  echo
  echo "================================================================"
  echo "== $*"
  echo "================================================================"
  STAGE_STARTED=$SECONDS
}

# note NAME PASSED FAILED [SKIPPED]
note() {
  local name="$1" p="$2" f="$3" s="${4:-0}"
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
  SKIPPED=$((SKIPPED + s))
  local status=ok
  [ "$f" -gt 0 ] && status=FAILED
  SUMMARY+=("$(printf '%-34s %-7s %4s passed, %3s failed, %3s skipped  (%ss)' \
    "$name" "$status" "$p" "$f" "$s" "$((SECONDS - STAGE_STARTED))")")
  echo "-- $name: $status ($p passed, $f failed$([ "$s" -gt 0 ] && echo ", $s skipped")) in $((SECONDS - STAGE_STARTED))s"
}

# --- 1. type check -----------------------------------------------------------
stage "1/5 type check: yarn tsc"
if yarn tsc; then note "type check (tsc)" 1 0; else note "type check (tsc)" 0 1; fi

# --- 2. lint -------------------------------------------------------------------
stage "2/5 lint: yarn backstage-cli repo lint, yarn prettier:check"
if yarn backstage-cli repo lint && yarn prettier:check; then
  note "lint and formatting" 1 0
else
  note "lint and formatting" 0 1
fi

# --- 3. Jest -------------------------------------------------------------------
stage "3/5 unit and database tests: yarn backstage-cli repo test"
PG_STARTED=0
if pg_start; then
  [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ] && PG_STARTED=1
else
  echo "[test] the throwaway PostgreSQL 15 did not start: database tests run on SQLite only"
fi
echo "[test] test databases configured for TestDatabases (@backstage/backend-test-utils):"
echo "         SQLITE_3      in memory (always)"
db_vars="$(env | grep -E '^BACKSTAGE_TEST_DATABASE_[A-Z0-9]+_CONNECTION_STRING=' | sort || true)"
if [ -n "$db_vars" ]; then
  while IFS='=' read -r var value; do
    id="${var#BACKSTAGE_TEST_DATABASE_}"
    id="${id%_CONNECTION_STRING}"
    # Show the server, not any password.
    printf '         %-13s %s\n' "$id" "$(echo "$value" | sed -E 's#//([^:@/]+):[^@/]*@#//\1:***@#')"
  done <<<"$db_vars"
  echo "[test] database tests run on SQLite and on the servers above (Docker disabled)"
else
  echo "[test] no PostgreSQL/MySQL test server: database tests run on SQLite only (Docker disabled)"
fi

JEST_JSON="$WORK/jest.json"
CI=true BACKSTAGE_TEST_DISABLE_DOCKER=1 yarn backstage-cli repo test --json --outputFile="$JEST_JSON"
jest_rc=$?
if [ "$PG_STARTED" = 1 ]; then
  echo "[test] PostgreSQL 15: the tests created $(pg_ddl_count) databases on it"
fi
pg_stop
# Failed tests count one each; a test file that could not run at all (syntax
# error, failing import, ...) counts as one failure too.
read -r jp jf < <(node -e '
  const fs = require("fs");
  let r;
  try { r = JSON.parse(fs.readFileSync(process.argv[1], "utf8")); } catch { console.log("0 -1"); process.exit(); }
  const broken = (r.testResults || []).filter(t => t.status === "failed" && !(t.assertionResults || []).some(a => a.status === "failed")).length;
  console.log(`${r.numPassedTests} ${r.numFailedTests + broken}`);
' "$JEST_JSON")
if [ "$jf" = -1 ]; then
  echo "[test] Jest exited with $jest_rc and wrote no results"
  jp=0
  jf=1
elif [ "$jest_rc" -ne 0 ] && [ "$jf" -eq 0 ]; then
  echo "[test] Jest exited with $jest_rc although no test failed"
  jf=1
fi
note "unit and database tests (jest)" "$jp" "$jf"

# --- 4. e2e --------------------------------------------------------------------
stage "4/5 end-to-end smoke test: node scripts/e2e-smoke.mjs"
if [ "${TEST_SKIP_E2E:-}" = 1 ]; then
  echo "[test] TEST_SKIP_E2E=1: e2e smoke test left out"
  note "e2e smoke (chromium)" 0 0 1
else
  # A fresh machine has no browser: install Debian's chromium when we can
  # (root with apt-get), so the browser tests run rather than skip.
  if [ ! -x /usr/bin/chromium ] && [ -z "${E2E_CHROMIUM:-}" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "[test] Chromium is not installed: installing Debian's chromium (apt-get)"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null ||
        { apt-get update -q >/dev/null &&
          DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; } ||
        echo "[test] apt-get could not install chromium"
    fi
    if [ ! -x /usr/bin/chromium ]; then
      echo "[test] NOTICE: Chromium is not installed (/usr/bin/chromium): the browser tests are SKIPPED, not passed." \
        "Install Debian's chromium (apt-get install -y chromium as root) or set E2E_CHROMIUM to a Chromium binary."
    fi
  fi
  # e2e_run NAME SCRIPT: runs an e2e script that writes its results to
  # $E2E_RESULT_FILE, and notes them (a run without results is one failure).
  e2e_run() {
    local name="$1" script="$2" json="$WORK/e2e-$RANDOM.json" rc ep ef es
    E2E_RESULT_FILE="$json" node "$script"
    rc=$?
    read -r ep ef es < <(node -e '
      try { const r = require(process.argv[1]); console.log(`${r.passed} ${r.failed} ${r.skipped || 0}`); }
      catch { console.log("0 -1 0"); }
    ' "$json")
    if [ "$ef" = -1 ]; then
      echo "[test] $script exited with $rc and wrote no results"
      ep=0
      ef=1
    elif [ "$rc" -ne 0 ] && [ "$ef" -eq 0 ]; then
      ef=1
    fi
    note "$name" "$ep" "$ef" "$es"
  }
  e2e_run "e2e smoke (chromium)" scripts/e2e-smoke.mjs
  # Its own backend on 7307 with the fake Vendor API on 8797.
  STAGE_STARTED=$SECONDS
  e2e_run "e2e replicated (fake Vendor API)" scripts/e2e/replicated.mjs
  # The production build on a throwaway PostgreSQL 15: backend on 7350,
  # PostgreSQL on 7351 (about 1.5 minutes, most of it the build).
  STAGE_STARTED=$SECONDS
  e2e_run "e2e production build (PostgreSQL 15)" scripts/e2e/production.mjs
  # The seven packages (scripts/e2e/packages.mjs) packed as they are published: main, module, types,
  # exports and README links point inside each tarball (about 2-3 minutes).
  # The adopter test reuses the tarballs.
  export PACK_DIR="$WORK/packs"
  STAGE_STARTED=$SECONDS
  e2e_run "e2e packing (npm tarballs)" scripts/e2e/packing.mjs
  # A fresh app from @backstage/create-app installs the tarballs as their
  # READMEs say, type-checks, starts on 8000/8007 and shows the customer
  # list, a report, a customer entity and a component's Customers card
  # (3-8 minutes, most of it the app's yarn install).
  STAGE_STARTED=$SECONDS
  e2e_run "e2e adopter (fresh app)" scripts/e2e/adopter.mjs
fi

stage "5/5 benchmark harness at size S (SQLite): proves it runs; no timing assertions"
if [ "${TEST_SKIP_BENCH:-}" = 1 ]; then
  echo "[test] TEST_SKIP_BENCH=1: benchmark harness left out"
  note "bench harness (S, sqlite)" 0 0 1
elif BENCH_OUTPUT_DIR="$WORK/bench" bash bench/bench.sh --size S --db sqlite; then
  note "bench harness (S, sqlite)" 1 0
else
  note "bench harness (S, sqlite)" 0 1
fi

# --- summary -------------------------------------------------------------------
echo
echo "================================================================"
echo "== summary"
echo "================================================================"
printf '%s\n' "${SUMMARY[@]}"
echo "(tsc and lint count as one check each; jest and e2e count each test)"
summary_line
[ "$FAILED" -eq 0 ]
