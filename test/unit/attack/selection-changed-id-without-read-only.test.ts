/**
 * Attack (Edit Selection as JSON, "changed id"): the identity check compares an element's other
 * read-only fields with its base, but a missing read-only key "is no edit", so an element that lost
 * them has nothing left to compare. Element A (in A's place, with A's values) whose id was changed to
 * B's, with B's own element removed, passes every rule (no duplicate, order kept) and A's editable
 * values are planned onto file B: externalId, directory, mimeType, assetIds, metadata... overwritten.
 * Expected: refused at the element's id (in a selection an element must carry the read-only fields it
 * was opened with, or some other evidence that it is that file), never applied to B.
 */
import assert from 'node:assert/strict';
import type { FileRecord } from '../../../src/cdf/model';
import { documentFromRecord } from '../../../src/core/records';
import { planSelectionSave } from '../helpers/classic-save';
import { generateDemo } from '../../../src/emulator';

describe('attack: a selection element whose id was changed and whose read-only fields were removed', () => {
  it('is refused, not applied to the file its new id names', () => {
    const records: FileRecord[] = generateDemo(3, 20).files.slice(0, 3);
    const [a, b, c] = records as [FileRecord, FileRecord, FileRecord];
    const bases = new Map(records.map((r) => [r.id, r]));
    const elementA = documentFromRecord(a) as Record<string, unknown>;
    for (const k of ['name', 'createdTime', 'lastUpdatedTime', 'uploadedTime', 'uploaded', 'instanceId'])
      delete elementA[k];
    elementA.id = b.id; // A's element now claims to be B; B's element is gone
    const plan = planSelectionSave(bases, JSON.stringify([elementA, documentFromRecord(c)], null, 2));
    assert.equal(
      plan.ok,
      false,
      `planned onto file B: ${JSON.stringify(plan.changes.map((ch) => ({ id: ch.base.id, fields: Object.keys(ch.update) })))}`,
    );
  });
});
