import type { Kind, Role } from '../subjects/subject';

/** Everything a suite measures. Container and ref suites use different subsets. */
export type Op =
  | 'set'
  | 'get'
  | 'has'
  | 'replace'
  | 'delete'
  | 'iterate'
  | 'values'
  | 'keys'
  | 'forEach'
  | 'settle'
  | 'create'
  | 'deref'
  | 'churn'
  | 'reclaim'
  | 'memory';

/** ns/op for timings, B/entry for memory, ns per dead entry for reclaim. */
export type Unit = 'ns/op' | 'B/entry' | 'ns/dead';

/** One cell of the report: the median of several rounds. */
export interface Measurement {
  suite: Kind;
  n: number;
  subject: string;
  role: Role;
  op: Op;
  unit: Unit;
  /** Median over rounds; NaN when the operation never completed (e.g. no reclamation). */
  value: number;
  rounds: number;
  /** A correctness problem seen while measuring (wrong hit count...). */
  problem?: string;
}

/** What one suite process sends back to the report writer. */
export interface SuiteResult {
  suite: Kind;
  measurements: Measurement[];
  /** Subjects that could not be loaded or that failed, and library notes. */
  notes: string[];
}

/** Collects samples per (subject, n, op) across rounds, then reduces them to medians. */
export class SampleBook {
  readonly #samples = new Map<
    string,
    { base: Omit<Measurement, 'value' | 'rounds'>; values: number[] }
  >();

  add(base: Omit<Measurement, 'value' | 'rounds' | 'problem'>, value: number): void {
    const key = `${base.subject}\u0000${base.n}\u0000${base.op}`;
    let slot = this.#samples.get(key);
    if (slot === undefined) {
      slot = { base: { ...base }, values: [] };
      this.#samples.set(key, slot);
    }
    slot.values.push(value);
  }

  problem(base: Omit<Measurement, 'value' | 'rounds' | 'problem' | 'unit'>, problem: string): void {
    for (const slot of this.#samples.values()) {
      const b = slot.base;
      if (b.subject === base.subject && b.n === base.n && b.op === base.op) b.problem ??= problem;
    }
  }

  medians(median: (values: number[]) => number): Measurement[] {
    return [...this.#samples.values()].map(({ base, values }) => ({
      ...base,
      // A single NaN (never completed) makes the cell NaN: it is not a timing to average away.
      value: values.some(Number.isNaN) ? Number.NaN : median(values),
      rounds: values.length,
    }));
  }
}
