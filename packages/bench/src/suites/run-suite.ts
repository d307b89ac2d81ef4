import type { BenchConfig } from '../config';
import { floorSubjects } from '../subjects/floors';
import { ourSubjects } from '../subjects/ours';
import { peerSubjects } from '../subjects/peers';
import type { ContainerSubject, Kind, RefSubject, Subject } from '../subjects/subject';
import { anchorContainer, containerRound } from './container-suite';
import { interleaveRounds } from './interleave-rounds';
import { anchorRef, refRound } from './ref-suite';
import type { SuiteResult } from './result';

/** The suites, in report order. Each runs in its own node process (see main.ts). */
export const SUITES: readonly Kind[] = ['value-map', 'key-map', 'set', 'ref'];

/** Every subject available in this process, with notes about those that are not. */
export async function allSubjects(): Promise<{ subjects: Subject[]; notes: string[] }> {
  const notes: string[] = [];
  const subjects: Subject[] = [
    ...floorSubjects(),
    ...(await ourSubjects(notes)),
    ...(await peerSubjects(notes)),
  ];
  return { subjects, notes };
}

/** Runs one suite over the given subjects (all of that kind by default). */
export async function runSuite(
  suite: Kind,
  config: BenchConfig,
  log: (line: string) => void,
  only?: Subject[],
): Promise<SuiteResult> {
  const { subjects, notes } = only ? { subjects: only, notes: [] } : await allSubjects();
  const mine = subjects.filter((subject) => subject.kind === suite);
  for (const subject of mine) if (subject.note) notes.push(`${subject.name}: ${subject.note}`);
  // One live instance per subject for the whole suite, as a program using the library has:
  // rounds drop all their containers, and V8 would otherwise drop the class's maps and its
  // optimized code with them (see anchorContainer).
  const keepAlive = mine.map((subject) =>
    subject.kind === 'ref' ? anchorRef(subject) : anchorContainer(subject),
  );
  const measurements =
    suite === 'ref'
      ? await interleaveRounds(mine as RefSubject[], config, log, refRound)
      : await interleaveRounds(mine as ContainerSubject[], config, log, containerRound);
  keepAlive.length = 0;
  return { suite, measurements, notes: notes.filter((note) => mentionsSuite(note, suite, mine)) };
}

// Load failures are listed once per suite they concern; a failed package names its subject kind loosely.
function mentionsSuite(note: string, suite: Kind, mine: readonly Subject[]): boolean {
  if (mine.some((subject) => note.startsWith(`${subject.name}:`))) return true;
  const owners: Record<Kind, string[]> = {
    'value-map': ['@w/weak-value-map', 'weakref@', '@cspell', 'weak-lru-cache'],
    'key-map': ['@w/weak-key-map', 'weakref@', 'iterable-weak'],
    set: ['@w/weak-set', 'weakref@', 'iterable-weak'],
    ref: ['@w/ref'],
  };
  return owners[suite].some((owner) => note.startsWith(owner));
}
