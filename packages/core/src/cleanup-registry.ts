import { processShared } from './process-shared';
import { callReportingErrors, reportUnraisable } from './unraisable';
import type { WeakKey } from './weakable';

/** What the library registers its weak parts with: a `FinalizationRegistry` that never crashes. */
export interface CleanupRegistry<H> {
  /** Calls the registry's cleanup with `held` once `target` has been collected. */
  register(target: WeakKey, held: H): void;
  /** Takes back every registration of this registry. */
  unregisterAll(): void;
}

/**
 * A registry of cells (a container's entries, the records of watched targets): most of them
 * die young and never pay for a registration (see `CellFacade.#young`), and those that leave
 * are taken back in bulk, under one token.
 */
export interface CellRegistry<C extends OwnCell> {
  /**
   * Takes in `cell`, an entry that is a `WeakRef` to what it dies with: the cleanup gets it
   * once that is collected, unless it was retired first.
   */
  add(cell: C): void;
  /** `cell` left its container: its cleanup will not be called. */
  retire(cell: C): void;
  /** Takes back every cell: nothing is left to clean for. */
  unregisterAll(): void;
}

/** A container's entry: a `WeakRef` that is its own cell in the process-wide registry. */
export interface OwnCell extends Cleanable {
  deref(): WeakKey | undefined;
  /**
   * Who it cleans for: set when it is registered, cleared by its cleanup, `RETIRED` once it
   * left its container. Start it as `undefined`.
   */
  cleanupOwner: object | undefined;
}

/**
 * What the process-wide registry holds per registration. Each copy of @w/core brings its own
 * cells, so the only thing copies must agree on is this one method (and the slot's name).
 */
export interface Cleanable {
  clean(): void;
}

interface CleanupState {
  // V8 cleans ONE dirty FinalizationRegistry per task: one registry for every container of
  // every copy of @w/core makes all their cleanup run in one task.
  readonly registry: FinalizationRegistry<Cleanable>;
  // Counts a container cleanup; `runs()` reads the count (collectGarbage() repeats while it
  // moves). Closures, not a property: freezing the slot (SES's `harden`) cannot break them.
  readonly ran: () => void;
  readonly runs: () => number;
}

// Pure: a bundle that uses nothing of this module drops the slot with it.
const shared = /* @__PURE__ */ processShared<CleanupState>('cleanup-registry@2', () => {
  let runs = 0;
  let reported = false;
  const registry = new FinalizationRegistry<Cleanable>((cell) => {
    // Each cell reports its own callback's errors: what gets here is a fault in the library's
    // own state (a tampered slot). Thrown out of here it would end the process.
    try {
      cell.clean();
    } catch (error) {
      if (reported) return;
      reported = true;
      reportUnraisable(error, 'weak cleanup (reported once)');
    }
  });
  if (isSandbox()) armHostCanary();
  else armCanary(registry);
  return {
    registry,
    ran: () => {
      runs++;
    },
    runs: () => runs,
  };
});

// V8 11.3 (Node 20) stops ALL FinalizationRegistry cleanup for good once a dirty registry (any
// registry, a user's too) is collected before its cleanup ran: the task it posted finds no
// dirty registry and never posts again. This cell makes the shared registry dirty after every
// collection, so that task always finds one.
function armCanary(registry: FinalizationRegistry<Cleanable>): void {
  const canary: Cleanable = { clean: () => armCanary(registry) };
  registry.register({}, canary);
}

// A realm that can be dropped while the process runs on: a Node `vm` context (Jest and
// vitest's vmThreads give each test file one), which sees another realm's `process`, or none
// and no `self` either. There the canary would BE the bug: a registry dirty after every
// collection, collected with its realm.
function isSandbox(): boolean {
  const { process, self } = globalThis as { process?: unknown; self?: unknown };
  return process === undefined ? self === undefined : !(process instanceof Object);
}

