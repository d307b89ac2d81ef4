// #region imports
import { collectGarbage } from '@w/core/testing';
import { proxy } from '@w/proxy';
import { type Ref, ref } from '@w/ref';
// #endregion imports
import type { Scenario } from './scenario';

// #region three-ways
/** PyMOTW's ExpensiveObject; the ref callback below stands in for its `__del__`. */
class ExpensiveObject {
  constructor(readonly name: string) {}
}

// In its own synchronous function: once it returns, `obj` is gone (Python's `del obj`),
// and only the weak ref and the proxy are left.
function useThreeWays(): { r: Ref<ExpensiveObject>; p: ExpensiveObject } {
  const obj = new ExpensiveObject('My Object');
  const { name } = obj;
  const r = ref(obj, () => console.log(`  (Deleting ExpensiveObject '${name}')`));
  const p = proxy(obj);
  console.log(`  via obj: ${obj.name}`);
  console.log(`  via ref: ${r.deref()?.name}`);
  console.log(`  via proxy: ${p.name}`);
  return { r, p };
}

const threeWays: Scenario = {
  title: 'A proxy: use the object without the ref() call, until it is gone',
  async run() {
    const { r, p } = useThreeWays();
    console.log('  del obj; collectGarbage()');
    await collectGarbage();
    console.log(`  r.deref(): ${r.deref()}`);
    try {
      console.log(`  via proxy: ${p.name}`);
    } catch (error) {
      console.log(`  via proxy: ${error}`);
    }
  },
};
// #endregion three-ways

/** The proxy scenarios, in tutorial order. */
export const scenarios: Scenario[] = [threeWays];
