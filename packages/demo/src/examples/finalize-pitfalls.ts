import { finalize } from '@w/finalize';

const obj = { name: 'obj' };
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
    console.log(`${what}:\n  ${error}`);
  }
}
