/**
 * Attack ("a save must not erase a concurrent change it never saw"): after a MERGED save, RecordFs
 * makes the server's answer the new base (it holds a colleague's key the document text never showed)
 * and only asks VS Code to reload the text afterwards. If the user saves again before that reload
 * lands (typing during the save, auto-save, or "Overwrite" in VS Code's "file is newer" prompt), the
 * text still lacks the colleague's key, and diff(new base, text) REMOVES it: the document never saw
 * that key, yet the save deletes it. Same for labels / asset ids.
 * Today the stale text is first refused ("lastUpdatedTime is read-only (set by CDF); put back N"):
 * the user who follows that hint then saves a text that removes the colleague's key.
 * Expected: the second save keeps the colleague's key (the base of a text is what the text was
 * derived from, or the save merges against it), i.e. the key is still on the server.
 *
 * Drives saveRecord the way RecordFs.save does (base := outcome.shown after 'saved' until the text reloads;
 * it was outcome.record, the record the text never showed, when the attack was written).
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import type { FileRecord } from '../../../src/cdf/model';
import { renderDocument } from '../../../src/core/records';
import { saveRecord } from '../helpers/save-outcomes';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('attack: a second save before the merged document reloads', () => {
  let emu: RunningEmulator;
  let client: CdfClient;
  before(async () => {
    emu = await startEmulator({ files: 20, seed: 3 });
    client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
  });
  after(() => emu.close());

  it("does not remove the colleague's metadata key that the text never showed", async () => {
    const api = filesApiOf(client);
    const [opened] = (await client.listFilesPage({ limit: 1 })).items;
    let base: FileRecord = opened!;
    const doc = JSON.parse(renderDocument(base)) as Record<string, unknown>;

    // A colleague adds a key after the user opened the file.
    await client.updateFilesOnce([{ id: base.id, update: { metadata: { add: { colleague: 'keep me' } } } }]);

    doc.source = 'first edit';
    const first = await saveRecord({
      base,
      text: JSON.stringify(doc, null, 2),
      api,
      resolveConflicts: () => Promise.resolve('theirs'),
    });
    assert.equal(first.kind, 'saved');
    if (first.kind !== 'saved') return;
    assert.equal(first.merged, true);
    assert.equal(first.record.metadata?.colleague, 'keep me');
    // RecordFs.save: until the editor reloads, the base is what the saved text shows, not the answer.
    base = first.shown;

    // The user saves again before the reload: the text is still the one without "colleague".
    doc.mimeType = 'text/plain';
    const save = () =>
      saveRecord({ base, text: JSON.stringify(doc, null, 2), api, resolveConflicts: () => Promise.resolve('theirs') });
    let second = await save();
    if (second.kind === 'invalid') {
      // Refused: "lastUpdatedTime is read-only (set by CDF); put back N." The user does what it says.
      const hint = second.problems.map((p) => p.message).join(' ');
      const put = /lastUpdatedTime is read-only \(set by CDF\); put back (\d+)/.exec(hint);
      assert.ok(put, `refused for another reason: ${hint}`);
      doc.lastUpdatedTime = Number(put[1]);
      second = await save();
    }
    assert.equal(second.kind, 'saved');
    const [now] = await client.retrieveFiles([{ id: base.id }]);
    assert.equal(
      now!.metadata?.colleague,
      'keep me',
      `second save sent ${JSON.stringify(second.kind === 'saved' && second.sent.update)}`,
    );
  });
});
