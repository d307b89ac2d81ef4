#!/usr/bin/env bash
# Checks the current package: it depends at run time on @w/* packages only, then packs it as
# pnpm publishes it and checks the tarball: publint --strict (package.json vs files) and attw
# (types for every resolver, node10 included).
set -euo pipefail
outside=$(node -e '
  const pkg = require("./package.json");
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies"])
    for (const name of Object.keys(pkg[field] ?? {}))
      if (!name.startsWith("@w/")) console.log(`  ${field}: ${name}`);')
if [ -n "$outside" ]; then
  echo "$(node -p "require('./package.json').name") depends on packages outside @w/* at run time:"
  echo "$outside"
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pnpm pack --pack-destination "$out" >/dev/null
tarball=$(ls "$out"/*.tgz)
publint --strict "$tarball" >/dev/null || { publint --strict "$tarball"; exit 1; }
attw --quiet "$tarball" || { attw "$tarball"; exit 1; }
echo "publint + attw: $(node -p "require('./package.json').name") ok"
