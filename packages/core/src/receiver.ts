import { describeType } from './weakable';

/**
 * The `TypeError` for a method called on something that is not an instance of its class,
 * worded as V8 words it for `Map.prototype.get.call({})`.
 */
export function incompatibleReceiver(method: string, receiver: unknown): TypeError {
  return new TypeError(
    `Method ${method} called on incompatible receiver '${describeType(receiver)}'`,
  );
}
