import { finalize } from '@w/finalize';
import { tutorial } from './tutorial';

for (const step of tutorial) {
  console.log(`\n=== ${step.title} ===`);
  await step.run();
}

// Finalizers run at exit newest first, so this one prints its heading above the lines of
// the finalizers that the examples left alive. Exported, so the module keeps its object.
export const exitHeading = {};
finalize(exitHeading, console.log, '\n=== At exit: the finalizers still alive run ===');
