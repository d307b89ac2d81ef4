import type { BenchConfig } from '../config';
import { now } from '../harness';
import { type Kind, loadSubjects, SUBJECTS, type Subject, type SubjectRow } from '../subjects';
import { cacheRound } from './caches';
import { containerRound, holding } from './containers';
import { type Round, SampleBook, type SuiteResult } from './record';
import { refRound } from './refs';

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
  const round: Round = suite === 'ref' ? refRound : suite === 'cache' ? cacheRound : containerRound;
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

/**
 * One live instance of `subject` (a container with one entry, or a ref) for the whole suite, as
 * a program using the library has. WHY: V8 frees a class's instance maps once every instance
 * has died, and drops the optimized code that embeds them, so without a survivor every round
 * would time a JS library's JIT warm-up again while built-ins (whose maps never die) run warm.
 */
function anchor(subject: Subject): unknown {
  const live = {};
  if (subject.kind !== 'ref') return [live, holding(subject, live)];
  const ctx = subject.make({ fired: 0 }) as { make(target: object): unknown };
  return [live, ctx, ctx.make(live)];
}
