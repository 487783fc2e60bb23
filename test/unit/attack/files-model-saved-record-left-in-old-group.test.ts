/**
 * Attack (issue 11, files model): after a bulk run the tree is reset ("files may have moved between
 * groups"), but a save only goes through `updateRecords`, which swaps the record in place wherever it
 * is loaded. A record saved with another data set (or, in a filtered tree, with values the filter no
 * longer matches) stays listed under its old data set's group, showing the new dataSetId, and the
 * group's count stays the old one.
 * Expected: after updateRecords, a group lists only files that match its filter (the record moves,
 * or the affected groups load again).
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FilesApi } from '../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { FilesTreeModel } from '../../../src/vscode/tree/files-model';
import type { GroupNode } from '../../../src/vscode/tree/nodes';

describe('attack: files model, a saved record that left its group', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  before(async () => {
    emu = await startEmulator({ files: 40, seed: 2 });
    api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
  });
  after(() => emu.close());

  it('a file saved into another data set is no longer listed under the old one', async () => {
    const model = new FilesTreeModel(() => api, { changed: () => undefined, reset: () => undefined }, 'dataSet');
    const groups = (await model.children()).filter((n): n is GroupNode => n.kind === 'group');
    assert.ok(groups.length >= 2);
    const [from, to] = groups;
    const files = (await model.children(from)).filter((n) => n.kind === 'file');
    assert.ok(files.length > 0, 'the first data set has files');
    const moved = files[0]!.kind === 'file' ? files[0]!.record : undefined;
    const toId = Number(to!.id.slice('ds:'.length));
    // The user saves the record with the other data set (the save answers with CDF's record).
    const [saved] = await api.updateFiles([{ id: moved!.id, update: { dataSetId: { set: toId } } }]);
    model.updateRecords([saved!]);
    const after = await model.children(from);
    const stillThere = after.filter((n) => n.kind === 'file' && n.record.id === moved!.id);
    assert.deepEqual(
      stillThere.map((n) => (n.kind === 'file' ? n.record.dataSetId : undefined)),
      [],
      `file ${moved!.id} is still listed under data set ${from!.label} after it was saved into ${to!.label}`,
    );
  });
});
