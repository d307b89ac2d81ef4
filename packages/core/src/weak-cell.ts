import { cleanOwnCell, type OwnCell } from './cleanup-registry';
import type { WeakKey } from './weakable';

/**
 * A `WeakRef` that is its own registration cell: the base of the entry types that containers
 * register with `registerCell` (one object per registered entry, not two). In a file of its
 * own, so that a bundle that registers no cell does not keep the class.
 */
export class WeakCell<T extends WeakKey> extends WeakRef<T> implements OwnCell {
  cleanupOwner: object | undefined = undefined;
  clean(): void {
    cleanOwnCell(this);
  }
}
