// What a CommonJS user writes (node16 resolves `require` to the .d.cts declarations).
import { collectGarbage } from '@w/core/testing';
import { ref } from '@w/ref';
import { WeakValueMap } from '@w/weak-value-map';

import weakref = require('@w/weakref');

const item = { id: 1 };
const values = new WeakValueMap<string, typeof item>([['a', item]]);
for (const [key, value] of values) {
  const k: string = key;
  const v: typeof item = value;
  // @ts-expect-error a key is a string, not a number (fails if iteration were typed `any`)
  const wrong: number = key;
  void [k, v, wrong];
}
export = [ref(item), collectGarbage, new weakref.IterableWeakSet([item])];
