#!/usr/bin/env bash
# Usage: scripts/new-package.sh <dir> <description> [dep ...]  — writes a package skeleton.
# The manifest's shared fields come from scripts/manifests.mjs: add <dir> to its `specs` first.
set -euo pipefail
dir=$1; desc=$2; shift 2
if ! node -e "import('./scripts/manifests.mjs').then((m) => process.exit(m.specs['$dir'] ? 0 : 1))"; then
  echo "add '$dir' (its docs page and keywords) to specs in scripts/manifests.mjs first" >&2
  exit 1
fi
mkdir -p "packages/$dir/src" "packages/$dir/test"
deps=""
for d in "$@"; do deps="$deps\"@w/$d\": \"workspace:^\","; done
cat > "packages/$dir/package.json" <<JSON
{ "name": "@w/$dir", "version": "0.0.0", "description": "$desc", "dependencies": {${deps%,}} }
JSON
cat > "packages/$dir/tsconfig.json" <<'JSON'
{ "extends": "../../tsconfig.base.json", "include": ["src", "test"] }
JSON
cat > "packages/$dir/tsup.config.ts" <<'TS'
import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

export default defineConfig(base);
TS
echo "export {};" > "packages/$dir/src/index.ts"
node scripts/manifests.mjs
