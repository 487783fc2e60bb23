/**
 * Undo after a colleague wrote between the action's read and its send (while the preview was on
 * screen): CDF's answer to the update then holds the colleague's writes too, and they must never be
 * taken for the action's. Element by element: what the action did not write ends as it is now.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { updateShapeOf, EDITABLE_FIELD_NAMES, type FileChangeUpdate, type FileRecord } from '../../../../src/cdf/model';
import { applyUpdate } from '../../../../src/core/records';
import { actionAfterImage, planBatch, planUndo, type BulkOperation } from '../../../../src/core/bulk';
import { fullRecord } from './fixtures';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const KEYS = ['rev', 'revision', 'tag', 'owner', '__proto__', 'constructor'] as const;
const VALUES = ['A', 'B', 'yes'] as const;
const LABELS = ['pid', 'pump', 'valve'] as const;
const ASSETS = [1, 2, 3] as const;
const SOURCES = ['SAP', 'Bulk', 'Colleague'] as const;

const metadataAdd = (k: string, v: string): Record<string, string> =>
  Object.defineProperty({}, k, { value: v, enumerable: true, writable: true, configurable: true });

const operationArb: fc.Arbitrary<BulkOperation> = fc.oneof(
  fc.constantFrom(...SOURCES).map((value): BulkOperation => ({ op: 'set', field: 'source', value })),
  fc.constant<BulkOperation>({ op: 'set', field: 'directory', value: '/moved' }),
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES))
    .map(([key, value]): BulkOperation => ({ op: 'metadataAdd', key, value })),
  fc.constantFrom(...KEYS).map((key): BulkOperation => ({ op: 'metadataRemove', key })),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...LABELS))
    .map(([op, externalId]): BulkOperation => ({ op, field: 'labels', values: [{ externalId }] })),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...ASSETS))
    .map(([op, id]): BulkOperation => ({ op, field: 'assetIds', values: [id] })),
);

const colleagueArb: fc.Arbitrary<FileChangeUpdate> = fc.oneof(
  fc.constantFrom(...SOURCES).map((set): FileChangeUpdate => ({ source: { set } })),
  fc.constant<FileChangeUpdate>({ directory: { set: '/colleague' } }),
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES, 'C'))
    .map(([k, v]): FileChangeUpdate => ({ metadata: { add: metadataAdd(k, v) } })),
  fc.constantFrom(...KEYS).map((k): FileChangeUpdate => ({ metadata: { remove: [k] } })),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...LABELS))
    .map(([how, externalId]): FileChangeUpdate => ({ labels: { [how]: [{ externalId }] } })),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...ASSETS))
    .map(([how, id]): FileChangeUpdate => ({ assetIds: { [how]: [id] } })),
);

function elements(record: FileRecord): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of EDITABLE_FIELD_NAMES) {
    const value = record[name];
    if (value === undefined) continue;
    const kind = updateShapeOf(name);
    if (kind === 'scalar') out.set(name, JSON.stringify(value));
    else if (kind === 'metadata') for (const [k, v] of Object.entries(value)) out.set(`metadata.${k}`, v as string);
    else
      for (const e of value as unknown[])
        out.set(`${name}:${typeof e === 'number' ? e : (e as { externalId: string }).externalId}`, 'in');
  }
  return out;
}

const applyAll = (record: FileRecord, updates: FileChangeUpdate[], time: number) =>
  updates.reduce((r, u) => ({ ...applyUpdate(r, u), lastUpdatedTime: time }), record);

describe('planUndo, property: a colleague wrote between the read and the send', () => {
  it("never touches an element the action did not write, applied or unknown, whatever CDF's answer holds", () => {
    fc.assert(
      fc.property(
        fc.array(operationArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('applied' as const, 'unknown' as const),
        fc.array(colleagueArb, { minLength: 1, maxLength: 3 }),
        fc.array(colleagueArb, { maxLength: 2 }),
        (operations, outcome, between, later) => {
          const pre = fullRecord();
          const batch = planBatch(CLASSIC_FILE_BULK, [pre], operations);
          fc.pre(batch.items.length === 1);
          const planned = batch.afterImages[0]!;
          // The colleague's writes land first; the action's update is applied on top; CDF answers that.
          const answered = applyAll(applyAll(pre, between, 2), [batch.items[0]!.update], 3);
          const current = applyAll(answered, later, 4);
          const after = outcome === 'applied' ? actionAfterImage(CLASSIC_FILE_BULK, pre, planned, answered) : planned;
          const undo = planUndo(CLASSIC_FILE_BULK, [{ outcome, before: pre, after }], [current]);
          const result = undo.items[0] ? applyUpdate(current, undo.items[0].update) : current;

          const [was, became, is, ends] = [elements(pre), elements(planned), elements(current), elements(result)];
          for (const key of new Set([...was.keys(), ...became.keys(), ...is.keys()])) {
            const wrote = was.get(key) !== became.get(key);
            const expected = wrote && is.get(key) === became.get(key) ? was.get(key) : is.get(key);
            assert.equal(ends.get(key), expected, `${key}: ${outcome}, between ${JSON.stringify(between)}`);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
