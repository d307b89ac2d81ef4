import { median } from '../harness';
import type { Op } from '../ops';
import type { Kind, Role, Subject, SubjectRow } from '../subjects';

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

/** One round of every op a subject lists: `reps` containers (or ref sets) of `n` entries. */
export type Round = (subject: Subject, n: number, reps: number, sample: Sample) => Promise<void>;

export type Sample = ReturnType<SampleBook['round']>;
type Slot = Omit<Measurement, 'value' | 'rounds'> & { values: number[] };

/** Collects samples per (subject, n, op) across rounds, then reduces them to medians. */
export class SampleBook {
  readonly #slots = new Map<string, Slot>();

  /**
   * Where a round of `subject` at size `n` puts its samples: `record` takes nanoseconds and
   * stores them per operation (over the round's `total` unless `per` says); `check` flags an
   * op that did not count all `total` operations.
   */
  round(subject: SubjectRow, n: number, total: number) {
    const slot = (op: Op) => {
      const key = `${subject.name}\u0000${n}\u0000${op}`;
      const cell = { suite: subject.kind, n, subject: subject.name, role: subject.role, op };
      if (!this.#slots.has(key)) this.#slots.set(key, { ...cell, values: [] });
      return this.#slots.get(key)!;
    };
    return {
      record: (op: Op, nanoseconds: number, per = total) => {
        slot(op).values.push(nanoseconds / per);
      },
      check: (op: Op, counted: number) => {
        if (counted !== total) slot(op).problem ??= `${op} counted ${counted} of ${total}`;
      },
    };
  }

  medians(): Measurement[] {
    return [...this.#slots.values()].map(({ values, ...cell }) => ({
      ...cell,
      // One NaN (never completed) makes the cell NaN: it is not a timing to average away.
      value: values.some(Number.isNaN) ? Number.NaN : median(values),
      rounds: values.length,
    }));
  }
}
