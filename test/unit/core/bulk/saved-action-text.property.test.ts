/**
 * The kept action's text as saves write it (`savedActionText`, images from a cache by object
 * identity) is exactly `JSON.stringify(saveAction(record))`, for arbitrary actions: any keys,
 * outcomes, images (undefined fields, `__proto__` keys, images shared by entries, an entry whose
 * after-image is its before-image), entries of another shape, report texts. Also after entries are
 * replaced between saves, as a run replaces them: a cached text never stands for a replaced image;
 * with the images' texts made ahead or not.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BulkActionRecord, restoreAction, saveAction, savedActionText } from '../../../../src/core/bulk';
import type { ActionEntry as Entry, ActionOutcome } from '../../../../src/core/bulk';
import type { FileRecord } from '../../../../src/cdf/model';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';
import { imageText } from '../../../../src/core/bulk/job/image-texts';
import { fileRecord } from './fixtures';

/** Entries of any shape, stored as the record's own (the saved text must not care). */
type ActionEntry = Entry<FileRecord>;

const OUTCOMES: ActionOutcome[] = ['applied', 'unknown', 'failed', 'notSent'];
const tricky = fc.constantFrom(
  JSON.parse('{"__proto__":{"a":[1]},"b":"\\u2028"}') as object,
  { id: 1, name: undefined, metadata: { 'k"\\': 'v\n' } },
  {},
);
const image = fc.oneof(
  fc.dictionary(fc.string(), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)), { maxKeys: 6 }),
  tricky,
);
const usualEntry = fc.record({ outcome: fc.constantFrom(...OUTCOMES), before: image, after: image });
/** Not the shape a run makes: other key order, an extra key, a missing image, an array for an image. */
const otherEntry = fc.oneof(
  fc.record({ after: image, outcome: fc.constantFrom(...OUTCOMES), before: image }),
  fc.record({ outcome: fc.constantFrom(...OUTCOMES), before: image, after: image, note: fc.string() }),
  fc.record({ outcome: fc.constantFrom(...OUTCOMES), before: image, after: fc.constant(undefined) }),
  fc.record({ outcome: fc.constantFrom(...OUTCOMES), before: fc.array(fc.integer()), after: image }),
);
const entries = fc.array(fc.tuple(fc.string(), fc.oneof(usualEntry, usualEntry, otherEntry)), { maxLength: 12 });

function recordOf(pairs: [string, unknown][], reportTexts: string[], operations: unknown[]) {
  const target = { kind: 'ids' as const, label: 'a "label"\u2029', refs: [] };
  const record = new BulkActionRecord(CLASSIC_FILE_BULK, { baseUrl: 'https://x', project: 'p' }, target, [], 7);
  (record as unknown as { operations: unknown[] }).operations = operations;
  const shared = pairs[0]?.[1] as ActionEntry | undefined;
  pairs.forEach(([key, entry], i) => {
    // Some entries share images with the first, or have the before-image as after-image.
    const e = entry as ActionEntry;
    const usual = Object.keys(e).join() === 'outcome,before,after';
    const mixed =
      usual && shared && i % 3 === 1
        ? { ...e, before: shared.before }
        : usual && i % 4 === 2
          ? { ...e, after: e.before }
          : e;
    record.entries.set(key, mixed);
  });
  record.reportTexts.push(...reportTexts);
  return record;
}

/** Makes an image's text ahead, as the job does while the preview is read and chunks are on the wire. */
const warmed = (image: unknown) => typeof image === 'object' && image !== null && imageText(image);

describe('core: the kept action as saved text', () => {
  it('is JSON.stringify(saveAction(record)) byte for byte, before and after entries are replaced', () => {
    fc.assert(
      fc.property(
        entries,
        fc.array(fc.string()),
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
        entries,
        fc.boolean(),
        (pairs, reportTexts, operations, later, warm) => {
          const record = recordOf(pairs, reportTexts, operations);
          // Texts made ahead (as while the preview is read), or not: the save makes what is missing.
          if (warm) for (const e of record.entries.values()) [e.before, e.after].forEach(warmed);
          assert.equal(savedActionText(record), JSON.stringify(saveAction(record)));
          // A run replaces entries (new images, new outcomes); the next save holds the new ones.
          later.forEach(([key, entry], i) => {
            const old = [...record.entries.values()][i];
            const replaced = old && i % 2 === 0 ? { ...(entry as ActionEntry), before: old.before } : entry;
            record.entries.set(key, replaced as ActionEntry);
          });
          const text = savedActionText(record);
          assert.equal(text, JSON.stringify(saveAction(record)));
          assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(saveAction(record))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('restores to the same action', () => {
    const record = new BulkActionRecord(
      CLASSIC_FILE_BULK,
      { baseUrl: 'https://x', project: 'p' },
      { kind: 'ids', label: 'l', refs: [] },
      [{ op: 'set', field: 'source', value: 'new' }],
      7,
    );
    for (const id of [1, 2, 3])
      record.entries.set(String(id), {
        outcome: OUTCOMES[id]!,
        before: fileRecord({ id }),
        after: fileRecord({ id, source: 'new' }),
      });
    record.reportTexts.push('# Bulk edit\n| a \\| b |');
    for (const e of record.entries.values()) [e.before, e.after].forEach(warmed);
    const restored = restoreAction(JSON.parse(savedActionText(record)), CLASSIC_FILE_BULK);
    assert.deepEqual([...restored.entries], [...record.entries]);
    assert.deepEqual(restored.reportTexts, record.reportTexts);
    assert.deepEqual(restored.operations, record.operations);
  });
});
