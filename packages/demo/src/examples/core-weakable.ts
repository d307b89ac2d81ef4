import { canBeHeldWeakly } from '@w/core';

const candidates: Array<[string, unknown]> = [
  ['{}', {}],
  ['() => {}', () => {}],
  ["Symbol('local')", Symbol('local')],
  ["Symbol.for('shared')", Symbol.for('shared')],
  ['42', 42],
  ["'text'", 'text'],
  ['null', null],
];
for (const [source, value] of candidates) {
  console.log(`canBeHeldWeakly(${source}): ${canBeHeldWeakly(value)}`);
}
