// The tree's one cursor pager, over any fetch function: the classic files' pages and the CogniteFile
// nodes' pages go through it, so "Load more" behaves alike in both sections.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Pager, type CursorPage } from '../../../../src/vscode/tree/pager';

/** A list of `total` items served `size` a page, the cursor being the next offset; records what was asked. */
function pagedList(total: number, size: number) {
  const asked: (string | undefined)[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const fetch = async (cursor: string | undefined): Promise<CursorPage<number>> => {
    asked.push(cursor);
    mostInFlight = Math.max(mostInFlight, ++inFlight);
    await new Promise((resolve) => setTimeout(resolve, 1));
    inFlight--;
    const from = cursor === undefined ? 0 : Number(cursor);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - from)) }, (_, i) => from + i);
    return from + size < total ? { items, nextCursor: String(from + size) } : { items };
  };
  return { fetch, asked, mostInFlight: () => mostInFlight };
}

describe('tree: the cursor pager', () => {
  it('reads every item once, page after page, following the cursor, then has no more', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 10 }), async (total, size) => {
        const list = pagedList(total, size);
        const pager = new Pager({ any: 'filter' }, list.fetch);
        assert.equal(pager.hasMore, true, 'nothing asked yet');
        while (pager.hasMore) await pager.next();
        assert.deepEqual(
          pager.items,
          Array.from({ length: total }, (_, i) => i),
        );
        assert.equal(list.asked.length, Math.max(1, Math.ceil(total / size)));
        assert.equal(list.asked[0], undefined, 'the first page has no cursor');
        await pager.next();
        assert.equal(list.asked.length, Math.max(1, Math.ceil(total / size)), 'nothing asked past the end');
        assert.deepEqual(pager.filter, { any: 'filter' });
      }),
      { numRuns: 40 },
    );
  });

  it('asks one page at a time: a second "Load more" while one loads waits for it', async () => {
    const list = pagedList(100, 10);
    const pager = new Pager(undefined, list.fetch);
    await Promise.all([pager.next(), pager.next(), pager.next()]);
    assert.equal(list.mostInFlight(), 1);
    assert.deepEqual(list.asked, [undefined]);
    assert.equal(pager.items.length, 10);
  });
});
