/** A size as the report writes it: `1e5` for powers of ten from 1e3, else the number. */
export function formatN(n: number): string {
  const exponent = Math.log10(n);
  return Number.isInteger(exponent) && n >= 1000 ? `1e${exponent}` : String(n);
}
