import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildForChildren } from '@w/test-support/build-for-children';
import { afterAll, beforeAll, expect, it } from 'vitest';

// Node only (a child process, whose heap holds nothing else). 1e6 overwrites of one key leave
// the heap flat: at most 1 MB more after a collection, so no registration or weak entry per
// write survives. Each scenario runs in rounds of 1e5 writes with a task between them.

const WRITES = 1_000_000;
const LIMIT = 1024 * 1024;

let built: Awaited<ReturnType<typeof buildForChildren>>;
beforeAll(async () => {
  built = await buildForChildren({
    cache: fileURLToPath(new URL('../src/index.ts', import.meta.url)),
    testing: fileURLToPath(new URL('../../core/src/testing.ts', import.meta.url)),
  });
}, 120_000);
afterAll(() => built?.remove());

// strong, and the body of one write (`cache`, `i`, and `kept`: two values that stay alive).
const SCENARIOS: Record<string, [number, string]> = {
  'a strong key, fresh values': [4, "cache.set('key', { i })"],
  'strong: 0, fresh values': [0, "cache.set('key', { i })"],
  'strong: 0, two values that stay alive': [0, "cache.set('key', kept[i % 2])"],
  'a key that goes weak between writes, fresh values': [
    1,
    "cache.set('key', { i }); cache.set('other', { i })",
  ],
  'a key that goes weak between writes, values that stay alive': [
    1,
    "cache.set('key', kept[i % 2]); cache.set('other', kept[(i + 1) % 2])",
  ],
};

it.each(Object.keys(SCENARIOS))(
  `${WRITES} overwrites of one key: %s`,
  (name) => {
    const [strong, write] = SCENARIOS[name]!;
    const script = join(built.dir, `${name.replace(/\W+/g, '-')}.mjs`);
    writeFileSync(
      script,
      `import { WeakCache } from './cache.js';
    import { collectGarbage } from './testing.js';
    const kept = [{ even: true }, { odd: true }];
    const cache = new WeakCache({ strong: ${strong} });
    const run = async (writes) => {
      for (let done = 0; done < writes; done += 1e5) {
        for (let i = done; i < Math.min(writes, done + 1e5); i++) { ${write}; }
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    };
    const heap = async () => { await collectGarbage(); return process.memoryUsage().heapUsed; };
    await run(2e5); // warm-up: compiled code and the containers' own tables
    const before = await heap();
    await run(${WRITES});
    const after = await heap();
    console.log(JSON.stringify({ growth: after - before, size: cache.size }));`,
    );
    const out = execFileSync(process.execPath, ['--expose-gc', script], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    const { growth, size } = JSON.parse(out);
    console.log(`${name}: ${growth} bytes`);
    expect(growth).toBeLessThanOrEqual(LIMIT);
    expect(size).toBeLessThanOrEqual(2);
  },
  180_000,
);
