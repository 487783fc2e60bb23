/** Splits `items` into consecutive slices of at most `size` (the API's per-request limits). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * Runs `task` over `inputs` with at most `limit` running at once and returns the results in input
 * order. The first failure stops new tasks from starting and is rethrown once the running ones end,
 * so nothing is left in flight behind the caller's back.
 */
export async function mapWithConcurrency<T, R>(
  inputs: readonly T[],
  limit: number,
  task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < inputs.length) {
      const index = next++;
      try {
        results[index] = await task(inputs[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker));
  if (failure) throw failure.error;
  return results;
}
