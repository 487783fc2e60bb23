/**
 * "Open File Record by Id…" names a file by id or external id, over the emulator. Digits were always
 * an id: a file whose external id is digits could not be opened, and digits past 2^53 came back as
 * zod's "Invalid file identifier at position 0: ✖ Too big: expected int to be <=9007199254740991".
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../../src/app';
import { findFile } from '../../../../src/core/browse';
import type { FilesApi } from '../../../../src/core/ports';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

describe('findFile (Open File Record by Id…)', () => {
  let emu: RunningEmulator;
  let api: FilesApi;
  let requests = 0;
  before(async () => {
    emu = await startEmulator({ files: 5, seed: 11 });
    const client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
    const files = filesApiOf(client);
    api = {
      ...files,
      retrieveExisting: (refs, signal) => (requests++, files.retrieveExisting(refs, signal)),
    };
  });
  after(() => emu.close());

  it('finds a file by its id, and by its external id', async () => {
    const [file] = (await api.listFiles({ limit: 1 })).items;
    assert.equal((await findFile(api, ` ${file!.id} `)).id, file!.id);
    await api.updateFiles([{ id: file!.id, update: { externalId: { set: 'doc:A 1' } } }]);
    assert.equal((await findFile(api, 'doc:A 1')).id, file!.id);
  });

  it('finds a file whose external id is digits when no file has that id', async () => {
    const [, file] = (await api.listFiles({ limit: 2 })).items;
    await api.updateFiles([{ id: file!.id, update: { externalId: { set: '4500012345' } } }]);
    assert.equal((await findFile(api, '4500012345')).id, file!.id);
  });

  it('opens the file whose external id has the spaces typed, not the one without them', async () => {
    const [, , plain, spaced] = (await api.listFiles({ limit: 4 })).items;
    await api.updateFiles([
      { id: plain!.id, update: { externalId: { set: 'P-101' } } },
      { id: spaced!.id, update: { externalId: { set: ' P-101 ' } } },
    ]);
    assert.equal((await findFile(api, ' P-101 ')).id, spaced!.id);
    assert.equal((await findFile(api, 'P-101')).id, plain!.id);
    assert.equal((await findFile(api, 'P-101 ')).id, plain!.id, 'a pasted trailing space still finds it');
  });

  it('says a miss in one sentence, digits past the largest id included, never the model check', async () => {
    await assert.rejects(findFile(api, '99999999999999999999'), (e: Error) => {
      assert.equal(e.message, 'No file has the id or the external id "99999999999999999999".');
      return true;
    });
    await assert.rejects(findFile(api, '0'), /No file has the id or the external id "0"/);
    await assert.rejects(findFile(api, 'no-such-file'), /^Error: No file has the external id "no-such-file"\.$/);
  });

  it('asks nothing for a text no file can have as its external id (too long)', async () => {
    const before = requests;
    await assert.rejects(findFile(api, 'x'.repeat(300)), /No file has the external id/);
    assert.equal(requests, before);
  });
});
