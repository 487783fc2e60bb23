/**
 * The first save of a run made ahead (while the person reads the preview) is written only while it
 * is exactly what the record holds: the same entries (keys, outcomes, image objects) in the same
 * order and no report text; otherwise the bytes are made from the record as it is.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { saveAction, savedActionBytes, BulkActionRecord, type RunPlan } from '../../../../src/core/bulk';
import { makeFirstSave } from '../../../../src/core/bulk/job/first-save';
import { COGNITE_FILE_BULK } from '../../../../src/core/cognite-file';
import type { CogniteFileRecord } from '../../../../src/core/records';
import type { CogniteFileUpsertItem } from '../../../../src/cdf/model';

type R = CogniteFileRecord;
const node = (externalId: string, tags: string[]): R => ({
  space: 'sp',
  externalId,
  version: 1,
  createdTime: 1,
  lastUpdatedTime: 1,
  name: `${externalId}.pdf`,
  tags,
});

const planOf = (ids: readonly string[]): RunPlan<R, CogniteFileUpsertItem> => {
  const preImages = ids.map((id) => node(id, ['a']));
  return {
    items: ids.map((id) => ({ id }) as unknown as CogniteFileUpsertItem),
    preImages,
    afterImages: preImages.map((r) => ({ ...r, tags: ['a', 'b'] })),
  };
};
const record = () =>
  new BulkActionRecord(
    COGNITE_FILE_BULK,
    { baseUrl: 'https://x', project: 'p' },
    { kind: 'ids', label: 'l', refs: [] },
    [{ op: 'add', field: 'tags', values: ['b'] }],
    42,
  );
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('core/bulk: the first save made ahead', () => {
  it('is the one written when the run began as planned, and is what the record saves', () => {
    const [kept, plan] = [record(), planOf(['n1', 'n2', 'n3'])];
    makeFirstSave(kept, plan);
    kept.beginRun(plan);
    // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, called with its own this
    const encode = TextEncoder.prototype.encode;
    let encoded = 0;
    TextEncoder.prototype.encode = function (this: TextEncoder, input?: string) {
      encoded++;
      return encode.call(this, input);
    };
    const bytes = (() => {
      try {
        return savedActionBytes(kept);
      } finally {
        TextEncoder.prototype.encode = encode;
      }
    })();
    assert.equal(encoded, 0, 'the bytes made ahead, not made again');
    assert.equal(text(bytes), JSON.stringify(saveAction(kept)));
    makeFirstSave(record(), plan); // another record's: not this one's
    const again = savedActionBytes(kept);
    assert.notEqual(again, bytes, 'used once: the record no longer holds them');
    assert.equal(text(again), text(bytes));
  });

  it('is never written once the record holds anything else (an entry replaced, a report text, another plan)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('replace', 'report', 'other-plan', 'outcome'),
        (ids, change) => {
          const [kept, plan] = [record(), planOf(ids)];
          makeFirstSave(kept, plan);
          if (change === 'other-plan') kept.beginRun(planOf([...ids].reverse()));
          else kept.beginRun(plan);
          const [key, entry] = [...kept.entries][0]!;
          if (change === 'replace') kept.entries.set(key, { ...entry, after: { ...entry.after } });
          if (change === 'outcome') kept.entries.set(key, { ...entry, outcome: 'applied' });
          if (change === 'report') kept.reportTexts.push('done');
          const saved = text(savedActionBytes(kept));
          assert.equal(saved, JSON.stringify(saveAction(kept)));
        },
      ),
    );
  });

  it('is not made for a record that holds an earlier run (a resume)', () => {
    const [kept, plan] = [record(), planOf(['n1', 'n2'])];
    kept.beginRun(plan);
    makeFirstSave(kept, planOf(['n3']));
    assert.notEqual(savedActionBytes(kept), savedActionBytes(kept), 'made each time from the record');
    assert.equal(text(savedActionBytes(kept)), JSON.stringify(saveAction(kept)));
  });
});
