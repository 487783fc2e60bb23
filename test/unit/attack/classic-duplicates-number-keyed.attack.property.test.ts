// Attack (classic bulk update): duplicates are found in one pass keyed by number for ids. Property:
// that pass names exactly the items a plain string key (`id:5`, `externalId:"5"`) names twice, for
// hostile mixes: ids as numbers and as strings ("5" beside 5), -0 beside 0, NaN, huge ids,
// externalIds that look like ids, and items that name no file at all (never a duplicate, no throw).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { duplicatePositions } from '../../../src/cdf/client/update/send-queue';
import type { FileUpdateItem } from '../../../src/cdf/model';

const update = { source: { set: 'x' } };
const idValue = fc.oneof(
  fc.constantFrom(0, -0, 1, 5, Number.NaN, 2 ** 53, 2 ** 53 + 2, 1e21, -1, 1.5),
  fc.integer({ min: 1, max: 8 }),
);
const item = fc.oneof(
  idValue.map((id) => ({ id, update })),
  idValue.map((id) => ({ id: String(id), update })),
  fc
    .oneof(fc.constantFrom('5', '0', 'NaN', '1e+21', 'id:5'), fc.integer({ min: 1, max: 8 }).map(String))
    .map((externalId) => ({ externalId, update })),
  fc.constant({ update }),
  fc.constant({ instanceId: null, update }),
) as fc.Arbitrary<unknown>;

/** The plain model: a string naming the file, or none when the item names no file. */
function nameOf(i: Record<string, unknown>): string | undefined {
  if ('id' in i) return `id:${String(i['id'])}`;
  if ('externalId' in i) return `externalId:${JSON.stringify(i['externalId'])}`;
  return undefined;
}

describe('attack: number-keyed duplicates equal the plain string-keyed model', () => {
  it('names the same positions, for hostile id mixes', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (items) => {
        const names = (items as Record<string, unknown>[]).map(nameOf);
        const expected = new Set<number>();
        names.forEach((n, i) => {
          if (n === undefined) return;
          const j = names.indexOf(n);
          if (j !== i) expected.add(i).add(j);
        });
        const got = duplicatePositions(items as FileUpdateItem[]);
        assert.deepEqual(
          [...got].sort((a, b) => a - b),
          [...expected].sort((a, b) => a - b),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
