/**
 * How many randomized runs a property gets, and from which seed. `npm test` uses the defaults (fixed
 * seeds, a few hundred runs in all, so a failure repeats exactly); a longer soak sets
 *
 *   RELIABILITY_RUNS=2000 RELIABILITY_SEED=12345 npx mocha …
 *
 * RELIABILITY_RUNS replaces every property's default run count (reliability, fuzz and security
 * suites alike); RELIABILITY_SEED replaces the fixed seed, to explore other cases.
 */
const envNumber = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return n;
};

/** The run count for a property whose `npm test` default is `defaultRuns`. */
export function runCount(defaultRuns: number): number {
  return envNumber('RELIABILITY_RUNS') ?? defaultRuns;
}

/** The seed of a property: its own fixed one, unless RELIABILITY_SEED says otherwise. */
export function seedFor(fixedSeed: number): number {
  return envNumber('RELIABILITY_SEED') ?? fixedSeed;
}

/** A mocha timeout that grows with the run count, so a soak is not cut short. */
export function timeoutFor(runs: number, msPerRun: number): number {
  return Math.max(60_000, runs * msPerRun);
}

/** fast-check parameters shared by the emulator-backed properties. */
export function propertyParameters(fixedSeed: number, defaultRuns: number) {
  return {
    seed: seedFor(fixedSeed),
    numRuns: runCount(defaultRuns),
    // A run talks to a live emulator; shrinking would replay dozens of them against a changed store.
    // The first counterexample, with the seed and path fast-check prints, reproduces the failure.
    endOnFailure: true,
  } as const;
}
