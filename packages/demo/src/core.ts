// #region imports
import { canBeHeldWeakly, setUnraisableHook } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { type Ref, ref } from '@w/ref';
// #endregion imports
import type { Scenario } from './scenario';

// #region weakable
const weakable: Scenario = {
  title: 'canBeHeldWeakly: what a weak reference can point at',
  run() {
    const candidates: Array<[string, unknown]> = [
      ['{}', {}],
      ['() => {}', () => {}],
      ["Symbol('local')", Symbol('local')],
      ["Symbol.for('shared')", Symbol.for('shared')],
      ['42', 42],
      ["'text'", 'text'],
      ['null', null],
    ];
    for (const [source, value] of candidates) {
      console.log(`  canBeHeldWeakly(${source}): ${canBeHeldWeakly(value)}`);
    }
  },
};
// #endregion weakable

// #region unraisable
// Two refs to one object that dies when this returns; the newer callback throws.
function watchTemporary(): Ref<object>[] {
  const temporary = {};
  return [
    ref(temporary, () => console.log('  the older callback still runs')),
    ref(temporary, () => {
      throw new Error('callback failed');
    }),
  ];
}

const unraisable: Scenario = {
  title: 'An error in a callback goes to the unraisable hook, and the program goes on',
  async run() {
    const previous = setUnraisableHook(({ error, origin }) => {
      console.log(`  hook: ${origin} threw ${error}`);
    });
    const refs = watchTemporary(); // kept: a dropped ref never runs its callback
    await collectGarbage();
    console.log(
      `  still running; ${refs.length} refs, both dead: ${refs.every((r) => !r.deref())}`,
    );
    setUnraisableHook(previous);
  },
};
// #endregion unraisable

/** The @w/core scenarios, in tutorial order. */
export const scenarios: Scenario[] = [weakable, unraisable];
