import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { EDITABLE_FIELD_NAMES, READ_ONLY_FIELD_NAMES, type FileRecord } from '../../../../src/cdf/model';
import { documentFromRecord, renderDocument } from '../../../../src/core/records';
import { DOCUMENT_FIELD_ORDER } from '../../../../src/core/records';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'fixtures', 'records');
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as FileRecord;

describe('renderDocument', () => {
  it('orders every field of the model exactly once', () => {
    assert.deepEqual([...DOCUMENT_FIELD_ORDER].sort(), [...EDITABLE_FIELD_NAMES, ...READ_ONLY_FIELD_NAMES].sort());
  });

  it('writes a record with every field set in the stable order, 2-space indent, trailing newline', () => {
    const text = renderDocument(load('full.json'));
    assert.ok(text.endsWith('}\n'));
    assert.ok(text.startsWith('{\n  "id": 4503599627370496,\n  "externalId": "plant-a/pid/P-101.pdf",\n  "name": '));
    assert.deepEqual(Object.keys(JSON.parse(text)), [
      'id',
      'externalId',
      'name',
      'directory',
      'source',
      'mimeType',
      'dataSetId',
      'assetIds',
      'labels',
      'metadata',
      'securityCategories',
      'sourceCreatedTime',
      'sourceModifiedTime',
      'geoLocation',
      'uploaded',
      'uploadedTime',
      'createdTime',
      'lastUpdatedTime',
    ]);
  });

  it('writes every editable field of an empty record as null, and only the read-only fields it has', () => {
    assert.equal(
      renderDocument(load('empty.json')),
      `{
  "id": 1,
  "externalId": null,
  "name": "",
  "directory": null,
  "source": null,
  "mimeType": null,
  "dataSetId": null,
  "assetIds": null,
  "labels": null,
  "metadata": null,
  "securityCategories": null,
  "sourceCreatedTime": null,
  "sourceModifiedTime": null,
  "geoLocation": null,
  "uploaded": false,
  "createdTime": 0,
  "lastUpdatedTime": 0
}
`,
    );
  });

  it('ends with instanceId for a linked file', () => {
    const keys = Object.keys(documentFromRecord(load('linked.json')));
    assert.equal(keys[keys.length - 1], 'instanceId');
  });

  it("keeps metadata in the record's key order, and [] / {} as they are", () => {
    const record: FileRecord = {
      id: 1,
      name: 'a',
      uploaded: false,
      createdTime: 0,
      lastUpdatedTime: 0,
      metadata: { zeta: '1', alpha: '2', 'my key': '3' },
      assetIds: [],
      labels: [],
    };
    const doc = documentFromRecord(record);
    assert.deepEqual(Object.keys(doc.metadata!), ['zeta', 'alpha', 'my key']);
    assert.deepEqual(doc.assetIds, []);
    assert.deepEqual(doc.labels, []);
  });

  it('leaves out fields the model does not know and copies values', () => {
    const record = { ...load('full.json'), futureField: 1 } as FileRecord;
    const doc = documentFromRecord(record);
    assert.equal('futureField' in doc, false);
    (doc.assetIds as number[]).push(999);
    assert.deepEqual(record.assetIds, [101, 102, 103]);
  });
});
