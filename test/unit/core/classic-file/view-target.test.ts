/**
 * "Every file the view shows" with a name search active is the files the search found, counted and
 * acted on exactly: never the whole filter (or the whole project) behind it.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { compileAction } from '../../../../src/core/bulk';
import { planJob } from '../../../../src/core/bulk';
import { viewTarget } from '../../../../src/core/classic-file';
import type { FilesApi } from '../../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';
import { classicBulkSource } from '../../../../src/app';

describe('viewTarget: the target of the files view, name search included', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  before(async () => {
    emu = await startEmulator({ files: 3000, seed: 5 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  after(() => emu.close());

  it('with a name search, targets exactly the files the search returns, and the plan reads only those', async () => {
    const found = await api.searchFiles({ search: { name: 'pump' }, limit: 1000 });
    assert.ok(found.length > 0 && found.length < 1000, `a search with some hits (${found.length})`);
    const view = await viewTarget(api, { filter: {}, search: 'pump', description: 'search "pump"' });
    assert.equal(view.capped, false);
    assert.equal(view.count, found.length);
    assert.equal(view.target.kind, 'ids');
    assert.match(
      view.target.label,
      new RegExp(`^${found.length} files found by search "pump" \\(loose match: check every change\\)$`),
    );

    const compiled = compileAction(CLASSIC_FILE_BULK, [{ op: 'metadataAdd', key: 'picked', value: 'yes' }]);
    assert.ok(compiled.ok);
    const plan = await planJob(classicBulkSource(api), view.target, compiled.action);
    assert.equal(plan.counts.matched, found.length, 'the preview counts the searched files, not the project');
    assert.deepEqual(
      new Set(plan.items.map((i) => i.id)),
      new Set(found.map((r) => r.id)),
      'exactly the files found are changed',
    );
  });

  it('a search inside a filter targets the files found within that filter', async () => {
    const filter = { mimeType: 'application/pdf' };
    const view = await viewTarget(api, { filter, search: 'pump', description: 'search "pump" · application/pdf' });
    assert.equal(view.target.kind, 'ids');
    const ids = view.target.kind === 'ids' ? view.target.refs.map((r) => ('id' in r ? r.id : -1)) : [];
    assert.ok(ids.length > 0);
    for (const id of ids) assert.equal(emu.store.files.get(id)?.mimeType, 'application/pdf');
    const inFilter = await api.searchFiles({ search: { name: 'pump' }, filter, limit: 1000 });
    assert.deepEqual(
      ids,
      inFilter.map((r) => r.id),
    );
  });

  it('says so when the search returned the most one answer holds, and acts on exactly those', async () => {
    const view = await viewTarget(api, { filter: {}, search: 'pdf', description: 'search "pdf"' });
    assert.equal(view.capped, true);
    assert.equal(view.count, 1000);
    assert.match(
      view.target.label,
      /^1000 files found by search "pdf" \(loose match: check every change\); the search's limit, more may match$/,
    );
    assert.equal(view.target.kind === 'ids' && view.target.refs.length, 1000);
  });

  it('without a search, the filter itself (streamed), labelled as the view describes it', async () => {
    const view = await viewTarget(api, { filter: { mimeType: 'image/jpeg' }, description: 'image/jpeg' });
    assert.deepEqual(view.target, { kind: 'filter', label: 'image/jpeg', filter: { mimeType: 'image/jpeg' } });
    const all = await viewTarget(api, { filter: {}, description: '' });
    assert.equal(all.target.label, 'all files');
  });
});
