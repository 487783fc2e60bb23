/**
 * Attack (issue 11, files model with a generation): FilesTreeModel says "an answer that comes back
 * for an older generation is dropped, so a count or a page of the old filter never shows under the
 * new one". Counts are guarded; pages are not: `children()` started under filter A (its list request
 * slow) and answered after the user switched to filter B returns A's files, and remembers A's nodes in
 * the new generation's node map. Quick filter changes while the tree loads show the old filter's files.
 * Expected: a children() answer of an older generation does not hand out the old filter's records
 * (it answers for the current generation, or with nothing).
 */
import assert from 'node:assert/strict';
import type { FileFilter, FileRecord } from '../../../src/cdf/model';
import type { FilesApi } from '../../../src/core/ports';
import { FilesTreeModel } from '../../../src/vscode/tree/files-model';

const rec = (id: number, source: string): FileRecord => ({
  id,
  name: `${source}-${id}.pdf`,
  source,
  createdTime: 1,
  lastUpdatedTime: 1,
  uploaded: true,
});

describe('attack: files model, a page of the old filter after a quick filter change', () => {
  it('children() answered after a reset does not return the old filter files', async () => {
    const releases: (() => void)[] = [];
    const api = {
      listFiles: (req: { filter?: FileFilter }) => {
        const source = req.filter?.source ?? 'none';
        const items = [rec(source === 'A' ? 1 : 2, source)];
        // The first (filter A) answer is slow; later ones are immediate.
        if (source === 'A') return new Promise((resolve) => releases.push(() => resolve({ items })));
        return Promise.resolve({ items });
      },
      countFiles: () => Promise.resolve(1),
    } as unknown as FilesApi;
    const model = new FilesTreeModel(() => api, { changed: () => undefined, reset: () => undefined }, 'flat');
    model.filter = { source: 'A' };
    model.reset();
    const oldAnswer = model.children(); // the view asks under filter A
    model.filter = { source: 'B' }; // the user changes the filter quickly
    model.reset();
    const newAnswer = await model.children();
    releases.forEach((r) => r());
    const stale = await oldAnswer;
    const names = (nodes: Awaited<typeof oldAnswer>) =>
      nodes.flatMap((n) => (n.kind === 'file' ? [n.record.source] : []));
    assert.deepEqual(names(newAnswer), ['B']);
    assert.deepEqual(
      names(stale).filter((s) => s === 'A'),
      [],
      'a page of filter A was handed to the view after the filter became B',
    );
  });
});
