// Every copy of @w/core in a process (its ESM and CJS builds, a bundled copy, two installs)
// finds the same object here, so refs, hooks and cleanup behave as one library.
const KEY = Symbol.for('@w/core/process-shared@1');

type Slots = Record<string, unknown>;

function slots(): Slots {
  const global = globalThis as { [KEY]?: Slots };
  const found = global[KEY];
  if (found !== undefined) return found;
  const made = Object.create(null) as Slots;
  // A frozen globalThis (SES's `harden`, a "freeze all globals" policy) takes no new slot.
  if (Object.isExtensible(global)) global[KEY] = made;
  return made;
}

/**
 * The one value named `name` in this process, made by `create` on first use. A slot whose
 * shape changes incompatibly must get a new name: copies of other versions may share it.
 * Where the slots were frozen before `name` was made, this copy keeps the value to itself.
 */
export function processShared<T>(name: string, create: () => T): T {
  const all = slots();
  if (name in all) return all[name] as T;
  const value = create();
  if (Object.isExtensible(all)) all[name] = value;
  return value;
}
