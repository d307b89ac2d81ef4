// What an ESM user writes: every package, every entry, iteration typed all the way down.
import { type RemovalCause, WeakCache } from '@w/cache';
import { canBeHeldWeakly, setUnraisableHook, type Unraisable } from '@w/core';
import { collectGarbage } from '@w/core/testing';
import { type Finalizer, finalize } from '@w/finalize';
import { isProxy, proxy } from '@w/proxy';
import { type getWeakRefCount, type KeyedRef, type Ref, ref, WeakMethod } from '@w/ref';
import { WeakKeyMap } from '@w/weak-key-map';
import { IterableWeakSet } from '@w/weak-set';
import { WeakValueMap } from '@w/weak-value-map';
import * as weakref from '@w/weakref';
import { assertType, type Equal } from './types.js';

interface Item {
  id: number;
}
const item: Item = { id: 1 };

const values = new WeakValueMap<string, Item>([['a', item]]);
for (const [key, value] of values) {
  assertType<Equal<typeof key, string>>();
  assertType<Equal<typeof value, Item>>();
}
for (const value of values.values()) assertType<Equal<typeof value, Item>>();
for (const r of values.valueRefs()) assertType<Equal<typeof r, KeyedRef<string, Item>>>();

const keys = new WeakKeyMap<Item, string>([[item, 'a']]);
for (const [key, value] of keys.entries()) {
  assertType<Equal<typeof key, Item>>();
  assertType<Equal<typeof value, string>>();
}

const members = new IterableWeakSet<Item>([item]);
for (const member of members) assertType<Equal<typeof member, Item>>();
for (const member of members.union(new Set([item]))) assertType<Equal<typeof member, Item>>();

const cache = new WeakCache<string, Item>({
  strong: 1,
  onRemove(key, cause) {
    assertType<Equal<typeof key, string>>();
    assertType<Equal<typeof cause, RemovalCause>>();
  },
});
assertType<Equal<ReturnType<typeof cache.get>, Item | undefined>>();
for (const [key, value] of cache.set('a', item)) {
  assertType<Equal<typeof key, string>>();
  assertType<Equal<typeof value, Item>>();
}
for (const value of cache.values()) assertType<Equal<typeof value, Item>>();

const r: Ref<Item> = ref(item, (dead) => assertType<Equal<typeof dead, Ref<Item>>>());
assertType<Equal<ReturnType<typeof r.deref>, Item | undefined>>();
const method = new WeakMethod(item, function (this: Item) {
  return this.id;
});
assertType<Equal<number, typeof getWeakRefCount extends (t: never) => infer N ? N : never>>();

const p = proxy(item);
assertType<Equal<typeof p, Item>>();
const f: Finalizer = finalize(item, (n: number) => n, 1);
const previous = setUnraisableHook((u: Unraisable) => void u.error);

export const used = [canBeHeldWeakly(item), collectGarbage, isProxy(p), method, f, previous];
export const meta = [
  weakref.WeakCache,
  weakref.WeakValueMap,
  weakref.ref,
  weakref.finalize,
  weakref.canBeHeldWeakly,
];
assertType<Equal<typeof weakref.WeakValueMap, typeof WeakValueMap>>();
