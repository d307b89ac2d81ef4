import { finalize } from '@w/finalize';

// Exported, so the module holds it until the program exits (a local that no function
// uses could be collected as soon as it is last read): its finalizers run only at exit.
export const survivor = { name: 'survivor' };

finalize(survivor, console.log, 'at exit: the survivor finalizer (atexit is on)');
const quiet = finalize(survivor, console.log, 'you will not see this line');
quiet.atexit = false;
console.log('survivor stays alive to the end: neither finalizer runs now.');
console.log('At exit, the first prints its line (under "At exit" in pnpm demo);');
console.log(`the second has atexit = ${quiet.atexit}, so it never runs.`);
