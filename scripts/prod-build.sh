#!/usr/bin/env bash
# The production image without Docker: runs the steps of
# packages/backend/Dockerfile on this machine, into a folder that plays the
# image's /app. Start it with scripts/prod-start.sh.
#
#   bash scripts/prod-build.sh [DIR]     DIR defaults to data/production-image
#
#   1. host build: `yarn build:backend` (backstage-cli package build of
#      packages/backend; it builds the frontend, packages/app, first and packs
#      it into the bundle, where app-backend serves it from):
#      packages/backend/dist/skeleton.tar.gz and bundle.tar.gz
#   2. DIR gets what the Dockerfile copies before installing: .yarn/releases,
#      .yarnrc.yml, backstage.json, yarn.lock, package.json and the skeleton
#      (the package.json of every workspace the backend needs)
#   3. `yarn workspaces focus --all --production` with NODE_ENV=production
#   4. examples/ (the catalog files app-config.production.yaml points at), the
#      bundle, app-config.yaml and app-config.production.yaml (never
#      app-config.demo.yaml)
#
# Prints the duration of each step. PROD_SKIP_BUILD=1 reuses an existing
# packages/backend/dist (step 1 left out).
set -euo pipefail

# shellcheck source=scripts/toolchain.sh
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$REPO_ROOT"

DIR="${1:-$REPO_ROOT/data/production-image}"
MARKER=".production-image"
DIST="$REPO_ROOT/packages/backend/dist"

step_started=$SECONDS
step_done() {
  echo "[prod-build] $1 in $((SECONDS - step_started))s"
  step_started=$SECONDS
}

if [ "${PROD_SKIP_BUILD:-}" = 1 ] && [ -f "$DIST/bundle.tar.gz" ]; then
  echo "[prod-build] PROD_SKIP_BUILD=1: reusing $DIST"
else
  echo "[prod-build] 1/4 yarn build:backend (frontend and backend bundle)"
  yarn build:backend
  step_done "1/4 host build"
fi

# Only ever empty a folder this script made.
if [ -e "$DIR" ] && [ -n "$(ls -A "$DIR")" ] && [ ! -f "$DIR/$MARKER" ]; then
  echo "[prod-build] $DIR exists and was not made by this script: not touching it" >&2
  exit 1
fi
rm -rf "$DIR"
mkdir -p "$DIR/.yarn"
touch "$DIR/$MARKER"

echo "[prod-build] 2/4 Yarn, lockfile and skeleton into $DIR"
cp -r .yarn/releases "$DIR/.yarn/"
cp .yarnrc.yml backstage.json yarn.lock package.json "$DIR/"
tar xzf "$DIST/skeleton.tar.gz" -C "$DIR"
step_done "2/4 skeleton"

echo "[prod-build] 3/4 yarn workspaces focus --all --production"
# The lockfile also lists the development workspaces that are not in the
# image; like `docker build` (no CI variable), allow Yarn to drop them.
(cd "$DIR" && NODE_ENV=production YARN_ENABLE_IMMUTABLE_INSTALLS=false \
  yarn workspaces focus --all --production)
step_done "3/4 production dependencies"

echo "[prod-build] 4/4 examples, bundle and production configuration"
cp -r examples "$DIR/examples"
tar xzf "$DIST/bundle.tar.gz" -C "$DIR"
cp app-config.yaml app-config.production.yaml "$DIR/"
step_done "4/4 bundle"
echo "[prod-build] production image in $DIR; start it with: bash scripts/prod-start.sh $DIR"