// So a sandbox arms one canary in the realm of the `process` it sees, which outlives it: made
// by that realm's own Function, it holds nothing of this one. Once per host realm, shared by
// every sandbox; none where there is no such `process` or code generation is refused.
function armHostCanary(): void {
  const host = (globalThis as { process?: { constructor?: { constructor?: unknown } } }).process;
  const HostFunction = host?.constructor?.constructor;
  if (typeof HostFunction !== 'function') return;
  try {
    (HostFunction as FunctionConstructor)(`const key = Symbol.for('@w/core/canary@1');
      if (key in globalThis || !Object.isExtensible(globalThis)) return;
      const registry = new FinalizationRegistry(arm);
      function arm() { registry.register({}, undefined); }
      globalThis[key] = registry;
      arm();`)();
  } catch {}
}

/**
 * Who a facade's cells clean for. Cells hold it strongly and it holds the facade weakly, so a
 * registered target never keeps a dropped container alive. It is the unregister token of the
 * facade's cells, and it is registered with the facade as target: once the facade is gone,
 * its cells still waiting for live targets are unregistered, so a dropped container leaves
 * nothing in the registry.
 */
class Owner<H> implements Cleanable {
  constructor(readonly facade: WeakRef<Facade<H>>) {}

  clean(): void {
    shared.ran();
    shared.registry.unregister(this);
  }
}

// One registration. Holds no target (that would keep it alive forever) and no facade.
class Cell<H> implements Cleanable {
  constructor(
    readonly owner: Owner<H>,
    readonly held: H,
  ) {}

  clean(): void {
    shared.ran();
    this.owner.facade.deref()?.cleanup(this.held);
  }
}

// What a retired cell's `cleanupOwner` is: its registration, if any, cleans for no one.
const RETIRED = {};

/** What an `OwnCell`'s `clean()` calls: the cleanup of the registry that registered it. */
export function cleanOwnCell(cell: OwnCell): void {
  shared.ran();
  const owner = cell.cleanupOwner;
  if (owner === undefined || owner === RETIRED) return;
  cell.cleanupOwner = undefined;
  ((owner as Owner<OwnCell>).facade.deref() as CellFacade<OwnCell> | undefined)?.collected(cell);
}

// What the registry holds for the sentinel of `CellFacade.#young`.
const SWEEP = Symbol('a collection happened');

class Facade<H> implements CleanupRegistry<H> {
  readonly #cleanup: (held: H) => void;
  readonly #origin: string;
  readonly owner: Owner<H>;

  constructor(cleanup: (held: H) => void, origin: string) {
    this.#cleanup = cleanup;
    this.#origin = origin;
    this.owner = new Owner(new WeakRef(this));
    shared.registry.register(this, this.owner);
  }

  register(target: WeakKey, held: H): void {
    shared.registry.register(target, new Cell(this.owner, held), this.owner);
  }

  unregisterAll(): void {
    shared.registry.unregister(this.owner);
  }

  cleanup(held: H): void {
    callReportingErrors(this.#cleanup, this.#origin, undefined, held);
  }
}

// A container's facade: a class of its own, so that a bundle without containers drops it.
class CellFacade<C extends OwnCell> extends Facade<C> implements CellRegistry<C> {
  readonly #eachCell: (visit: (cell: C) => void) => void;
  // Cells added since the last collection, not registered yet. Most short-lived targets die
  // before a collection sees them alive: they never pay for a registration. One sentinel
  // registration per collection (made when this list stops being empty) says a collection
  // happened; its cleanup sweeps the list once: the dead go to the cleanup, the living are
  // registered, the retired are dropped.
  #young: C[] = [];
  // Cells of `#young` that were retired: the list is compacted once they are most of it.
  #youngRetired = 0;
  // Cells added and not retired or cleaned up since.
  #live = 0;
  // Registered cells that were retired: their registrations stay until their target dies, or
  // until `#rebuild` takes them all back. It runs once they outnumber the live cells more
  // than twice: each rebuild re-registers at most half as many cells as retirements paid for
  // it, O(1) amortized, and an emptied container keeps none.
  #stale = 0;

