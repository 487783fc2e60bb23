import assert from 'node:assert/strict';
import { LIMITS } from '../../../../src/cdf/model';
import { parseElementsInput, parseFieldInput } from '../../../../src/core/bulk';

describe('parseFieldInput: what a person types, to a field value', () => {
  it('takes strings as typed and checks them', () => {
    assert.deepEqual(parseFieldInput('source', ' SAP '), { ok: true, value: ' SAP ' });
    assert.equal(parseFieldInput('externalId', 'x'.repeat(LIMITS.externalIdLength + 1)).ok, false);
    assert.equal(parseFieldInput('directory', 'relative/dir').ok, false);
  });

  it('reads ids and times, an ISO date included', () => {
    assert.deepEqual(parseFieldInput('dataSetId', ' 42 '), { ok: true, value: 42 });
    assert.equal(parseFieldInput('dataSetId', '0').ok, false);
    assert.equal(parseFieldInput('dataSetId', '4.2').ok, false);
    assert.deepEqual(parseFieldInput('sourceCreatedTime', '2024-05-01T00:00:00Z'), { ok: true, value: 1714521600000 });
    assert.deepEqual(parseFieldInput('sourceModifiedTime', '1714521600000'), { ok: true, value: 1714521600000 });
    assert.equal(parseFieldInput('sourceModifiedTime', 'yesterday').ok, false);
  });

  it('reads lists as JSON or comma separated', () => {
    assert.deepEqual(parseFieldInput('assetIds', '1, 2 3'), { ok: true, value: [1, 2, 3] });
    assert.deepEqual(parseFieldInput('assetIds', '[1,2]'), { ok: true, value: [1, 2] });
    assert.deepEqual(parseFieldInput('labels', 'pump, heat exchanger'), {
      ok: true,
      value: [{ externalId: 'pump' }, { externalId: 'heat exchanger' }],
    });
    assert.deepEqual(parseFieldInput('labels', '["a", {"externalId": "b"}]'), {
      ok: true,
      value: [{ externalId: 'a' }, { externalId: 'b' }],
    });
    const tooMany = Array.from({ length: LIMITS.labels + 1 }, (_, i) => `l${i}`).join(',');
    assert.equal(parseFieldInput('labels', tooMany).ok, false);
    assert.equal(parseElementsInput('securityCategories', '1, x').ok, false);
  });

  it('reads geoLocation and metadata as JSON and validates them', () => {
    const point = '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]}}';
    assert.equal(parseFieldInput('geoLocation', point).ok, true);
    assert.equal(parseFieldInput('geoLocation', '{"type":"Feature"}').ok, false);
    assert.equal(parseFieldInput('geoLocation', '{oops').ok, false);
    assert.equal(parseFieldInput('metadata', '{"a":"b"}').ok, true);
    assert.equal(parseFieldInput('metadata', '{"a":1}').ok, false);
  });
});
