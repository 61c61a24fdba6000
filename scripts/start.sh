#!/usr/bin/env bash
# `npm start`: install what is missing, then run the portal in development
# mode: frontend on http://localhost:3000, backend on http://localhost:7007.
# The backend keeps one SQLite file per plugin in data/sqlite (see
# app-config.yaml) and adds the demo-only values of app-config.demo.yaml
# (the root `dev` script passes both files to `backstage-cli repo start`,
# which does not run the packages' own start scripts): guest sign-in, the local ingest token,
# the demo signing key, and the demo data the customer-reporting plugin loads
# on the first start with an empty database. Stop with Ctrl+C.
set -uo pipefail

# shellcheck source=scripts/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" || exit 1
cd "$REPO_ROOT" || exit 1

mkdir -p data/sqlite
echo "[start] frontend http://localhost:3000, backend http://localhost:7007 (data in data/sqlite)"
# `yarn` is a shell function (toolchain.sh) and `exec` only runs programs, so
# exec the committed Yarn release directly.
exec node "$REPO_ROOT"/.yarn/releases/yarn-*.cjs dev "$@"
