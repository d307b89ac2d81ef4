import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { announce, readCount, SOAK_OPS } from '@w/test-support/soak';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Soak (pnpm test:soak), Node only (child processes). Every `new WeakRef(x)` and `deref()`
// keeps x alive until the current job ends, and V8 aborts the process after 2^24 such
// objects in one job (docs/limits.md). Filling a container with millions of entries and
// iterating it, all in one synchronous job, must stay under that: one kept object per
// entry, in a child process with a bounded heap. Sized as the other soaks, by SOAK_OPS:
// 2 × SOAK_OPS entries (2e6 by default); SOAK_JOB_ENTRIES sets it alone (the limit is
// 16,777,216 entries).

const ENTRIES = readCount('SOAK_JOB_ENTRIES', 2 * SOAK_OPS);
// Bytes per entry, with room: a WeakValueMap entry takes ~270, a ref with a callback to its
// own target ~520 (the ref, its target's record and registration).
const HEAP_MB = Math.max(1024, Math.ceil((ENTRIES * 800) / 2 ** 20));

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  announce('building @w/weakref for the child processes');
  built = await buildForChildren({
    weakref: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
  });
}, 120_000);
afterAll(() => built?.remove());

// One synchronous job: make ENTRIES objects (kept), put each in the container, iterate it.
const FILL_AND_ITERATE: Record<string, string> = {
  WeakValueMap: `
    const c = new WeakValueMap();
    for (let i = 0; i < n; i++) c.set(i, (kept[i] = { i }));
    let seen = 0;
    for (const [key, value] of c) if (value.i === key) seen++;`,
  WeakKeyMap: `
    const c = new WeakKeyMap();
    for (let i = 0; i < n; i++) c.set((kept[i] = { i }), i);
    let seen = 0;
    for (const [key, value] of c) if (key.i === value) seen++;`,
  IterableWeakSet: `
    const c = new IterableWeakSet();
    for (let i = 0; i < n; i++) c.add((kept[i] = { i }));
    let seen = 0;
    for (const member of c) if (member === kept[member.i]) seen++;`,
  'refs with callbacks': `
    const c = kept.map((_, i) => ref((kept[i] = { i }), () => {}));
    let seen = 0;
    for (const r of c) if (r.deref() !== undefined) seen++;`,
};

it.each(Object.keys(FILL_AND_ITERATE))(
  `%s: ${ENTRIES} entries filled and iterated in one synchronous job`,
  (kind) => {
    const script = join(built.dir, `${kind.replace(/\W/g, '-')}.mjs`);
    writeFileSync(
      script,
      `import { WeakValueMap, WeakKeyMap, IterableWeakSet, ref } from './weakref.js';
      const n = ${ENTRIES};
      const kept = new Array(n).fill(undefined);
      ${FILL_AND_ITERATE[kind]}
      console.log(JSON.stringify({ size: c.size ?? c.length, seen }));`,
    );
    announce(`${kind}: ${ENTRIES} entries in one job, in a child process (${HEAP_MB} MB heap)`);
    const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, script], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    expect(child.stderr.slice(0, 2000)).toBe('');
    expect([child.status, child.signal]).toEqual([0, null]);
    expect(JSON.parse(child.stdout)).toEqual({ size: ENTRIES, seen: ENTRIES });
  },
);
