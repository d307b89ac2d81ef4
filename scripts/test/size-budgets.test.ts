import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { root } from './published-packages';

const require = createRequire(import.meta.url);

it('size-limit budgets `import { X } from "@w/weakref"` for every public name', () => {
  const budgets = JSON.parse(readFileSync(`${root}.size-limit.json`, 'utf8')) as {
    import: string;
  }[];
  const budgeted = budgets.flatMap((b) => /^\{ (\w+) \}$/.exec(b.import)?.[1] ?? []).sort();
  const names = Object.keys(require(`${root}packages/weakref/dist/index.cjs`)).sort();
  expect(budgeted).toEqual(names);
});