  constructor(
    cleanup: (cell: C) => void,
    origin: string,
    eachCell: (visit: (cell: C) => void) => void,
  ) {
    super(cleanup, origin);
    this.#eachCell = eachCell;
  }

  add(cell: C): void {
    this.#live++;
    if (this.#young.push(cell) === 1) this.#awaitCollection();
  }

  retire(cell: C): void {
    const owner = cell.cleanupOwner;
    cell.cleanupOwner = RETIRED;
    if (owner === RETIRED) return;
    this.#live--;
    if (owner === undefined) {
      if (++this.#youngRetired > SLACK && this.#youngRetired * 2 > this.#young.length) {
        this.#young = this.#young.filter((young) => young.cleanupOwner !== RETIRED);
        this.#youngRetired = 0;
      }
    } else if (++this.#stale > 2 * this.#live + SLACK) {
      this.#rebuild();
    }
  }

  override unregisterAll(): void {
    super.unregisterAll();
    this.#young = [];
    this.#youngRetired = 0;
    this.#live = 0;
    this.#stale = 0;
  }

  override cleanup(held: C): void {
    if (held === (SWEEP as unknown as C)) this.#sweep();
    else super.cleanup(held);
  }

  collected(cell: C): void {
    this.#live--;
    super.cleanup(cell);
  }

  // After a collection: the young cells whose target died go to the cleanup; the others are
  // registered like any long-lived cell.
  #sweep(): void {
    const young = this.#young;
    this.#young = [];
    this.#youngRetired = 0;
    for (const cell of young) {
      if (cell.cleanupOwner === undefined) this.#registerOrClean(cell);
    }
  }

  #registerOrClean(cell: C): void {
    const target = cell.deref();
    if (target === undefined) {
      this.collected(cell);
    } else {
      cell.cleanupOwner = this.owner;
      shared.registry.register(target, cell, this.owner);
    }
  }

  // Takes back every registration and registers the container's registered cells again: the
  // stale ones go. Cells whose target died meanwhile go to the cleanup now, as their own
  // cleanup went with the rest.
  #rebuild(): void {
    super.unregisterAll();
    this.#stale = 0;
    this.#eachCell((cell) => {
      if (cell.cleanupOwner !== undefined) this.#registerOrClean(cell); // young: the sweep will
    });
    if (this.#young.length > 0) this.#awaitCollection(); // the sentinel went too
  }

  // The sentinel: its cleanup sweeps `#young` after the next collection.
  #awaitCollection(): void {
    this.register({}, SWEEP as unknown as C);
  }
}

// Below these, retired young cells and stale registrations cost too little to be worth a pass.
const SLACK = 1024;

/**
 * A cleanup registry whose callback can never crash the process (a throw, or the rejection of a
 * returned thenable, goes to the unraisable hook with `origin`) and that `collectGarbage()`
 * knows to wait for. Every one of them shares one `FinalizationRegistry` per process, so all
 * containers' cleanup after a collection runs within one task.
 */
export function createCleanupRegistry<H>(
  cleanup: (held: H) => void,
  origin: string,
): CleanupRegistry<H> {
  return new Facade(cleanup, origin);
}

/**
 * The same for a container's cells: `cleanup` gets each cell whose target was collected
 * while it was in the container; `eachCell` visits every cell the container holds.
 */
export function createCellRegistry<C extends OwnCell>(
  cleanup: (cell: C) => void,
  origin: string,
  eachCell: (visit: (cell: C) => void) => void,
): CellRegistry<C> {
  return new CellFacade(cleanup, origin, eachCell);
}

/** How many container cleanups have run so far in this process, over every copy of @w/core. */
export function cleanupRunCount(): number {
  return shared.runs();
}

/** Calls `cell.clean()` once `target` has been collected, in the same task as all cleanup. */
export function registerCleanable(target: WeakKey, cell: Cleanable): void {
  shared.registry.register(target, cell);
}
