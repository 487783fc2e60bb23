import assert from 'node:assert/strict';
import { invalidItemReason } from '../../../../src/cdf/client/update/invalid-item';
import type { FileUpdateItem } from '../../../../src/cdf/model';

const reason = (item: unknown) => invalidItemReason(item as FileUpdateItem);

describe('why an update item is invalid', () => {
  it('is silent for a valid item', () => {
    assert.equal(
      reason({ id: 1, update: { source: { set: 'SAP' }, labels: { add: [{ externalId: 'PUMP' }] } } }),
      undefined,
    );
    assert.equal(
      reason({ instanceId: { space: 'sp', externalId: 'x' }, update: { metadata: { add: { a: 'b' } } } }),
      undefined,
    );
  });

  it('names the field and the problem, also inside a patch union', () => {
    assert.equal(
      reason({ id: 1, update: { source: { set: 5 } } }),
      'update.source.set: Invalid input: expected string, received number',
    );
    assert.match(
      reason({ externalId: 'a', update: { metadata: { set: { k: 'x'.repeat(20_000) } } } })!,
      /^update\.metadata\.set\.k: /,
    );
    assert.equal(reason({ id: 1, update: { name: { set: 'x' } } }), 'update: Unrecognized key: "name"');
    assert.match(reason({ id: -1, update: {} })!, /^id: /);
  });

  it('holds an instance-linked item to what such files may change', () => {
    assert.match(
      reason({ instanceId: { space: 'sp', externalId: 'x' }, update: { source: { set: 's' } } })!,
      /update: Unrecognized key: "source"/,
    );
  });
});
