import assert from 'node:assert/strict';
import { LIMITS } from '../../../../src/cdf/model';
import { parseElementsInput, parseFieldInput } from '../../../../src/core/bulk';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

describe('parseFieldInput: what a person types, to a field value', () => {
  it('takes strings as typed and checks them', () => {
    assert.deepEqual(parseFieldInput(CLASSIC_FILE_BULK, 'source', ' SAP '), { ok: true, value: ' SAP ' });
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'externalId', 'x'.repeat(LIMITS.externalIdLength + 1)).ok, false);
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'directory', 'relative/dir').ok, false);
  });

  it('reads ids and times, an ISO date included', () => {
    assert.deepEqual(parseFieldInput(CLASSIC_FILE_BULK, 'dataSetId', ' 42 '), { ok: true, value: 42 });
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'dataSetId', '0').ok, false);
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'dataSetId', '4.2').ok, false);
    assert.deepEqual(parseFieldInput(CLASSIC_FILE_BULK, 'sourceCreatedTime', '2024-05-01T00:00:00Z'), {
      ok: true,
      value: 1714521600000,
    });
    assert.deepEqual(parseFieldInput(CLASSIC_FILE_BULK, 'sourceModifiedTime', '1714521600000'), {
      ok: true,
      value: 1714521600000,
    });
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'sourceModifiedTime', 'yesterday').ok, false);
  });

  it('reads lists as JSON or comma separated', () => {
    assert.deepEqual(parseFieldInput(CLASSIC_FILE_BULK, 'assetIds', '1, 2 3'), { ok: true, value: [1, 2, 3] });
    assert.deepEqual(parseFieldInput(CLASSIC_FILE_BULK, 'assetIds', '[1,2]'), { ok: true, value: [1, 2] });
    assert.deepEqual(parseFieldInput(CLASSIC_FILE_BULK, 'labels', 'pump, heat exchanger'), {
      ok: true,
      value: [{ externalId: 'pump' }, { externalId: 'heat exchanger' }],
    });
    assert.deepEqual(parseFieldInput(CLASSIC_FILE_BULK, 'labels', '["a", {"externalId": "b"}]'), {
      ok: true,
      value: [{ externalId: 'a' }, { externalId: 'b' }],
    });
    const tooMany = Array.from({ length: LIMITS.labels + 1 }, (_, i) => `l${i}`).join(',');
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'labels', tooMany).ok, false);
    assert.equal(parseElementsInput(CLASSIC_FILE_BULK, 'securityCategories', '1, x').ok, false);
  });

  it('reads geoLocation and metadata as JSON and validates them', () => {
    const point = '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}';
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'geoLocation', point).ok, true);
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'geoLocation', '{"type":"Feature"}').ok, false);
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'geoLocation', '{oops').ok, false);
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'metadata', '{"a":"b"}').ok, true);
    assert.equal(parseFieldInput(CLASSIC_FILE_BULK, 'metadata', '{"a":1}').ok, false);
  });
});
