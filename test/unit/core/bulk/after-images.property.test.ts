/**
 * Undo's after-images worked out ahead (`AfterImages`, while a chunk's request is on the wire) are
 * the images `actionAfterImage` makes from CDF's answer: when the answer holds the planned values,
 * when a colleague's write or CDF's normalising makes a written field differ, and when the image
 * worked out ahead was for another read of the record (a plan made again).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FileChangeUpdate, FileRecord } from '../../../../src/cdf/model';
import { applyUpdate } from '../../../../src/core/records';
import { actionAfterImage, AfterImages, planBatch, type BulkOperation } from '../../../../src/core/bulk';
import { fullRecord } from './fixtures';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const KEYS = ['rev', 'tag', '__proto__'] as const;
const LABELS = ['pid', 'pump'] as const;

const operationArb: fc.Arbitrary<BulkOperation> = fc.oneof(
  fc.constantFrom('SAP', 'Bulk').map((value): BulkOperation => ({ op: 'set', field: 'source', value })),
  fc.constant<BulkOperation>({ op: 'clear', field: 'source' }),
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom('A', 'B'))
    .map(([key, value]): BulkOperation => ({ op: 'metadataAdd', key, value })),
  fc.constantFrom(...KEYS).map((key): BulkOperation => ({ op: 'metadataRemove', key })),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...LABELS))
    .map(([op, externalId]): BulkOperation => ({ op, field: 'labels', values: [{ externalId }] })),
  fc.constantFrom(1, 2).map((id): BulkOperation => ({ op: 'add', field: 'assetIds', values: [id] })),
);

/** What else lands in CDF's answer: a colleague's write before the send, or a value CDF normalised. */
const otherArb: fc.Arbitrary<FileChangeUpdate> = fc.oneof(
  fc.constant<FileChangeUpdate>({ source: { set: 'Normalised' } }),
  fc.constant<FileChangeUpdate>({ directory: { set: '/colleague' } }),
  fc.constantFrom(...KEYS).map((k): FileChangeUpdate => ({ metadata: { add: { [`${k}-x`]: 'C' } } })),
  fc.constant<FileChangeUpdate>({ metadata: { add: { rev: 'normalised' } } }),
  fc.constant<FileChangeUpdate>({ labels: { add: [{ externalId: 'valve' }] } }),
);

describe('AfterImages, property: the image worked out ahead is the one made from the answer', () => {
  it('equals actionAfterImage for any answer, and for an image worked out on another read', () => {
    fc.assert(
      fc.property(
        fc.array(operationArb, { minLength: 1, maxLength: 3 }),
        fc.array(otherArb, { maxLength: 2 }),
        fc.boolean(),
        fc.constantFrom('ahead', 'another read', 'none'),
        (operations, others, othersAfter, expected) => {
          const pre: FileRecord = fullRecord();
          const batch = planBatch(CLASSIC_FILE_BULK, [pre], operations);
          fc.pre(batch.items.length === 1);
          const planned = batch.afterImages[0]!;
          const update = batch.items[0]!.update;
          // Before the send, what the action writes wins; after it (CDF normalising), the other does.
          const answered = [...(othersAfter ? [update, ...others] : [...others, update])].reduce(
            (r, u) => applyUpdate(r, u),
            pre,
          );
          const images = new AfterImages(CLASSIC_FILE_BULK);
          if (expected === 'ahead') images.expect(pre, planned);
          if (expected === 'another read') images.expect({ ...pre, source: 'an older read' }, planned);
          const got = images.of(pre, planned, answered);
          assert.deepEqual(got, actionAfterImage(CLASSIC_FILE_BULK, pre, planned, answered));
          assert.equal(images.of(pre, planned), planned, 'no answer: the planned image');
        },
      ),
      { numRuns: 400 },
    );
  });
});
