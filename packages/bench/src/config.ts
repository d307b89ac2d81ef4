/** How big and how long a run is. */
export type BenchConfig = ReturnType<typeof readConfig>;

/**
 * Reads `--quick`, `--sizes=1e4,1e5`, and the env vars `BENCH_SIZES` / `BENCH_ROUNDS`
 * (one count for every size, or one per size: `BENCH_ROUNDS=5,5,1`).
 */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv) {
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1';
  const sizesArg =
    argv.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length) ?? env.BENCH_SIZES;
  const sizes = sizesArg ? parseSizes(sizesArg) : quick ? [1e4] : [1e4, 1e5, 1e6];
  const rounds = env.BENCH_ROUNDS ? parseSizes(env.BENCH_ROUNDS) : [];
  return {
    sizes,
    /** Rounds (samples) per size; the report shows their median. */
    roundsFor: (n: number): number =>
      rounds.length === 1 ? rounds[0]! : (rounds[sizes.indexOf(n)] ?? (quick || n >= 1e6 ? 3 : 5)),
    /** A timed sample repeats over several containers until it covers this many operations. */
    minOpsPerSample: quick ? 2e4 : 1e5,
  };
}

function parseSizes(text: string): number[] {
  const sizes = text.split(',').map((part) => Number(part.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new TypeError(
      `sizes and rounds must be positive integers like 1e4,1e5; got ${JSON.stringify(text)}`,
    );
  }
  return sizes;
}
