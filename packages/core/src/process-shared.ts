// Every copy of @w/core in a process (its ESM and CJS builds, a bundled copy, two installs)
// finds the same object here, so refs, hooks and cleanup behave as one library.
const KEY = Symbol.for('@w/core/process-shared@1');

type Slots = Record<string, unknown>;

function slots(): Slots {
  const global = globalThis as { [KEY]?: Slots };
  global[KEY] ??= Object.create(null) as Slots;
  return global[KEY];
}

/**
 * The one value named `name` in this process, made by `create` on first use. A slot whose
 * shape changes incompatibly must get a new name: copies of other versions may share it.
 */
export function processShared<T>(name: string, create: () => T): T {
  const all = slots();
  if (!(name in all)) all[name] = create();
  return all[name] as T;
}
