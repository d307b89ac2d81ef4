import type { BenchConfig } from '../config';
import { median, now } from '../harness/timing';
import { type Measurement, SampleBook } from './result';

/** One round of every operation for one subject at one size. */
export type Round<S> = (
  subject: S,
  n: number,
  config: BenchConfig,
  book: SampleBook,
) => Promise<void>;

/**
 * Measures every subject at every size, rounds interleaved across subjects (round 1 of all,
 * then round 2...) so slow drift of the machine hits all alike; reports medians.
 */
export async function interleaveRounds<S extends { name: string }>(
  subjects: readonly S[],
  config: BenchConfig,
  log: (line: string) => void,
  round: Round<S>,
): Promise<Measurement[]> {
  const book = new SampleBook();
  for (const n of config.sizes) {
    const rounds = config.roundsFor(n);
    for (let r = 0; r < rounds; r++) {
      for (const subject of subjects) {
        const started = now();
        await round(subject, n, config, book);
        log(
          `  ${subject.name} n=${n} round ${r + 1}/${rounds}: ${((now() - started) / 1e6).toFixed(0)} ms`,
        );
      }
    }
  }
  return book.medians(median);
}
