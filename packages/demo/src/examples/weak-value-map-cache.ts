import { collectGarbage } from '@w/core/testing';
import { WeakValueMap } from '@w/weak-value-map';

class Spam {
  static #made = 0;
  /** Tells instances apart in the output without holding on to them. */
  readonly serial = ++Spam.#made;

  constructor(readonly name: string) {}

  toString(): string {
    return `Spam(${this.name}) #${this.serial}`;
  }
}

/** Hands out the same Spam for a name while anyone uses it, and no longer. */
class CachedSpamManager {
  readonly #cache = new WeakValueMap<string, Spam>();

  getSpam(name: string): Spam {
    return this.#cache.getOrInsertComputed(name, (key) => new Spam(key));
  }

  cachedNames(): string[] {
    return [...this.#cache.keys()];
  }
}

const manager = new CachedSpamManager();
const inUse = new Map<string, Spam>(); // what the program still holds

// a, b and c die with this function; only `inUse` keeps what it stored.
function useSpam(): void {
  const a = manager.getSpam('a');
  const b = manager.getSpam('b');
  const c = manager.getSpam('a');
  console.log(`a = ${a}, b = ${b}, c = ${c}`);
  console.log(`a is b: ${a === b}`);
  console.log(`a is c: ${a === c}`);
  inUse.set('a', a).set('b', b);
}

useSpam();
console.log(`cached: ${manager.cachedNames().join(', ')}`);
console.log("the program stops using 'a'; collecting garbage");
inUse.delete('a');
await collectGarbage();
console.log(`cached: ${manager.cachedNames().join(', ')}`);
console.log(`getSpam('a') now: ${manager.getSpam('a')}, a fresh object`);
