import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { FileRecord } from '../../../src/cdf/model';
import { planSave, type SavePlan } from '../../../src/core/records';
import { renderDocument } from '../../../src/core/records';

const fixtures = path.resolve(__dirname, '..', '..', 'fixtures', 'records');
const load = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as FileRecord;
const full = load('full.json');
const linked = load('linked.json');

function problemsOf(plan: SavePlan) {
  assert.equal(plan.ok, false, 'expected the save to be refused');
  return plan.ok ? [] : plan.problems;
}

describe('planSave', () => {
  it('an unchanged document: ok, nothing to send', () => {
    const plan = planSave(full, renderDocument(full));
    assert.ok(plan.ok);
    assert.equal(plan.update, undefined);
    assert.equal(plan.item, undefined);
    assert.equal(plan.document.id, full.id);
  });

  it('an edited document: the update item by internal id', () => {
    const text = renderDocument(full)
      .replace('"source": "sharepoint"', '"source": "SAP"')
      .replace('"revision": "C"', '"revision": "D"');
    const plan = planSave(full, text);
    assert.ok(plan.ok);
    assert.deepEqual(plan.update, { source: { set: 'SAP' }, metadata: { add: { revision: 'D' } } });
    assert.deepEqual(plan.item, { id: full.id, update: plan.update });
  });

  it('the saved fixture edit sends the expected request', () => {
    const plan = planSave(full, fs.readFileSync(path.join(fixtures, 'full.edited.json'), 'utf8'));
    assert.ok(plan.ok, JSON.stringify(!plan.ok && plan.problems));
    assert.deepEqual(
      { items: [plan.item] },
      JSON.parse(fs.readFileSync(path.join(fixtures, 'full.edited.expected.json'), 'utf8')),
    );
  });

  it('invalid JSON: the problem with its position, no validation', () => {
    const text = renderDocument(full).replace('"source": "sharepoint",', '"source": "sharepoint",,');
    const [p, ...rest] = problemsOf(planSave(full, text));
    assert.equal(rest.length, 0);
    assert.equal(p!.code, 'invalid-json');
    assert.deepEqual([p!.line, p!.column], [6, 26]);
  });

  it('validation problems: placed at the value, or at the key for key problems', () => {
    const text = renderDocument(full)
      .replace('"source": "sharepoint"', '"source": 5')
      .replace('"mimeType"', '"mimetype"')
      .replace('"createdTime": 1704067250000', '"createdTime": 1');
    const problems = problemsOf(planSave(full, text));
    const at = problems.map((p) => [p.code, text.slice(p.offset, p.offset! + p.length!), p.line, p.column]);
    assert.deepEqual(at, [
      ['wrong-type', '5', 6, 13],
      ['unknown-field', '"mimetype"', 7, 3],
      ['read-only', '1', 48, 18],
    ]);
  });

  it("a problem about a removed key is placed at the document's opening brace", () => {
    const text = renderDocument(linked).replace('  "directory": "/manuals",\n', '');
    const [p, ...rest] = problemsOf(planSave(linked, text));
    assert.equal(rest.length, 0);
    assert.equal(p!.code, 'instance-linked');
    assert.deepEqual([p!.offset, p!.length, p!.line, p!.column], [0, 1, 1, 1]);
  });

  it('duplicate keys are refused before validation', () => {
    const text = renderDocument(full).replace('"source": "sharepoint",', '"source": "sharepoint",\n  "source": "SAP",');
    const problems = problemsOf(planSave(full, text));
    assert.deepEqual(
      problems.map((p) => [p.code, p.path, p.line]),
      [['duplicate-key', ['source'], 7]],
    );
  });
});
