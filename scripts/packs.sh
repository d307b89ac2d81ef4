#!/usr/bin/env bash
# `pnpm packs [dir]`: every published package packed as its release will be (private ones
# skipped), into dir (default: packs/), to try them before they are on the registry:
# `npm install <dir>/*.tgz` in an app. Run after `pnpm build`; `pnpm packs` builds first.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-packs}")
mkdir -p "$out"
for dir in packages/*/; do
  if node -e "process.exit(require('./${dir}package.json').private ? 1 : 0)"; then
    (cd "$dir" && pnpm pack --pack-destination "$out" >/dev/null)
  fi
done
ls "$out"/*.tgz
