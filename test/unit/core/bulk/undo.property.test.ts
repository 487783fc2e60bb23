/**
 * Undo over every outcome a file's update can have (applied, unknown applied, unknown lost, failed,
 * not sent) and any later changes by a colleague: element by element, undo writes back the value
 * before the action exactly where the record now holds the action's value, and nowhere else.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { updateShapeOf, EDITABLE_FIELD_NAMES, type FileChangeUpdate, type FileRecord } from '../../../../src/cdf/model';
import { applyUpdate } from '../../../../src/core/records';
import { planBatch, planUndo, type ActionOutcome, type BulkOperation } from '../../../../src/core/bulk';
import { fullRecord } from './fixtures';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const KEYS = ['rev', 'revision', 'tag', 'owner'] as const;
const VALUES = ['A', 'B', 'yes'] as const;
const LABELS = ['pid', 'pump', 'valve'] as const;
const ASSETS = [1, 2, 3] as const;
const SOURCES = ['SAP', 'Bulk', 'Colleague'] as const;

const operationArb: fc.Arbitrary<BulkOperation> = fc.oneof(
  fc.constantFrom(...SOURCES).map((value): BulkOperation => ({ op: 'set', field: 'source', value })),
  fc.constant<BulkOperation>({ op: 'clear', field: 'source' }),
  fc.constant<BulkOperation>({ op: 'set', field: 'directory', value: '/moved' }),
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES))
    .map(([key, value]): BulkOperation => ({ op: 'metadataAdd', key, value })),
  fc.constantFrom(...KEYS).map((key): BulkOperation => ({ op: 'metadataRemove', key })),
  fc.constant<BulkOperation>({ op: 'metadataRenameKey', from: 'rev', to: 'revision' }),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...LABELS))
    .map(([op, externalId]): BulkOperation => ({ op, field: 'labels', values: [{ externalId }] })),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...ASSETS))
    .map(([op, id]): BulkOperation => ({ op, field: 'assetIds', values: [id] })),
);

/** A colleague's later update: small, and often writing the very values the action wrote. */
const colleagueArb: fc.Arbitrary<FileChangeUpdate> = fc.oneof(
  fc.constantFrom(...SOURCES).map((set): FileChangeUpdate => ({ source: { set } })),
  fc.constant<FileChangeUpdate>({ source: { setNull: true } }),
  fc.constant<FileChangeUpdate>({ directory: { set: '/colleague' } }),
  fc
    .tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES, 'C'))
    .map(([k, v]): FileChangeUpdate => ({ metadata: { add: { [k]: v } } })),
  fc.constantFrom(...KEYS).map((k): FileChangeUpdate => ({ metadata: { remove: [k] } })),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...LABELS))
    .map(([how, externalId]): FileChangeUpdate => ({ labels: { [how]: [{ externalId }] } })),
  fc
    .tuple(fc.constantFrom('add' as const, 'remove' as const), fc.constantFrom(...ASSETS))
    .map(([how, id]): FileChangeUpdate => ({ assetIds: { [how]: [id] } })),
);

/** What really happened to the file; `unknown` comes both ways, since nobody can tell. */
const fateArb = fc.constantFrom(
  { outcome: 'applied' as ActionOutcome, wrote: true },
  { outcome: 'unknown' as ActionOutcome, wrote: true },
  { outcome: 'unknown' as ActionOutcome, wrote: false },
  { outcome: 'failed' as ActionOutcome, wrote: false },
  { outcome: 'notSent' as ActionOutcome, wrote: false },
);

/** A record as its elements: each scalar field, each metadata key, each label and asset id. */
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

describe('planUndo, property: outcomes × later changes by a colleague', () => {
  it('restores an element exactly when the action could have written it and it still holds the action value', () => {
    fc.assert(
      fc.property(
        fc.array(operationArb, { minLength: 1, maxLength: 3 }),
        fateArb,
        fc.array(colleagueArb, { maxLength: 3 }),
        (operations, fate, colleague) => {
          const pre = fullRecord();
          const batch = planBatch(CLASSIC_FILE_BULK, [pre], operations);
          fc.pre(batch.items.length === 1);
          const update = batch.items[0]!.update;
          const after = batch.afterImages[0]!;
          const written = fate.wrote ? { ...applyUpdate(pre, update), lastUpdatedTime: 2 } : pre;
          const current = colleague.reduce((r, u) => ({ ...applyUpdate(r, u), lastUpdatedTime: 3 }), written);
          const entryAfter = fate.outcome === 'applied' ? written : after;
          const undo = planUndo(
            CLASSIC_FILE_BULK,
            [{ outcome: fate.outcome, before: pre, after: entryAfter }],
            [current],
          );
          assert.ok(undo.items.length <= 1);
          const result = undo.items[0] ? applyUpdate(current, undo.items[0].update) : current;

          const [was, became, is, ends] = [elements(pre), elements(after), elements(current), elements(result)];
          const mayHaveWritten = fate.outcome === 'applied' || fate.outcome === 'unknown';
          const reported = new Set(undo.conflicts.flatMap((c) => c.changes.map((x) => x.where)));
          for (const key of new Set([...was.keys(), ...became.keys(), ...is.keys()])) {
            const touched = was.get(key) !== became.get(key);
            const holdsActionValue = touched && is.get(key) === became.get(key);
            const expected = mayHaveWritten && holdsActionValue ? was.get(key) : is.get(key);
            assert.equal(ends.get(key), expected, `${key}: ${fate.outcome}, ${JSON.stringify(colleague)}`);
            const changedSince = touched && is.get(key) !== became.get(key) && is.get(key) !== was.get(key);
            const isSetElement = key.includes(':');
            if (mayHaveWritten && changedSince && !isSetElement) assert.ok(reported.has(key), `${key} is reported`);
          }
          if (!mayHaveWritten)
            assert.deepEqual(undo.notApplied, [String(pre.id)], 'failed or not sent: nothing to undo');
          if (
            fate.outcome === 'unknown' &&
            ![...is.keys(), ...was.keys()].some((k) => was.get(k) !== became.get(k) && is.get(k) === became.get(k))
          )
            assert.ok(undo.items.length === 0, 'an unknown update with no trace on the file is not "restored"');
        },
      ),
      { numRuns: 500 },
    );
  });
});
