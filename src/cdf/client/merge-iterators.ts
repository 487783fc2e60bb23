/**
 * Interleaves several async iterables, yielding each value as soon as its source produces it; every
 * source keeps one `next()` in flight, so they run in parallel. When the consumer stops early or a
 * source fails, `stop` is called (to abort the others' requests) and every source is closed.
 */
export async function* mergeAsyncIterables<T>(
  sources: readonly AsyncIterable<T>[],
  stop: () => void,
): AsyncGenerator<T, void, undefined> {
  const iterators = sources.map((s) => s[Symbol.asyncIterator]());
  type Step = { index: number; result: IteratorResult<T> };
  const pending = new Map<number, Promise<Step>>();
  const pull = (index: number): void => {
    const iterator = iterators[index] as AsyncIterator<T>;
    pending.set(
      index,
      iterator.next().then((result) => ({ index, result })),
    );
  };
  iterators.forEach((_, i) => pull(i));
  let finished = false;
  try {
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values());
      if (result.done) {
        pending.delete(index);
        continue;
      }
      pull(index);
      yield result.value;
    }
    finished = true;
  } finally {
    if (!finished) {
      stop();
      // The abandoned next() calls reject once stopped; nobody awaits them any more.
      for (const p of pending.values()) p.catch(() => undefined);
      await Promise.allSettled(
        iterators.map(async (it) => {
          await it.return?.();
        }),
      );
    }
  }
}
