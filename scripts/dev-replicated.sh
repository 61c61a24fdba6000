#!/usr/bin/env bash
# `yarn dev:replicated`: the portal filled by the Replicated module from a
# local fake of the Vendor API (scripts/replicated-fake.mjs) instead of the
# demo fleet. Loads app-config.yaml, app-config.demo.yaml (guest sign-in, the
# local token and signing key), then app-config.replicated.yaml (its own
# SQLite folder data/sqlite-replicated, demo off, the module pointed at the
# fake). Extra arguments go to `backstage-cli repo start`, e.g. another
# `--config` file (an absolute path). Stop with Ctrl+C; the fake stops with
# the portal.
#
# Environment: REPLICATED_FAKE_PORT (7587), REPLICATED_API_TOKEN
# (fake-replicated-token): the fake accepts only this token.
set -uo pipefail

# shellcheck source=scripts/toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh" || exit 1
cd "$REPO_ROOT" || exit 1

export REPLICATED_FAKE_PORT="${REPLICATED_FAKE_PORT:-7587}"
export REPLICATED_API_TOKEN="${REPLICATED_API_TOKEN:-fake-replicated-token}"
mkdir -p data/sqlite-replicated

node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON scripts/replicated-fake.mjs &
FAKE_PID=$!
trap 'kill "$FAKE_PID" 2>/dev/null' EXIT

# Absolute paths: each package resolves --config against its own folder.
yarn backstage-cli repo start \
  --config "$REPO_ROOT/app-config.yaml" \
  --config "$REPO_ROOT/app-config.demo.yaml" \
  --config "$REPO_ROOT/app-config.replicated.yaml" "$@"
