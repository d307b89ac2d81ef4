import type { Op } from '../ops';
import type { Kind, Role } from '../subjects';

/** One cell of the report: the median of several rounds. */
export interface Measurement {
  suite: Kind;
  n: number;
  subject: string;
  role: Role;
  op: Op;
  /** Median over rounds; NaN when the operation never completed (no reclamation). */
  value: number;
  rounds: number;
  /** A correctness problem seen while measuring (a wrong hit count...). */
  problem?: string;
}

/** What one suite process sends back to the report writer. */
export interface SuiteResult {
  suite: Kind;
  measurements: Measurement[];
  /** Library notes, and subjects that could not be loaded or failed. */
  notes: string[];
}

type Cell = Pick<Measurement, 'suite' | 'n' | 'subject' | 'role' | 'op'>;

/** Collects samples per (subject, n, op) across rounds, then reduces them to medians. */
export class SampleBook {
  readonly #slots = new Map<string, { cell: Cell; values: number[]; problem?: string }>();

  #slot(cell: Cell) {
    const key = `${cell.subject}\u0000${cell.n}\u0000${cell.op}`;
    let slot = this.#slots.get(key);
    if (slot === undefined) {
      slot = { cell: { ...cell }, values: [] };
      this.#slots.set(key, slot);
    }
    return slot;
  }

  add(cell: Cell, value: number): void {
    this.#slot(cell).values.push(value);
  }

  problem(cell: Cell, problem: string): void {
    this.#slot(cell).problem ??= problem;
  }

  medians(median: (values: number[]) => number): Measurement[] {
    return [...this.#slots.values()].map(({ cell, values, problem }) => ({
      ...cell,
      // One NaN (never completed) makes the cell NaN: it is not a timing to average away.
      value: values.some(Number.isNaN) ? Number.NaN : median(values),
      rounds: values.length,
      ...(problem === undefined ? {} : { problem }),
    }));
  }
}
