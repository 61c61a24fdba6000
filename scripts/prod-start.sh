#!/usr/bin/env bash
# Runs the production image folder made by scripts/prod-build.sh the way the
# container runs it (packages/backend/Dockerfile's CMD): in DIR, with
# NODE_ENV=production,
#   node packages/backend --config app-config.yaml --config app-config.production.yaml
#
#   bash scripts/prod-start.sh [DIR]     DIR defaults to data/production-image
#
# Takes the environment app-config.production.yaml reads (docs/deploy.md);
# for a local trial it supplies what is missing:
#   POSTGRES_HOST/PORT/USER/PASSWORD  a throwaway PostgreSQL 15
#                                     (scripts/pg.sh; PG_START_PORT picks its port)
#   CUSTOMER_REPORTING_LICENSE_SIGNING_KEY  a fresh Ed25519 key (node's crypto)
#   CUSTOMER_REPORTING_INGEST_TOKEN   a random token, printed
# PORT and APP_BASE_URL default to 7007 and http://localhost:$PORT.
# Stops the backend and removes the throwaway PostgreSQL on exit (Ctrl+C).
set -uo pipefail

# shellcheck source=scripts/toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh" || exit 1
# shellcheck source=scripts/pg.sh
source "$REPO_ROOT/scripts/pg.sh"

DIR="${1:-$REPO_ROOT/data/production-image}"
if [ ! -f "$DIR/packages/backend/package.json" ] || [ ! -f "$DIR/app-config.production.yaml" ]; then
  echo "[prod-start] no production image in $DIR: run bash scripts/prod-build.sh $DIR first" >&2
  exit 1
fi

BACKEND_PID=""
stop_backend() {
  if [ -n "$BACKEND_PID" ] && kill -0 "$BACKEND_PID" 2>/dev/null; then
    kill -TERM "$BACKEND_PID" 2>/dev/null
    wait "$BACKEND_PID" 2>/dev/null
  fi
  BACKEND_PID=""
}

if [ -z "${POSTGRES_HOST:-}" ]; then
  pg_start || exit 1
  pg_backend_env || {
    echo "[prod-start] PostgreSQL 15 is not available: set POSTGRES_HOST/PORT/USER/PASSWORD" >&2
    exit 1
  }
fi
# The backend goes before the database it uses (pg_start set the trap).
trap 'stop_backend; pg_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -z "${CUSTOMER_REPORTING_LICENSE_SIGNING_KEY:-}" ]; then
  CUSTOMER_REPORTING_LICENSE_SIGNING_KEY="$(node -e '
    const { generateKeyPairSync } = require("crypto");
    process.stdout.write(generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }));
  ')"
  echo "[prod-start] CUSTOMER_REPORTING_LICENSE_SIGNING_KEY: a fresh Ed25519 key for this run"
fi
if [ -z "${CUSTOMER_REPORTING_INGEST_TOKEN:-}" ]; then
  CUSTOMER_REPORTING_INGEST_TOKEN="$(node -p 'require("crypto").randomBytes(24).toString("hex")')"
  echo "[prod-start] CUSTOMER_REPORTING_INGEST_TOKEN: $CUSTOMER_REPORTING_INGEST_TOKEN"
fi
export CUSTOMER_REPORTING_LICENSE_SIGNING_KEY CUSTOMER_REPORTING_INGEST_TOKEN
export PORT="${PORT:-7007}"
export APP_BASE_URL="${APP_BASE_URL:-http://localhost:$PORT}"
export NODE_ENV=production

echo "[prod-start] $APP_BASE_URL: node packages/backend (NODE_ENV=production) on PostgreSQL $POSTGRES_HOST:$POSTGRES_PORT"
cd "$DIR" || exit 1
# In the background so that a signal reaches the EXIT trap at once.
node packages/backend --config app-config.yaml --config app-config.production.yaml &
BACKEND_PID=$!
wait "$BACKEND_PID"
rc=$?
BACKEND_PID=""
exit "$rc"
