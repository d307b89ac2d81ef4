// #region imports
import { collectGarbage } from '@w/core/testing';
import { type Finalizer, finalize } from '@w/finalize';
// #endregion imports
import type { Scenario } from './scenario';

// #region kenny
class Person {
  constructor(readonly name: string) {}
}

// Kenny is unreachable once this returns; only his finalizer remains.
function meetKenny(): void {
  const kenny = new Person('Kenny');
  const f = finalize(kenny, console.log, '  You killed Kenny!');
  console.log(`  ${f}, alive: ${f.alive}`);
}

const afterCollection: Scenario = {
  title: 'A finalizer runs after its object is collected, with its extra arguments',
  async run() {
    meetKenny();
    console.log('  dropping kenny and collecting...');
    await collectGarbage();
  },
};
// #endregion kenny

// #region call-early
function callback(x: number, y: number, z: number): number {
  console.log('  CALLBACK');
  return x + y + z;
}

const callEarly: Scenario = {
  title: 'Calling a finalizer early runs it once',
  run() {
    const obj = new Person('obj');
    const f = finalize(obj, callback, 1, 2, 3);
    console.log(`  f.alive: ${f.alive}`);
    console.log(`  f(): ${f()}`);
    console.log(`  f.alive: ${f.alive}`);
    console.log(`  f() again: ${f()} (dead: the callback is not called again)`);
  },
};
// #endregion call-early

// #region peek-detach
const peekAndDetach: Scenario = {
  title: 'peek() and detach(): look at a finalizer, or take its work back',
  run() {
    const obj = new Person('obj');
    const f = finalize(obj, callback, 1, 2, 3);
    const peeked = f.peek();
    console.log(`  f.peek() gives [obj, callback, ${JSON.stringify(peeked?.[2])}]`);
    const detached = f.detach() as NonNullable<ReturnType<Finalizer['detach']>>;
    const [sameObj, func, args] = detached;
    console.log(`  after detach(): alive ${f.alive}, same obj ${sameObj === obj}`);
    console.log(`  f.peek(): ${f.peek()}, f.detach(): ${f.detach()}`);
    console.log(`  calling the detached function ourselves: ${func(...args)}`);
  },
};
// #endregion peek-detach

// #region atexit
// Kept until the process exits, so its finalizers can only run at exit.
const survivor = new Person('survivor');

const atExit: Scenario = {
  title: 'atexit: finalizers still alive run when the program exits',
  run() {
    finalize(survivor, console.log, '  at exit: survivor finalizer (atexit on, the default)');
    const quiet = finalize(survivor, console.log, '  you will not see this line');
    quiet.atexit = false;
    console.log('  survivor stays alive to the end, so neither finalizer runs now.');
    console.log('  At exit the first one prints its line (after the last scenario);');
    console.log(`  the second has atexit = ${quiet.atexit}, so it never runs.`);
  },
};
// #endregion atexit

// #region pitfalls
const pitfalls: Scenario = {
  title: 'Pitfalls that would keep the object alive forever are refused',
  run() {
    const obj = new Person('obj');
    const onClose = () => console.log('closed');
    const attempts: Array<[string, () => unknown]> = [
      ['obj among the arguments', () => finalize(obj, console.log, 'closing', obj)],
      ['obj as the function', () => finalize(onClose, onClose)],
      ['a number as obj', () => finalize(42 as unknown as object, console.log)],
    ];
    for (const [what, attempt] of attempts) {
      try {
        attempt();
      } catch (error) {
        console.log(`  ${what}: ${error}`);
      }
    }
  },
};
// #endregion pitfalls

/** The finalize scenarios, in tutorial order. */
export const scenarios: Scenario[] = [afterCollection, callEarly, peekAndDetach, atExit, pitfalls];
