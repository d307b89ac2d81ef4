import { collectGarbage } from '@w/core/testing';
import { median, now, timeUntil } from '../harness';
import { type Kind, loadSubjects, type Subject } from '../subjects';
import { holding } from './containers';

/** How cleanup scales with the number of live containers (issue 11): one row per container and count. */
export interface CleanupRow {
  container: string;
  /** Live containers, each holding one live entry and losing one. */
  containers: number;
  /** Event-loop turns from a full collection until every container's `size` is exact. */
  turns: number;
  /** The same wait in milliseconds (NaN if it never ended). */
  ms: number;
  /** `collectGarbage()` with these containers alive and nothing to clean: median ms. */
  collectMs: number;
}

export const CONTAINER_COUNTS = [1, 100, 3000] as const;
/** Far more than any design needs: a scheduler that never finishes shows as a capped count. */
export const MAX_CLEANUP_TURNS = 20_000;
/** `collectGarbage()` calls timed per row (their median); one from ONE_CALL_FROM containers. */
export const COLLECT_CALLS = 3;
export const ONE_CALL_FROM = 1000;
const CONTAINER_KINDS: readonly Kind[] = ['set', 'key-map', 'value-map'];

async function measure(subject: Subject, count: number): Promise<CleanupRow> {
  const live = {};
  const containers = Array.from({ length: count }, () => {
    const container = holding(subject, live);
    subject.loop.fillDying!(container, 1, 0);
    return container;
  });
  const size = subject.loop.size!;
  // The WeakRefs made above keep their targets to the end of this task: timeUntil ends it.
  const { turns, ns } = await timeUntil(
    () => containers.every((c) => size(c) === 1),
    MAX_CLEANUP_TURNS,
  );
  const samples: number[] = [];
  for (let i = 0; i < (count >= ONE_CALL_FROM ? 1 : COLLECT_CALLS); i++) {
    const begin = now();
    await collectGarbage();
    samples.push((now() - begin) / 1e6);
  }
  containers.length = 0;
  await collectGarbage();
  return {
    container: subject.name,
    containers: count,
    turns,
    ms: ns / 1e6,
    collectMs: median(samples),
  };
}

/** Each of our containers at every count, a fresh set of containers per row. */
export async function runCleanup(
  log: (line: string) => void,
  counts: readonly number[] = CONTAINER_COUNTS,
): Promise<CleanupRow[]> {
  const rows: CleanupRow[] = [];
  for (const kind of CONTAINER_KINDS) {
    const { subjects } = await loadSubjects(kind);
    for (const subject of subjects.filter((s) => s.role === 'ours')) {
      for (const count of counts) {
        const row = await measure(subject, count);
        log(
          `  ${row.container} × ${count}: ${row.turns} turns (${row.ms.toFixed(1)} ms), collectGarbage ${row.collectMs.toFixed(1)} ms`,
        );
        rows.push(row);
      }
    }
  }
  return rows;
}
