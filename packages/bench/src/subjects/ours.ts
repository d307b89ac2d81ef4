import { keyMapLoops, refLoops, setLikeLoops, valueMapLoops } from './loops';
import type { ContainerSubject, RefSubject } from './subject';

/**
 * Our packages, imported from their BUILT output. Loaded one by one so that a package
 * that does not build or load yet is reported instead of stopping the whole run.
 */
export async function ourSubjects(failures: string[]): Promise<(ContainerSubject | RefSubject)[]> {
  const subjects: (ContainerSubject | RefSubject)[] = [];
  await load('@w/weak-value-map', failures, async () => {
    const { WeakValueMap } = await import('@w/weak-value-map');
    subjects.push({
      name: 'WeakValueMap (ours)',
      role: 'ours',
      kind: 'value-map',
      create: () => new WeakValueMap(),
      loops: valueMapLoops({ walks: true }),
    });
  });
  await load('@w/weak-key-map', failures, async () => {
    const { WeakKeyMap } = await import('@w/weak-key-map');
    subjects.push({
      name: 'WeakKeyMap (ours)',
      role: 'ours',
      kind: 'key-map',
      create: () => new WeakKeyMap(),
      loops: keyMapLoops({ walks: true }),
    });
  });
  await load('@w/weak-set', failures, async () => {
    const { IterableWeakSet } = await import('@w/weak-set');
    subjects.push({
      name: 'IterableWeakSet (ours)',
      role: 'ours',
      kind: 'set',
      create: () => new IterableWeakSet(),
      loops: setLikeLoops(),
    });
  });
  await load('@w/ref', failures, async () => {
    const { ref } = await import('@w/ref');
    subjects.push(
      {
        name: 'ref(o) (ours)',
        role: 'ours',
        kind: 'ref',
        hasCallback: false,
        setup: () => ({ make: (target: object) => ref(target) }),
        loops: refLoops(),
      },
      {
        name: 'ref(o, cb) (ours)',
        role: 'ours',
        kind: 'ref',
        hasCallback: true,
        setup: (counter) => {
          const callback = () => {
            counter.fired++;
          };
          return { make: (target: object) => ref(target, callback) };
        },
        loops: refLoops(),
      },
    );
  });
  return subjects;
}

async function load(name: string, failures: string[], body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    failures.push(
      `${name} could not be loaded (${error instanceof Error ? error.message : String(error)}); build it first.`,
    );
  }
}
