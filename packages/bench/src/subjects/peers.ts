import { fresh } from '../harness/fresh';
import { keyMapLoops, setLikeLoops, valueMapLoops } from './loops';
import type { ContainerLoops, ContainerSubject } from './subject';

/**
 * The npm peers (exact versions pinned in package.json). Each is loaded on its own so a
 * peer that fails on this Node is left out with a note instead of stopping the run.
 */
export async function peerSubjects(failures: string[]): Promise<ContainerSubject[]> {
  const subjects: ContainerSubject[] = [];
  await load('weakref@0.2.5', failures, async () => {
    const { WeakValueMap, IterableWeakMap, IterableWeakSet } = await import('weakref');
    subjects.push(
      {
        name: 'weakref WeakValueMap',
        role: 'flawed peer',
        kind: 'value-map',
        create: () => new WeakValueMap(),
        loops: valueMapLoops(),
        note: 'cleanup deletes its key blindly: a key re-set before the old value’s cleanup ran loses its new value',
      },
      {
        name: 'weakref IterableWeakMap',
        role: 'peer',
        kind: 'key-map',
        create: () => new IterableWeakMap(),
        loops: keyMapLoops(),
      },
      {
        name: 'weakref IterableWeakSet',
        role: 'peer',
        kind: 'set',
        create: () => new IterableWeakSet(),
        loops: setLikeLoops(),
      },
    );
  });
  await load('@cspell/strong-weak-map@9.8.0', failures, async () => {
    const { StrongWeakMap } = await import('@cspell/strong-weak-map');
    subjects.push({
      name: '@cspell/strong-weak-map',
      role: 'flawed peer',
      kind: 'value-map',
      create: () => new StrongWeakMap(),
      loops: valueMapLoops(),
      note: 'no FinalizationRegistry: dead entries stay (and count in size) until get() meets them, so reclaim never happens; 10.x needs Node >= 22.18, 9.8.0 is the last for Node 20',
    });
  });
  await load('iterable-weak@1.0.4', failures, async () => {
    const module = await import('iterable-weak');
    const { IterableWeakMap, IterableWeakSet } = (module.default ??
      module) as typeof import('iterable-weak');
    subjects.push(
      {
        name: 'iterable-weak IterableWeakMap',
        role: 'flawed peer',
        kind: 'key-map',
        create: () => new IterableWeakMap(),
        loops: keyMapLoops(),
        note: 'Map<WeakRef<K>, V>: a value that refers to its own key keeps it alive forever',
      },
      {
        name: 'iterable-weak IterableWeakSet',
        role: 'peer',
        kind: 'set',
        create: () => new IterableWeakSet(),
        loops: setLikeLoops(),
      },
    );
  });
  await load('weak-lru-cache@1.2.2', failures, async () => {
    const { WeakLRUCache } = await import('weak-lru-cache');
    subjects.push({
      name: 'weak-lru-cache (expirer off)',
      role: 'flawed peer',
      kind: 'value-map',
      create: () => new WeakLRUCache({ expirer: false }),
      loops: lruLoops(),
      note: '`new WeakLRUCache({ expirer: false })`, setValue/getValue; registers without an unregister token, so replaced values leave registrations behind',
    });
  });
  return subjects;
}

// weak-lru-cache is a Map of entries: setValue/getValue are its value-map interface, and
// its own iteration/size count entries whose value may be dead (so no iterate here).
function lruLoops(): ContainerLoops {
  return {
    fill: fresh((c: any, keys: readonly unknown[], values: readonly unknown[]) => {
      for (let i = 0; i < keys.length; i++) c.setValue(keys[i], values[i]);
    }),
    get: fresh((c: any, keys: readonly unknown[]) => {
      let hits = 0;
      for (let i = 0; i < keys.length; i++) if (c.getValue(keys[i]) !== undefined) hits++;
      return hits;
    }),
    has: fresh((c: any, keys: readonly unknown[]) => {
      let hits = 0;
      for (let i = 0; i < keys.length; i++) if (c.has(keys[i])) hits++;
      return hits;
    }),
    remove: fresh((c: any, keys: readonly unknown[]) => {
      let removed = 0;
      for (let i = 0; i < keys.length; i++) if (c.delete(keys[i])) removed++;
      return removed;
    }),
    size: fresh((c: any) => c.size),
    fillDying: fresh((c: any, count: number, offset: number) => {
      for (let i = 0; i < count; i++) c.setValue(offset + i, {});
    }),
  };
}

async function load(name: string, failures: string[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    failures.push(`${name} left out: ${error instanceof Error ? error.message : String(error)}`);
  }
}
