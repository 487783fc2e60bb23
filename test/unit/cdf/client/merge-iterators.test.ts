import assert from 'node:assert/strict';
import { mergeAsyncIterables } from '../../../../src/cdf/client/merge-iterators';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function* source(name: string, delays: number[], stopped: { value: boolean }) {
  for (const [i, ms] of delays.entries()) {
    await delay(ms);
    if (stopped.value) throw new Error('aborted');
    yield `${name}${i}`;
  }
}

describe('mergeAsyncIterables', () => {
  it('yields every value of every source, each as soon as it is ready', async () => {
    const stopped = { value: false };
    const out: string[] = [];
    for await (const v of mergeAsyncIterables(
      [source('a', [1, 30], stopped), source('b', [10, 10], stopped)],
      () => (stopped.value = true),
    )) {
      out.push(v);
    }
    assert.deepEqual(out, ['a0', 'b0', 'b1', 'a1']);
    assert.equal(stopped.value, false);
  });

  it('stops the other sources when the consumer breaks early', async () => {
    const stopped = { value: false };
    for await (const v of mergeAsyncIterables(
      [source('a', [1, 50], stopped), source('b', [50], stopped)],
      () => (stopped.value = true),
    )) {
      assert.equal(v, 'a0');
      break;
    }
    assert.equal(stopped.value, true);
  });

  it('passes a source failure on and stops the rest', async () => {
    const stopped = { value: false };
    const failing = (): AsyncIterable<string> => ({
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          await delay(1);
          throw new Error('boom');
        },
      }),
    });
    await assert.rejects(async () => {
      for await (const _ of mergeAsyncIterables(
        [failing(), source('b', [50], stopped)],
        () => (stopped.value = true),
      )) {
        // nothing
      }
    }, /boom/);
    assert.equal(stopped.value, true);
  });
});
