import type { WeakKey } from '@w/core';
import { assertWeakable, describeType, setUpClass } from '@w/core/internal';

let probesMade = 0;

/** The marker string that retainers.ts looks for in a heap snapshot. */
export let markerOf: (probe: Probe) => string;

/**
 * Watches one object without keeping it alive: a test drops its own references, then
 * `expectCollected(probe)` proves nothing else holds it.
 */
export class Probe<T extends WeakKey = WeakKey> {
  /** What failure messages call the object. */
  readonly label: string;
  // What a heap snapshot finds the target by: a string no other code makes, on the object
  // that holds the WeakRef (see retainers.ts).
  readonly #watch: { marker: string; ref: WeakRef<T> };

  constructor(target: T, label?: string) {
    assertWeakable(target);
    if (label !== undefined && typeof label !== 'string') {
      throw new TypeError(`a probe's label must be a string, not '${describeType(label)}'`);
    }
    probesMade++;
    this.label = label ?? `probe #${probesMade}`;
    // At most 12 characters: V8 stores a shorter concatenation flat, as the snapshot names it.
    this.#watch = { marker: `w~p${probesMade.toString(36)}`, ref: new WeakRef(target) };
  }

  /** The object, or `undefined` once it was collected. Keeps it alive to the end of the task. */
  deref(): T | undefined {
    return this.#watch.ref.deref();
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    markerOf = (probe) => probe.#watch.marker;
    setUpClass(this, 'Probe');
  })();
}

/** A {@link Probe} on `target`, which it does not keep alive; `label` names it in failures. */
export function probe<T extends WeakKey>(target: T, label?: string): Probe<T> {
  return new Probe(target, label);
}

/** Throws `TypeError` naming what `value` is unless it is a probe. */
export function assertProbe(value: unknown, caller: string): asserts value is Probe {
  if (!(value instanceof Probe)) {
    throw new TypeError(`${caller}() expects a probe, not '${describeType(value)}'`);
  }
}
