import { collectGarbage } from '@w/core/testing';
import { WeakMethod } from '@w/ref';

class Button {
  constructor(readonly label: string) {}

  click(): string {
    return `${this.label} clicked`;
  }
}

// The button lives only inside this function; the handler outlives it.
function makeWeakHandler(): WeakMethod<Button, 'click'> {
  const button = new Button('OK');
  const handler = new WeakMethod(button, 'click', () => {
    console.log('button is gone');
  });
  console.log(`handler.deref()(): ${handler.deref()?.()}`);
  return handler;
}

const handler = makeWeakHandler();
await collectGarbage();
console.log(`handler.deref(): ${handler.deref()}`);
