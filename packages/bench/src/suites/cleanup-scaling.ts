import { collectGarbage } from '@w/core/testing';
import { WeakKeyMap } from '@w/weak-key-map';
import { IterableWeakSet } from '@w/weak-set';
import { WeakValueMap } from '@w/weak-value-map';
import { fullGc, median, nextTurn, now } from '../harness/timing';

/** How the cleanup of many live containers scales (issue 11): one row per kind and count. */
export interface CleanupScalingRow {
  container: string;
  /** Live containers, each holding one live entry and losing one. */
  containers: number;
  /** Event-loop turns from a full collection until every container's `size` is exact. */
  turns: number;
  /** The same wait in milliseconds. */
  ms: number;
  /** `collectGarbage()` with these containers alive and nothing to clean: median ms. */
  collectMs: number;
}

export const CONTAINER_COUNTS = [1, 100, 3000] as const;

interface Kind {
  name: string;
  /** A container holding `live` and an entry whose weak part is already unreachable. */
  make(live: object): { readonly size: number };
}

const KINDS: readonly Kind[] = [
  {
    name: 'IterableWeakSet',
    make: (live) => new IterableWeakSet([live, {}]),
  },
  {
    name: 'WeakKeyMap',
    make: (live) =>
      new WeakKeyMap<object, number>([
        [live, 1],
        [{}, 2],
      ]),
  },
  {
    name: 'WeakValueMap',
    make: (live) =>
      new WeakValueMap<string, object>([
        ['live', live],
        ['dying', {}],
      ]),
  },
];

// Far more than any design needs, so a scheduler that never finishes shows as a capped count.
const MAX_TURNS = 20_000;

async function measure(kind: Kind, count: number): Promise<CleanupScalingRow> {
  const live = {};
  const containers = Array.from({ length: count }, () => kind.make(live));
  await nextTurn(); // the WeakRefs made above keep their targets to the end of this task
  fullGc();
  const started = now();
  let turns = 0;
  while (turns < MAX_TURNS && containers.some((c) => c.size !== 1)) {
    await nextTurn();
    turns++;
  }
  const ms = (now() - started) / 1e6;
  const samples: number[] = [];
  for (let i = 0; i < (count >= 1000 ? 1 : 3); i++) {
    const begin = now();
    await collectGarbage();
    samples.push((now() - begin) / 1e6);
  }
  containers.length = 0;
  await collectGarbage();
  return { container: kind.name, containers: count, turns, ms, collectMs: median(samples) };
}

/** Every kind at every count, in a fresh state each (containers of one row are dropped after it). */
export async function runCleanupScaling(
  log: (line: string) => void,
  counts: readonly number[] = CONTAINER_COUNTS,
): Promise<CleanupScalingRow[]> {
  const rows: CleanupScalingRow[] = [];
  for (const kind of KINDS) {
    for (const count of counts) {
      const row = await measure(kind, count);
      log(
        `  ${row.container} × ${count}: ${row.turns} turns (${row.ms.toFixed(1)} ms), collectGarbage ${row.collectMs.toFixed(1)} ms`,
      );
      rows.push(row);
    }
  }
  return rows;
}

/** The report's section for these rows. */
export function renderCleanupScaling(rows: readonly CleanupScalingRow[]): string[] {
  return [
    '## Cleanup against the number of live containers',
    '',
    'K live containers each hold one live entry and lose one. `turns` and `ms`: from a full',
    "collection until every container's `size` is exact. `collectGarbage()`: one call with the K",
    'containers alive and nothing left to clean (median of 3, 1 call at K ≥ 1000).',
    '',
    '| container | K | turns | ms | `collectGarbage()` ms |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.container} | ${r.containers} | ${r.turns >= MAX_TURNS ? `≥ ${MAX_TURNS}` : r.turns} | ${r.ms.toFixed(1)} | ${r.collectMs.toFixed(1)} |`,
    ),
    '',
  ];
}
