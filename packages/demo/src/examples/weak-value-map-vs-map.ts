import { collectGarbage } from '@w/core/testing';
import { type Ref, ref } from '@w/ref';
import { WeakValueMap } from '@w/weak-value-map';

class ExpensiveObject {
  constructor(readonly name: string) {}

  toString(): string {
    return `ExpensiveObject(${this.name})`;
  }
}

// Stands in for Python's __del__: a ref callback prints once the object is
// collected. The refs are kept: a dropped ref never runs its callback.
const deletionNotices = new Set<Ref<ExpensiveObject>>();

function announceDeletion(obj: ExpensiveObject): void {
  const label = String(obj); // the callback must not capture obj itself
  const notice = ref(obj, () => {
    console.log(`    (Deleting ${label})`);
    deletionNotices.delete(notice);
  });
  deletionNotices.add(notice);
}

type Cache = Map<string, ExpensiveObject>;

function fillCache(cache: Cache, allRefs: Cache): void {
  for (const name of ['one', 'two', 'three']) {
    const o = new ExpensiveObject(name);
    announceDeletion(o);
    cache.set(name, o);
    allRefs.set(name, o);
  }
  // One entry a line, as Python's pprint prints a long dict.
  const shown = [...allRefs].map(([name, o]) => `'${name}': ${o}`);
  console.log(`  all_refs = {${shown.join(',\n              ')}}`);
}

function printCache(when: string, cache: Cache): void {
  const names = [...cache.keys()].map((name) => `'${name}'`);
  console.log(`\n  ${when}, cache contains: [${names.join(', ')}]`);
  for (const [name, value] of cache) console.log(`    ${name} = ${value}`);
}

async function demo(cache: Cache): Promise<void> {
  // Holds the objects so that weak references are not cleared right away.
  let allRefs: Cache | undefined = new Map();
  console.log('CACHE TYPE:', cache.constructor.name);
  fillCache(cache, allRefs);
  printCache('Before', cache);
  // Remove every reference to the objects except the cache's.
  console.log('\n  Cleanup:');
  allRefs = undefined;
  await collectGarbage();
  printCache('After', cache);
  console.log('  demo returning');
}

await demo(new Map());
// The plain Map kept its objects alive; they go only with the Map itself.
await collectGarbage();
console.log();
await demo(new WeakValueMap());
await collectGarbage();
