/**
 * Attack (issue 11, one save pipeline): saveRecords re-reads the records ONCE, then asks the user about
 * conflicting fields (a modal: seconds to minutes), then sends `diff(theirs-as-read, target)`. A
 * colleague who writes while the question is open is never seen: a field the user changed that was
 * not in conflict when read (so not asked about) is sent with the user's value and silently
 * overwrites the colleague's newer value. Same for a selection of one or many.
 * Expected: never silently overwrite a concurrent change: re-read after the answer (and ask again,
 * or refuse and keep the edits) when CDF changed while the user was answering.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../src/cdf/model';
import { documentFromRecord } from '../../../src/core/records';
import { saveRecord } from '../helpers/save-outcomes';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

describe('attack: a colleague writes while the conflict question is open', () => {
  let emu: RunningEmulator;
  let client: CdfClient;
  before(async () => {
    emu = await startEmulator({ files: 10, seed: 11 });
    client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
  });
  after(() => emu.close());

  const colleague = (id: number, change: Partial<FileRecord>) => {
    const r = emu.store.files.get(id) as FileRecord;
    emu.store.files.put({ ...r, ...change, lastUpdatedTime: r.lastUpdatedTime + 1000 });
  };

  for (const choice of ['overwrite', 'theirs'] as const) {
    it(`choosing "${choice}" does not overwrite the colleague's change made during the question`, async () => {
      const api = filesApiOf(client);
      const [base] = (await client.listFilesPage({ limit: 1 })).items;
      const doc = documentFromRecord(base!) as Record<string, unknown>;
      doc.source = `mine-source-${choice}`; // conflicts: the colleague changed it before the save
      doc.directory = `/mine/${choice}`; // not in conflict when the save re-reads
      colleague(base!.id, { source: `colleague-source-${choice}` });
      let asked = 0;
      await saveRecord({
        base: base!,
        text: JSON.stringify(doc, null, 2) + '\n',
        api,
        resolveConflicts: () => {
          asked++;
          // While the modal is open, the colleague changes the directory the user also changed.
          if (asked === 1) colleague(base!.id, { directory: `/colleague/${choice}` });
          return Promise.resolve(choice);
        },
      }).catch(() => undefined); // a refusal that keeps the edits is an acceptable answer
      const now = emu.store.files.get(base!.id) as FileRecord;
      assert.ok(
        now.directory === `/colleague/${choice}` || asked > 1,
        `the colleague's directory, written while the user was answering about source, was silently overwritten with ${now.directory} (asked ${asked} time(s))`,
      );
    });
  }
});
