import { CLASSIC_FILE } from '../../../../src/core/records';
import assert from 'node:assert/strict';
import { referenceValues } from '../../../../src/core/document/references';

describe('referenceValues: ids in a document that have names', () => {
  it('finds the data set, each asset and each label of a record, where each value ends', () => {
    const text = JSON.stringify(
      {
        name: 'a.pdf',
        dataSetId: 7,
        assetIds: [11, 12],
        labels: [{ externalId: 'pump' }],
        metadata: { dataSetId: '9' },
      },
      null,
      2,
    );
    const refs = referenceValues(CLASSIC_FILE, text);
    assert.deepEqual(
      refs.map((r) => [r.kind, r.value, text.slice(r.end - String(JSON.stringify(r.value)).length, r.end)]),
      [
        ['dataSet', 7, '7'],
        ['asset', 11, '11'],
        ['asset', 12, '12'],
        ['label', 'pump', '"pump"'],
      ],
    );
  });

  it('finds them in every element of a selection, and none in nested metadata or nulls', () => {
    const text = JSON.stringify([
      { dataSetId: 1, assetIds: null, labels: null },
      { dataSetId: null, assetIds: [3], metadata: { assetIds: [4] } },
    ]);
    assert.deepEqual(
      referenceValues(CLASSIC_FILE, text).map((r) => [r.kind, r.value]),
      [
        ['dataSet', 1],
        ['asset', 3],
      ],
    );
  });

  it('keeps what it can while the text is being typed', () => {
    assert.deepEqual(
      referenceValues(CLASSIC_FILE, '{ "dataSetId": 5, "assetIds": [6, ').map((r) => r.value),
      [5, 6],
    );
    assert.deepEqual(referenceValues(CLASSIC_FILE, ''), []);
  });
});
