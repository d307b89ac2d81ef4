import type { BenchConfig } from '../config';
import { now } from '../harness';
import { type Kind, loadSubjects, SUBJECTS, type Subject, type SubjectRow } from '../subjects';
import { anchorContainer, containerRound } from './containers';
import { type Round, SampleBook, type SuiteResult } from './record';
import { anchorRef, refRound } from './refs';

/**
 * Runs one suite over its subjects (all rows of that kind by default), in this process: every
 * subject at every size, rounds interleaved (round 1 of all, then round 2...) so slow drift of
 * the machine hits all alike; reports medians.
 */
export async function runSuite(
  suite: Kind,
  config: BenchConfig,
  log: (line: string) => void,
  rows: readonly SubjectRow[] = SUBJECTS,
): Promise<SuiteResult> {
  const { subjects, notes } = await loadSubjects(suite, rows);
  const [anchor, round]: [(s: Subject) => unknown, Round] =
    suite === 'ref' ? [anchorRef, refRound] : [anchorContainer, containerRound];
  // One live instance per subject for the whole suite, as a program using the library has
  // (see anchorContainer).
  const keepAlive = subjects.map(anchor);
  const book = new SampleBook();
  for (const n of config.sizes) {
    // A sample repeats over several containers until it covers minOpsPerSample operations.
    const reps = Math.max(1, Math.ceil(config.minOpsPerSample / n));
    const rounds = config.roundsFor(n);
    for (let r = 1; r <= rounds; r++) {
      for (const subject of subjects) {
        const started = now();
        await round(subject, n, reps, book.round(subject, n, reps * n));
        const ms = ((now() - started) / 1e6).toFixed(0);
        log(`  ${subject.name} n=${n} round ${r}/${rounds}: ${ms} ms`);
      }
    }
  }
  keepAlive.length = 0;
  return { suite, measurements: book.medians(), notes };
}
