#!/usr/bin/env bash
# Packs the current package as pnpm publishes it, then checks the tarball:
# publint --strict (package.json vs files) and attw (types for every resolver from node16 on).
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pnpm pack --pack-destination "$out" >/dev/null
tarball=$(ls "$out"/*.tgz)
publint --strict "$tarball" >/dev/null || { publint --strict "$tarball"; exit 1; }
attw --profile node16 --quiet "$tarball" || { attw --profile node16 "$tarball"; exit 1; }
echo "publint + attw: $(node -p "require('./package.json').name") ok"
