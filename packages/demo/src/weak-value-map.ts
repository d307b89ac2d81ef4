// #region imports
import { collectGarbage } from '@w/core/testing';
import { type Ref, ref } from '@w/ref';
import { WeakValueMap } from '@w/weak-value-map';
// #endregion imports
import type { Scenario } from './scenario';

// Objects that must be able to die are only ever touched inside synchronous helpers: a
// suspended async function can keep its temporaries alive across `await`.

// --- 1. Python Cookbook 8.25: a cache that hands out one instance per name -------------

// #region cache
class Spam {
  static #made = 0;
  /** Tells instances apart in the output without holding on to them. */
  readonly serial = ++Spam.#made;

  constructor(readonly name: string) {}

  toString(): string {
    return `Spam(${this.name}) #${this.serial}`;
  }
}

/** Hands out the same Spam for a name while anyone still uses it, and no longer. */
class CachedSpamManager {
  readonly #cache = new WeakValueMap<string, Spam>();

  getSpam(name: string): Spam {
    return this.#cache.getOrInsertComputed(name, (key) => new Spam(key));
  }

  cachedNames(): string[] {
    return [...this.#cache.keys()];
  }
}

function useSpam(manager: CachedSpamManager, inUse: Map<string, Spam>): number {
  const a = manager.getSpam('a');
  const b = manager.getSpam('b');
  inUse.set('a', a).set('b', b);
  console.log(`a = getSpam('a') -> ${a}; b = getSpam('b') -> ${b}`);
  console.log(`getSpam('a') === a: ${manager.getSpam('a') === a}`);
  console.log(`a === b: ${a === b}`);
  console.log(`cached: ${manager.cachedNames().join(', ')}`);
  return a.serial;
}

function showAfterCollection(manager: CachedSpamManager, oldSerial: number): void {
  console.log(`cached: ${manager.cachedNames().join(', ')}`);
  const fresh = manager.getSpam('a');
  const verdict = fresh.serial === oldSerial ? 'the same object' : 'a fresh object';
  console.log(`getSpam('a') -> ${fresh}: ${verdict}`);
}

const cachedSpamManager: Scenario = {
  title: 'WeakValueMap: CachedSpamManager, a canonicalising cache (Python Cookbook 8.25)',
  async run() {
    const manager = new CachedSpamManager();
    const inUse = new Map<string, Spam>(); // what the program still holds
    const oldSerial = useSpam(manager, inUse);
    console.log("the program stops using 'a'; collecting garbage");
    inUse.delete('a');
    await collectGarbage();
    showAfterCollection(manager, oldSerial);
    console.log(`the program still holds: ${[...inUse.keys()].join(', ')}`);
  },
};
// #endregion cache

// --- 2. PyMOTW: demo(dict) vs demo(WeakValueDictionary) ---------------------------------

// #region pymotw
class ExpensiveObject {
  constructor(readonly name: string) {}

  toString(): string {
    return `ExpensiveObject(${this.name})`;
  }
}

// Stands in for Python's __del__: a ref callback prints when the object is collected. The
// refs are kept here, since a dropped ref never runs its callback.
const deletionNotices = new Set<Ref<ExpensiveObject>>();

function announceDeletion(obj: ExpensiveObject): void {
  const label = String(obj); // the callback must not capture obj itself
  const notice = ref(obj, () => {
    console.log(`    (Deleting ${label})`);
    deletionNotices.delete(notice);
  });
  deletionNotices.add(notice);
}

type CacheFactory = new () => Map<string, ExpensiveObject>;

function fillCache(cache: Map<string, ExpensiveObject>, allRefs: Map<string, ExpensiveObject>) {
  for (const name of ['one', 'two', 'three']) {
    const o = new ExpensiveObject(name);
    announceDeletion(o);
    cache.set(name, o);
    allRefs.set(name, o);
  }
  const shown = [...allRefs].map(([name, o]) => `'${name}': ${o}`).join(', ');
  console.log(`  all_refs = {${shown}}`);
}

function printCache(when: string, cache: Map<string, ExpensiveObject>): void {
  console.log(
    `\n  ${when}, cache contains: [${[...cache.keys()].map((k) => `'${k}'`).join(', ')}]`,
  );
  for (const [name, value] of cache) console.log(`    ${name} = ${value}`);
}

async function demo(cacheFactory: CacheFactory): Promise<void> {
  // Holds the objects so that weak references are not cleared right away.
  let allRefs: Map<string, ExpensiveObject> | undefined = new Map();
  const cache = new cacheFactory();
  console.log('CACHE TYPE:', Object.prototype.toString.call(cache).slice(8, -1));
  fillCache(cache, allRefs);
  printCache('Before', cache);
  // Remove every reference to the objects except the cache's.
  console.log('\n  Cleanup:');
  allRefs = undefined;
  await collectGarbage();
  printCache('After', cache);
  console.log('  demo returning');
}

const pymotwCache: Scenario = {
  title: 'WeakValueMap vs Map as a cache (PyMOTW weakref_valuedict.py)',
  async run() {
    await demo(Map);
    // The plain Map kept its objects alive; they go only with the Map itself.
    await collectGarbage();
    console.log();
    await demo(WeakValueMap);
    await collectGarbage();
  },
};
// #endregion pymotw

/** The WeakValueMap scenarios, in tutorial order. */
export const scenarios: Scenario[] = [cachedSpamManager, pymotwCache];
