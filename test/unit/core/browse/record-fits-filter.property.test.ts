/**
 * recordFitsFilter (the files view's "does this saved record still belong to this group?") against
 * the emulator's list over HTTP: for every filter made of fields a record alone decides, the records
 * it says fit are exactly the records the list returns. Filters that need CDF's other resources
 * (asset subtrees, places) answer "only CDF can tell" unless a field the record decides rules it out.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import type { FileFilter, FileRecord } from '../../../../src/cdf/model';
import { recordFitsFilter } from '../../../../src/core/browse';
import type { FilesApi } from '../../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('recordFitsFilter agrees with the files list', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  let all: FileRecord[];
  before(async () => {
    emu = await startEmulator({ files: 60, seed: 5 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
    all = (await api.listFiles({ limit: 1000 })).items;
  });
  after(() => emu.close());

  /** One filter field, with a value taken from a record of the project (so some records fit). */
  const field = (): fc.Arbitrary<FileFilter> =>
    fc.nat({ max: all.length - 1 }).chain((i) => {
      const r = all[i]!;
      const [key, value] = Object.entries(r.metadata ?? { none: 'x' })[0]!;
      const labels = (r.labels ?? []).map((l) => ({ externalId: l.externalId }));
      const options: FileFilter[] = [
        { name: r.name },
        { directoryPrefix: (r.directory ?? '/').slice(0, 1 + (r.id % 12)) },
        { mimeType: r.mimeType ?? 'text/plain' },
        { source: r.source ?? 'nowhere' },
        { externalIdPrefix: (r.externalId ?? 'x').slice(0, 1 + (r.id % 8)) },
        { uploaded: r.id % 2 === 0 },
        { metadata: { [key]: value } },
        { createdTime: { min: r.createdTime } },
        { lastUpdatedTime: { max: r.lastUpdatedTime } },
        { uploadedTime: { max: r.uploadedTime ?? 0 } },
        { sourceModifiedTime: { min: r.sourceModifiedTime ?? 0, max: Date.now() } },
        { assetIds: r.assetIds?.length ? r.assetIds : [1] },
        ...(r.dataSetId !== undefined ? [{ dataSetIds: [{ id: r.dataSetId }] }] : []),
        ...(labels.length ? [{ labels: { containsAny: labels } }, { labels: { containsAll: labels } }] : []),
      ];
      return fc.constantFrom(...options);
    });

  it('says exactly which records the list returns, for filters a record alone decides', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(field(), { minLength: 1, maxLength: 3 }), async (parts) => {
        const filter: FileFilter = Object.assign({}, ...parts);
        const listed = new Set((await api.listFiles({ filter, limit: 1000 })).items.map((r) => r.id));
        for (const r of all) assert.equal(recordFitsFilter(r, filter), listed.has(r.id), `file ${r.id}`);
      }),
      { numRuns: 60 },
    );
  });

  it('answers "only CDF can tell" for an asset subtree, unless a field the record decides rules it out', () => {
    const r = all[0]!;
    assert.equal(recordFitsFilter(r, { assetSubtreeIds: [{ id: 1 }] }), undefined);
    assert.equal(recordFitsFilter(r, { assetSubtreeIds: [{ id: 1 }], name: `${r.name} (not)` }), false);
    assert.equal(recordFitsFilter(r, { dataSetIds: [{ externalId: 'some-data-set' }] }), undefined);
  });
});
