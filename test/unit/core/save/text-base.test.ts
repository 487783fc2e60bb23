/**
 * The base of an open document is what its text shows (TextBase, driven the way RecordFs drives it):
 * a save never removes an element the text never showed, whatever order saves, reloads and VS Code's
 * "Compare" / "Overwrite" of a "file is newer" save come in.
 */
import { CLASSIC_FILE } from '../../../../src/core/records';
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import type { FileRecord } from '../../../../src/cdf/model';
import { renderDocument } from '../../../../src/core/records';
import { saveRecord } from '../../helpers/save-outcomes';
import { TextBase } from '../../../../src/core/save';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('the base of an open document is what its text shows', () => {
  let emu: RunningEmulator;
  let client: CdfClient;
  let records: FileRecord[];
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 4 });
    client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
    records = (await client.listFilesPage({ limit: 20 })).items.filter((r) => !r.instanceId);
  });
  after(() => emu.close());

  const edit = (text: string, change: (doc: Record<string, unknown>) => void) => {
    const doc = JSON.parse(text) as Record<string, unknown>;
    change(doc);
    return JSON.stringify(doc, null, 2) + '\n';
  };
  /** RecordFs.save: base from the text, then the outcome recorded. */
  const save = async (known: TextBase<FileRecord>, text: string) => {
    const outcome = await saveRecord({
      base: known.baseFor(text),
      text,
      api: filesApiOf(client),
      resolveConflicts: () => Promise.resolve('theirs'),
    });
    if (outcome.kind === 'saved' || outcome.kind === 'up-to-date')
      known.saved(outcome.shown, outcome.record, renderDocument(outcome.record) === text);
    return outcome;
  };
  const colleagueAdds = (id: number) =>
    client.updateFilesOnce([
      { id, update: { metadata: { add: { colleague: 'keep me' } }, assetIds: { add: [4242] } } },
    ]);
  const onServer = async (id: number) => (await client.retrieveFiles([{ id }]))[0]!;

  it('a merged save, then the same text saved again before the reload, keeps the colleague key', async () => {
    const opened = records[0]!;
    const known = new TextBase(CLASSIC_FILE, opened);
    await colleagueAdds(opened.id);
    const text = edit(renderDocument(opened), (d) => (d.source = 'first'));
    assert.equal((await save(known, text)).kind, 'saved');
    const second = await save(
      known,
      edit(text, (d) => (d.mimeType = 'text/plain')),
    );
    assert.equal(second.kind, 'saved', JSON.stringify(second));
    const now = await onServer(opened.id);
    assert.equal(now.metadata?.colleague, 'keep me');
    assert.ok(now.assetIds?.includes(4242));
    assert.equal(now.mimeType, 'text/plain');
    assert.equal(now.source, 'first');
  });

  it('"Compare" reads the newer record while the edited text stays; "Overwrite" of that text keeps the key', async () => {
    const opened = records[1]!;
    const known = new TextBase(CLASSIC_FILE, opened);
    await colleagueAdds(opened.id);
    const text = edit(renderDocument(opened), (d) => (d.source = 'first'));
    await save(known, text);
    const read = known.read(); // the compare view's read: the merged record, with the colleague's key
    assert.equal(read.metadata?.colleague, 'keep me');
    const overwrite = await save(
      known,
      edit(text, (d) => (d.directory = '/overwritten')),
    );
    assert.equal(overwrite.kind, 'saved', JSON.stringify(overwrite));
    const now = await onServer(opened.id);
    assert.equal(now.metadata?.colleague, 'keep me');
    assert.ok(now.assetIds?.includes(4242));
    assert.equal(now.directory, '/overwritten');
  });

  it('a bulk change learned while the text is edited is not its base until the editor reads it', async () => {
    const opened = records[2]!;
    const known = new TextBase(CLASSIC_FILE, opened);
    const [changed] = await client.updateFilesOnce([{ id: opened.id, update: { metadata: { add: { bulk: 'yes' } } } }]);
    known.learned(changed!);
    assert.equal(known.current, opened, 'the text still shows the opened record');
    assert.equal(known.latest, changed, 'a read (and the stat) show the new one');
    await save(
      known,
      edit(renderDocument(opened), (d) => (d.source = 'typed meanwhile')),
    );
    assert.equal((await onServer(opened.id)).metadata?.bulk, 'yes');
  });

  it("once the text shows the colleague key, removing it is the user's edit and is sent", async () => {
    const opened = records[3]!;
    const known = new TextBase(CLASSIC_FILE, opened);
    await colleagueAdds(opened.id);
    await save(
      known,
      edit(renderDocument(opened), (d) => (d.source = 'first')),
    );
    const reloaded = renderDocument(known.read());
    const outcome = await save(
      known,
      edit(reloaded, (d) => delete (d.metadata as Record<string, string>).colleague),
    );
    assert.equal(outcome.kind, 'saved');
    assert.deepEqual(outcome.kind === 'saved' && outcome.sent.update.metadata, { remove: ['colleague'] });
    assert.equal((await onServer(opened.id)).metadata?.colleague, undefined);
  });
});
