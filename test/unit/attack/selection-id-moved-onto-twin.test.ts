/**
 * Attack (issue 11, ids that move between elements): matchSelectionElements relies on an element's
 * read-only fields as "evidence that it is the file its id names". Files uploaded in one batch can
 * share every read-only field but the id (same name, same created/updated/uploaded times, no external
 * id). Remove the first element of such a pair and change the second element's id to the first's:
 * the element is in place (order kept), every read-only field matches, and the plan applies the
 * second file's values (its source, directory, metadata: everything that differs) to the first file.
 * Expected (the rule the module states): "an edit is never applied to another record": an element
 * whose id changed is refused even when another file's read-only fields happen to match.
 */
import assert from 'node:assert/strict';
import type { FileRecord } from '../../../src/cdf/model';
import { documentFromRecord } from '../../../src/core/records';
import { planSelectionSave } from '../helpers/classic-save';

const twin = (id: number, source: string, directory: string): FileRecord => ({
  id,
  name: 'scan.pdf',
  source,
  directory,
  metadata: { owner: source },
  uploaded: true,
  uploadedTime: 1_700_000_000_000,
  createdTime: 1_700_000_000_000,
  lastUpdatedTime: 1_700_000_000_000,
});

describe('attack: an id moved onto a twin file in a selection', () => {
  it('does not apply one file to another whose read-only fields match', () => {
    const a = twin(1111, 'site-a', '/a');
    const b = twin(2222, 'site-b', '/b');
    const bases = new Map<number, FileRecord>([
      [a.id, a],
      [b.id, b],
    ]);
    const docs = [a, b].map((r) => documentFromRecord(r) as Record<string, unknown>);
    // The user deletes the first element, and the second now claims the first file's id.
    const moved = { ...docs[1]!, id: a.id };
    const plan = planSelectionSave(bases, JSON.stringify([moved], null, 2) + '\n');
    assert.deepEqual(
      plan.changes.map((c) => ({ id: c.base.id, update: c.update })),
      [],
      "file 2222's values are planned onto file 1111",
    );
  });
});
