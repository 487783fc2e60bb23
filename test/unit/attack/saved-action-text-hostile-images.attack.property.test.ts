/**
 * Attack on the kept action's fast serialiser (texts cached per image object): whatever the images
 * hold (keys such as `__proto__` or `constructor`, unicode and lone surrogates, very long texts,
 * metadata-like nested objects), one image object in two entries, entries replaced after their
 * images were cached, the text saved is JSON.stringify's byte for byte, and it restores to entries
 * EQUAL to those in memory.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BulkActionRecord, restoreAction, saveAction, savedActionText, type ActionEntry } from '../../../src/core/bulk';
import { imageText } from '../../../src/core/bulk/job/image-texts';
import { COGNITE_FILE_BULK } from '../../../src/core/cognite-file';
import type { CogniteFileRecord } from '../../../src/core/records';

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'toJSON', 'prototype', 'hasOwnProperty', 'metadata', ''),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const leaf = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ minLength: 5000, maxLength: 6000 }),
  fc.integer(),
  // -0 aside: JSON has no -0, and no read of CDF gives one.
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
  fc.boolean(),
  fc.constant(null),
);
/** Own properties as `JSON.parse` makes them (Object.fromEntries: `__proto__` stays an own key). */
const objectOf = (value: fc.Arbitrary<unknown>) =>
  fc.array(fc.tuple(hostileKey, value), { maxLength: 6 }).map((pairs) => Object.fromEntries(pairs));
const value = fc.oneof(leaf, objectOf(leaf), fc.array(leaf, { maxLength: 4 }));

const imageOf = (externalId: string) =>
  objectOf(value).map(
    (extra) => Object.assign(extra, { space: 'sp', externalId, version: 1 }) as unknown as CogniteFileRecord,
  );

const outcome = fc.constantFrom('applied', 'unknown', 'failed', 'notSent' as const);

describe('attack: the kept action saved from cached image texts', () => {
  it('saves JSON.stringify text and restores equal entries', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 12 }),
        fc.infiniteStream(fc.tuple(outcome, fc.nat(9), fc.boolean(), fc.nat())),
        fc.infiniteStream(fc.tuple(imageOf('x'), imageOf('x'))),
        (ids, choices, images) => {
          const record = new BulkActionRecord(
            COGNITE_FILE_BULK,
            { baseUrl: 'http://127.0.0.1', project: 'p' },
            { kind: 'ids', refs: [], label: 'l' },
            [],
            1,
          );
          const imagesIter = images[Symbol.iterator]();
          const choicesIter = choices[Symbol.iterator]();
          let shared: CogniteFileRecord | undefined;
          for (const id of ids) {
            const [o, cacheFirst, reuse, replaceAfter] = choicesIter.next().value as [
              ActionEntry['outcome'],
              number,
              boolean,
              number,
            ];
            const [b, a] = (imagesIter.next().value as [CogniteFileRecord, CogniteFileRecord]).map((img) =>
              Object.assign(img, { externalId: id }),
            ) as [CogniteFileRecord, CogniteFileRecord];
            // The same object in two entries: the same node as before and after (nothing changed).
            const before = reuse && shared?.externalId === id ? shared : b;
            shared = a;
            // Mostly cached (the join path), some not (the whole stringify path).
            if (cacheFirst > 0) [before, a].forEach((img) => imageText(img));
            record.entries.set(`sp:${id}`, { outcome: o, before, after: a });
            // Replaced after its images were cached: a new entry object, new outcome, same images.
            if (replaceAfter % 3 === 0)
              record.entries.set(`sp:${id}`, { ...record.entries.get(`sp:${id}`)!, outcome: 'applied' });
          }
          record.reportTexts.push('report \u2028 \ud800');
          const text = savedActionText(record);
          assert.equal(text, JSON.stringify(saveAction(record)));
          const back = restoreAction(JSON.parse(text), COGNITE_FILE_BULK);
          assert.deepStrictEqual([...back.entries], [...record.entries]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
