// The classic file as a record kind: its key, version, wire update and document are the ones the
// save sends and the editor shows, and its port (served over the emulator) names missing records.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import type { FileRecord } from '../../../../src/cdf/model';
import { classicRecordsApi, filesApiOf } from '../../../../src/app';
import { diffRecord } from '../../../../src/core/diff';
import { documentFromRecord, fileDocumentSchema } from '../../../../src/core/records';
import { RecordsMissingError } from '../../../../src/core/ports';
import { CLASSIC_FILE } from '../../../../src/core/records';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';

const FILE: FileRecord = {
  id: 42,
  name: 'P-101.pdf',
  uploaded: true,
  createdTime: 1,
  lastUpdatedTime: 5,
  source: 'SAP',
  labels: [{ externalId: 'pump' }],
};

describe('the classic file as a record kind', () => {
  it('is named by its id, versioned by lastUpdatedTime, and compared by content on save', () => {
    assert.equal(CLASSIC_FILE.key(FILE), '42');
    assert.equal(CLASSIC_FILE.version(FILE), 5);
    assert.equal(CLASSIC_FILE.concurrency, 'compare');
    assert.equal(CLASSIC_FILE.document.keyOf(CLASSIC_FILE.document.render(FILE)), '42');
    assert.equal(CLASSIC_FILE.document.keyOf({ id: '42' }), undefined);
    assert.equal(CLASSIC_FILE.document.versionField, 'lastUpdatedTime');
  });

  it('encodes the field kinds’ patches as one files/update item by id, and reads its key back', () => {
    const patches = diffRecord(CLASSIC_FILE, FILE, { ...FILE, source: null, labels: [] })!;
    const item = CLASSIC_FILE.encodeUpdate(FILE, patches);
    assert.deepEqual(item, {
      id: 42,
      update: { source: { setNull: true }, labels: { remove: [{ externalId: 'pump' }] } },
    });
    assert.equal(CLASSIC_FILE.keyOfItem(item), '42');
  });

  it('renders the document the editor shows, with the schema it is checked by', () => {
    assert.deepEqual(CLASSIC_FILE.document.render(FILE), documentFromRecord(FILE));
    assert.equal(CLASSIC_FILE.document.schema, fileDocumentSchema);
    const names = [
      ...CLASSIC_FILE.fields.map((f) => f.name),
      ...CLASSIC_FILE.document.readOnlyFields.map((f) => f.name),
    ];
    assert.deepEqual([...names].sort(), [...CLASSIC_FILE.document.order].sort());
    assert.ok(CLASSIC_FILE.fields.every((f) => f.schema && f.description));
  });

  it('refuses a rename with the words that say how to rename', () => {
    const name = CLASSIC_FILE.document.readOnlyFields.find((f) => f.name === 'name')!;
    assert.equal(name.changed?.(FILE, 'P-101.pdf'), undefined);
    assert.equal(name.changed?.(FILE, 'other.pdf')?.code, 'name-not-updatable');
  });
});

describe('the classic records port, over the emulator', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 5, seed: 7 });
  });
  after(() => emu.close());

  it('reads by key in order, names every missing key, and writes one request', async () => {
    const client = new CdfClient({
      baseUrl: emu.baseUrl,
      project: emu.project,
      tokenProvider: new StaticTokenProvider(emu.token),
    });
    const files = filesApiOf(client);
    const api = classicRecordsApi(files);
    const keys = (await files.listFiles({ limit: 3 })).items.map((f) => String(f.id)).reverse();
    assert.deepEqual((await api.retrieve(keys)).map(CLASSIC_FILE.key), keys);
    await assert.rejects(
      api.retrieve([keys[0]!, '1', '2']),
      (e: unknown) => e instanceof RecordsMissingError && e.keys.join() === '1,2',
    );
    assert.deepEqual((await api.retrieveExisting(['1', keys[1]!])).map(CLASSIC_FILE.key), [keys[1]]);
    const [record] = await api.retrieve([keys[0]!]);
    const item = CLASSIC_FILE.encodeUpdate(record!, { source: { set: 'port' } });
    const [saved] = await api.update([item]);
    assert.equal(saved?.source, 'port');
    assert.ok(saved && CLASSIC_FILE.version(saved) >= CLASSIC_FILE.version(record!));
  });
});
