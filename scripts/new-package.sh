#!/usr/bin/env bash
# Usage: scripts/new-package.sh <dir> <description> [dep ...]  — writes a package skeleton.
set -euo pipefail
dir=$1; desc=$2; shift 2
name="@w/$dir"
mkdir -p "packages/$dir/src" "packages/$dir/test"
deps=""
for d in "$@"; do deps="$deps\"@w/$d\": \"workspace:^\","; done
deps="{${deps%,}}"
cat > "packages/$dir/package.json" <<JSON
{
  "name": "$name",
  "version": "0.0.0",
  "description": "$desc",
  "license": "MIT",
  "type": "module",
  "sideEffects": false,
  "files": ["dist"],
  "engines": { "node": ">=20" },
  "repository": { "type": "git", "url": "git+https://github.com/w-weakref/weakref.git", "directory": "packages/$dir" },
  "keywords": ["weakref", "weak", "WeakRef", "FinalizationRegistry", "gc"],
  "main": "./dist/index.cjs",
  "module": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": {
      "source": "./src/index.ts",
      "import": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
      "require": { "types": "./dist/index.d.cts", "default": "./dist/index.cjs" }
    },
    "./package.json": "./package.json"
  },
  "publishConfig": {
    "access": "public",
    "exports": {
      ".": {
        "import": { "types": "./dist/index.d.ts", "default": "./dist/index.js" },
        "require": { "types": "./dist/index.d.cts", "default": "./dist/index.cjs" }
      },
      "./package.json": "./package.json"
    }
  },
  "scripts": {
    "build": "tsup",
    "typecheck": "tsc --noEmit",
    "check-package": "bash ../../scripts/check-package.sh"
  },
  "dependencies": $deps
}
JSON
cat > "packages/$dir/tsconfig.json" <<'JSON'
{ "extends": "../../tsconfig.base.json", "include": ["src", "test"] }
JSON
cat > "packages/$dir/tsup.config.ts" <<'TS'
import { defineConfig } from 'tsup';
import { base } from '../../tsup.base';

export default defineConfig(base);
TS
