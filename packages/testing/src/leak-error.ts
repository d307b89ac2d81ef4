import { setUpClass } from '@w/core/internal';

/**
 * What `expectCollected()` rejects with: the probed object is still reachable after full
 * collections. On Node it carries the shortest retainer path from a GC root, found in a heap
 * snapshot taken only on failure.
 */
export class LeakError extends Error {
  /** The probe's label. */
  readonly label: string;
  /**
   * How the object is reachable: each step from a GC root, e.g.
   * `['globalThis.app', 'handlers', '[2]']`. `undefined` where no heap snapshot could be taken
   * (the message says why).
   */
  readonly retainers: string[] | undefined;

  constructor(label: string, retainers: string[] | undefined, why: string) {
    const path =
      retainers === undefined
        ? `(no retainer path: ${why})`
        : `retained by ${retainers.join(' → ')}`;
    super(`expected '${label}' to be collected, but it is still reachable: ${path}`);
    this.label = label;
    this.retainers = retainers;
  }

  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: the class's set-up (CONTRIBUTING.md)
  static #setUp = (() => {
    this.prototype.name = 'LeakError';
    setUpClass(this, 'LeakError');
  })();
}
