import { collectGarbage } from '@w/core/testing';
import { proxy } from '@w/proxy';
import { type Ref, ref } from '@w/ref';

/** PyMOTW's ExpensiveObject; a ref callback stands in for its `__del__`. */
class ExpensiveObject {
  constructor(readonly name: string) {}
}

// Once this returns, `obj` is gone (Python's `del obj`): only the ref and the proxy stay.
function useThreeWays(): { r: Ref<ExpensiveObject>; p: ExpensiveObject } {
  const obj = new ExpensiveObject('My Object');
  const { name } = obj; // the callback must not capture obj itself
  const r = ref(obj, () => console.log(`(Deleting ExpensiveObject '${name}')`));
  const p = proxy(obj);
  console.log(`via obj: ${obj.name}`);
  console.log(`via ref: ${r.deref()?.name}`);
  console.log(`via proxy: ${p.name}`);
  return { r, p };
}

const { r, p } = useThreeWays();
console.log('del obj; collectGarbage()');
await collectGarbage();
console.log(`r.deref(): ${r.deref()}`);
try {
  console.log(`via proxy: ${p.name}`);
} catch (error) {
  console.log(`via proxy: ${error}`);
}
