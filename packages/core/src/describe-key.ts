import { describeType } from './weakable';

// An error message quotes at most this many characters of a key: a 3e8-character string
// key must not build a 300M-character message.
const MAX_QUOTED = 60;

/**
 * How an error names a key it did not find (a map key, a method name): quoted if a string,
 * cut to `MAX_QUOTED` + `…`.
 */
export function describeKey(key: unknown): string {
  if (typeof key === 'string') {
    return key.length > MAX_QUOTED
      ? `${JSON.stringify(key.slice(0, MAX_QUOTED))}…`
      : JSON.stringify(key);
  }
  let text: string;
  try {
    text = String(key);
  } catch {
    return `a '${describeType(key)}' key`;
  }
  return text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
}
