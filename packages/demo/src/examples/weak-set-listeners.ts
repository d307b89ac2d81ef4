import { collectGarbage } from '@w/core/testing';
import { IterableWeakSet } from '@w/weak-set';

/** A listener that says who it is when notified. */
class Listener {
  constructor(readonly name: string) {}

  onEvent(event: string): void {
    console.log(`${this.name} got ${event}`);
  }
}

/** An event source whose listener set does not keep listeners alive. */
class EventSource {
  readonly listeners = new IterableWeakSet<Listener>();

  notify(event: string): void {
    for (const listener of this.listeners) listener.onEvent(event);
    console.log(`${this.listeners.size} listener(s) notified`);
  }
}

// The temporary listener is reachable only from the weak set once this
// returns.
function subscribeTemporary(source: EventSource): void {
  source.listeners.add(new Listener('temporary'));
}

const source = new EventSource();
const permanent = new Listener('permanent');
source.listeners.add(permanent);
subscribeTemporary(source);
source.notify('first event');
console.log('dropping the temporary listener and collecting...');
await collectGarbage();
source.notify('second event');
console.log(`permanent still subscribed: ${source.listeners.has(permanent)}`);
