#!/usr/bin/env bash
# Sourced by scripts/start.sh and scripts/test.sh (and usable on its own:
# `bash scripts/setup.sh`). Makes a fresh clone runnable with nothing but
# Node.js and npm on the machine:
#   1. scripts/toolchain.sh: Node 22 (when needed), the committed Yarn 4
#      release as the `yarn` shell function, the registry from npm's config;
#   2. `yarn install` (`--immutable` when CI=true), skipped when node_modules
#      is already up to date with yarn.lock and every package.json.
#
# Environment:
#   SETUP_FORCE_INSTALL=1  always run `yarn install`
#   SETUP_SKIP_INSTALL=1   never run it (node_modules must exist)
#   SETUP_VERBOSE=1        show Yarn's full output

_setup_main() {
  local here
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  # shellcheck source=scripts/toolchain.sh
  source "$here/toolchain.sh" || return 1
  cd "$REPO_ROOT" || return 1

  local stamp="$REPO_ROOT/node_modules/.setup-install-stamp"
  if [ "${SETUP_SKIP_INSTALL:-}" = 1 ]; then
    [ -d node_modules ] || { echo "[setup] SETUP_SKIP_INSTALL=1 but node_modules is missing" >&2; return 1; }
    echo "[setup] Node $(node --version), Yarn $(yarn --version); install skipped (SETUP_SKIP_INSTALL=1)"
    return 0
  fi

  # Up to date when the stamp written after the last successful install is
  # newer than the lockfile, the Yarn config and every workspace package.json.
  if [ "${SETUP_FORCE_INSTALL:-}" != 1 ] && [ "${CI:-}" != true ] && [ -f "$stamp" ]; then
    local newer
    newer="$(find yarn.lock .yarnrc.yml package.json packages/*/package.json plugins/*/package.json \
      -maxdepth 0 -newer "$stamp" 2>/dev/null | head -n 1)"
    if [ -z "$newer" ]; then
      echo "[setup] Node $(node --version), Yarn $(yarn --version); dependencies are up to date"
      return 0
    fi
  fi

  local args=(install)
  if [ "${CI:-}" = true ]; then
    args+=(--immutable)
  fi
  echo "[setup] Node $(node --version), Yarn $(yarn --version): yarn ${args[*]} (first run on a fresh clone takes a few minutes)"

  local started=$SECONDS rc log
  if [ "${SETUP_VERBOSE:-}" = 1 ]; then
    yarn "${args[@]}"
    rc=$?
  else
    log="$(mktemp -t yarn-install.XXXXXX.log)"
    # Progress lines and the (many, harmless) peer-dependency notices stay in
    # the log; anything else Yarn reports is shown as it comes.
    yarn "${args[@]}" >"$log" 2>&1 &
    local pid=$!
    tail -n +1 -f --pid="$pid" "$log" 2>/dev/null \
      | grep --line-buffered -vE 'YN0000|YN0002|YN0060|YN0086|YN0013|YN0007|YN0008|YN0085|YN0019|YN0009: . keytar@|^\s*$' &
    local tail_pid=$!
    wait "$pid"
    rc=$?
    wait "$tail_pid" 2>/dev/null
  fi

  if [ "$rc" -ne 0 ]; then
    echo "[setup] yarn ${args[*]} FAILED (exit $rc)" >&2
    if [ -n "${log:-}" ]; then
      echo "[setup] last lines of $log:" >&2
      tail -n 60 "$log" >&2
    fi
    return "$rc"
  fi
  if [ -n "${log:-}" ]; then
    # keytar is an optional dependency of the Backstage CLI (OS keychain for
    # `backstage-cli auth`); it needs libsecret headers to build. Harmless.
    if grep -q 'YN0009: . keytar@' "$log"; then
      echo "[setup] note: optional native module keytar was not built (needs libsecret-1-dev); not used by the portal"
    fi
    rm -f "$log"
  fi
  mkdir -p node_modules && touch "$stamp"
  echo "[setup] dependencies installed in $((SECONDS - started))s"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Executed directly rather than sourced.
  _setup_main
  exit $?
fi
_setup_main
