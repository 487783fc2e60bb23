/**
 * Documents of megabytes, or built to hurt: a person pastes a big JSON export into the record, or a
 * tool writes one. The verdict must come quickly (the editor re-checks a refused document on every
 * edit) and read clearly (a message never quotes the megabyte back), at a real path; and nothing is
 * sent. A document nested thousands of levels deep is refused like any other bad input.
 */
import assert from 'node:assert/strict';
import type { FileRecord } from '../../../src/cdf/model';
import { planSave, type SavePlan } from '../../../src/core/records';
import { documentFromRecord, renderDocument } from '../../../src/core/records';
import type { JsonPath } from '../../../src/core/json-path';
import { runDiffCli } from './helpers/cli';
import { assertNothingSent, assertProblemIsClear } from './helpers/refusal';
import type { ProblemCode } from '../../../src/core/problems';

const BASE: FileRecord = { id: 9, name: 'huge.json', uploaded: true, createdTime: 1, lastUpdatedTime: 2 };
/** The time a verdict may take, however large the document: generous for a loaded CI machine. */
const BUDGET_MS = 3000;

const doc = (): Record<string, unknown> => documentFromRecord(BASE);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

function judged(text: string): { plan: SavePlan; ms: number } {
  const started = performance.now();
  const plan = planSave(BASE, text);
  const ms = performance.now() - started;
  assert.ok(ms < BUDGET_MS, `a ${(text.length / 1e6).toFixed(1)} MB document took ${Math.round(ms)} ms to judge`);
  return { plan, ms };
}

function assertRefusedQuickly(text: string, at: JsonPath, code: ProblemCode): void {
  const { plan } = judged(text);
  assert.equal(plan.ok, false, 'accepted');
  if (plan.ok) return;
  for (const p of plan.problems.slice(0, 50)) assertProblemIsClear(text, p);
  assert.ok(
    plan.problems.some((p) => JSON.stringify(p.path) === JSON.stringify(at) && p.code === code),
    `no ${code} at ${JSON.stringify(at)}: ${JSON.stringify(plan.problems.slice(0, 3).map((p) => [p.code, p.path]))}`,
  );
}

describe('fuzz: huge and hostile documents', function () {
  this.timeout(60_000);

  it('4 MB of whitespace around a valid document: accepted, nothing to send', () => {
    const { plan } = judged(renderDocument(BASE).replace(/\n/g, `\n${' '.repeat(200_000)}`));
    assert.ok(plan.ok && plan.update === undefined);
  });

  it('a 5 MB directory: refused at directory, in a short message', async () => {
    const text = JSON.stringify({ ...doc(), directory: `/${'d'.repeat(5_000_000)}` });
    assertRefusedQuickly(text, ['directory'], 'too-long');
    await assertNothingSent(BASE, text);
  });

  it('a 5 MB metadata value: refused at its key', () => {
    assertRefusedQuickly(
      JSON.stringify({ ...doc(), metadata: { notes: 'v'.repeat(5_000_000) } }),
      ['metadata', 'notes'],
      'too-long',
    );
  });

  it('100,000 metadata pairs (2.4 MB): refused at metadata', () => {
    const metadata = Object.fromEntries(range(100_000).map((i) => [`key${i}`, `value${i}`]));
    assertRefusedQuickly(JSON.stringify({ ...doc(), metadata }), ['metadata'], 'too-many');
  });

  it('300,000 asset ids (2 MB): refused at assetIds', () => {
    assertRefusedQuickly(
      JSON.stringify({ ...doc(), assetIds: range(300_000).map((i) => i + 1) }),
      ['assetIds'],
      'too-many',
    );
  });

  it('100,000 labels (2.4 MB): refused at labels', () => {
    const labels = range(100_000).map((i) => ({ externalId: `L${i}` }));
    assertRefusedQuickly(JSON.stringify({ ...doc(), labels }), ['labels'], 'too-many');
  });

  it('2,000 metadata keys of 2 KB each (4 MB): refused at a key', () => {
    const metadata = Object.fromEntries(range(2000).map((i) => [`${'k'.repeat(2000)}${i}`, 'v']));
    assertRefusedQuickly(JSON.stringify({ ...doc(), metadata }), ['metadata', `${'k'.repeat(2000)}0`], 'too-long');
  });

  it('a 2 MB document cut off in the middle: invalid JSON, one problem', () => {
    const whole = JSON.stringify({ ...doc(), assetIds: range(400_000).map((i) => i + 1) });
    const text = whole.slice(0, 2_000_000);
    assert.ok(whole.length > text.length);
    const { plan } = judged(text);
    assert.ok(!plan.ok && plan.problems.length === 1 && plan.problems[0]!.code === 'invalid-json');
    const run = runDiffCli(BASE, text);
    assert.deepEqual([run.status, run.stdout], [2, '']);
  });

  it('a geoLocation of 200,000 points (1.5 MB) is judged quickly', () => {
    const coordinates = range(200_000).map((i) => [i % 180, 1]);
    judged(
      JSON.stringify({ ...doc(), geoLocation: { type: 'Feature', geometry: { type: 'MultiPoint', coordinates } } }),
    );
  });

  it('150,000 repeats of one asset id (0.3 MB) are refused, not a RangeError', () => {
    const text = JSON.stringify({ ...doc(), assetIds: range(150_000).map(() => 1) });
    assert.doesNotThrow(() => planSave(BASE, text));
    assertRefusedQuickly(text, ['assetIds'], 'too-many');
  });

  for (const depth of [5_000, 100_000]) {
    it(`nesting ${depth.toLocaleString('en')} levels deep (${Math.round((depth * 2) / 1000)} KB) is refused, not a RangeError`, () => {
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      for (const text of [
        renderDocument(BASE).replace('"metadata": null', `"metadata": ${nested}`),
        JSON.stringify({ ...doc(), geoLocation: null }).replace(
          '"geoLocation":null',
          `"geoLocation":{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"x":${nested}}}`,
        ),
      ]) {
        assert.doesNotThrow(() => planSave(BASE, text), 'planSave threw');
        const { plan } = judged(text);
        if (!plan.ok) for (const p of plan.problems) assertProblemIsClear(text, p);
        // metadata must be an object; geoLocation.properties may hold any JSON: either verdict, no crash.
        if (text.includes('"metadata": [')) assert.equal(plan.ok, false);
        assert.doesNotThrow(() => runDiffCli(BASE, text), 'the CLI crashed');
      }
    });
  }

  it('25,000 unknown fields (0.45 MB) are judged within the budget', () => {
    const text = JSON.stringify({ ...doc(), ...Object.fromEntries(range(25_000).map((i) => [`field${i}`, i])) });
    assertRefusedQuickly(text, ['field0'], 'unknown-field');
  });
});
