import { WeakCache } from '@w/cache';
import { collectGarbage } from '@w/core/testing';

class Spam {
  static #made = 0;
  /** Tells instances apart in the output without holding on to them. */
  readonly serial = ++Spam.#made;

  constructor(readonly name: string) {}

  toString(): string {
    return `Spam(${this.name}) #${this.serial}`;
  }
}

/**
 * Hands out the same Spam for a name while anyone uses it, as the WeakValueMap cache does,
 * and also keeps the two most recently used alive when nobody holds them.
 */
class CachedSpamManager {
  readonly #cache = new WeakCache<string, Spam>({
    strong: 2,
    onRemove: (name, cause) => console.log(`  (${name} left the cache: ${cause})`),
  });

  getSpam(name: string): Spam {
    return this.#cache.getOrInsertComputed(name, (key) => new Spam(key));
  }

  cachedNames(): string {
    const strong = this.#cache.strongSize;
    return [...this.#cache.keys()]
      .map((name, i) => (i < strong ? name : `${name} (weak)`))
      .join(', ');
  }
}

const manager = new CachedSpamManager();
const inUse = new Map<string, Spam>(); // what the program still holds

// Four names used in turn; the program holds on to 'a', then uses 'c' and 'd' again. The
// spams die with this function unless the cache or `inUse` keeps them.
function useSpam(): void {
  for (const name of ['a', 'b', 'c', 'd']) manager.getSpam(name);
  inUse.set('a', manager.getSpam('a'));
  manager.getSpam('c');
  manager.getSpam('d');
}

useSpam();
console.log(`cached, most recently used first: ${manager.cachedNames()}`);
console.log('collecting garbage');
await collectGarbage();
console.log(`cached: ${manager.cachedNames()}`);
console.log(`getSpam('b') now: ${manager.getSpam('b')}, a fresh object`);
console.log(`getSpam('c') now: ${manager.getSpam('c')}, still the first one`);
