/**
 * Broken text: a valid document, then one slip of the keyboard (a character deleted, inserted or
 * doubled, the text cut short, a comment, a trailing comma, a key written twice). Text that is not
 * JSON is refused as `invalid-json` at a position inside the text; text that still is JSON is either
 * accepted or refused at a path in it. `planSave` never throws, and nothing is ever sent.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planSave } from '../../../src/core/records';
import { renderDocument } from '../../../src/core/records';
import { recordArb } from '../core/arbitraries';
import { runCount, seedFor } from '../reliability/helpers/runs';
import { runDiffCli } from './helpers/cli';
import { assertNothingSent, assertProblemIsClear, assertRefused } from './helpers/refusal';

type Slip =
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicateLine'; at: number };

const breaking = fc.constantFrom(
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  "'",
  '\\',
  '/',
  '//',
  '/*',
  '\t',
  '\u0000',
  '\u0007',
  '\u00a0',
  '\u2028',
  '\uFEFF',
  'NaN',
  'Infinity',
  'undefined',
  '-',
  '+',
  '.',
  '0x1',
  '01',
  '1e',
  'tru',
  'nul',
  ',}',
  '}}',
  '\\u12',
);

const slipArb: fc.Arbitrary<Slip> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: breaking }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
);

function applySlip(text: string, slip: Slip): string {
  const at = slip.at % (text.length + 1);
  switch (slip.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(at + 1);
    case 'insert':
      return text.slice(0, at) + slip.text + text.slice(at);
    case 'truncate':
      return text.slice(0, at);
    case 'duplicateLine': {
      // A top-level line written twice: a duplicate key (or, on the braces, broken JSON).
      const lines = text.split('\n');
      const n = 1 + (slip.at % Math.max(1, lines.length - 2));
      return [...lines.slice(0, n + 1), lines[n]!, ...lines.slice(n + 1)].join('\n');
    }
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('fuzz: documents that are not JSON, or barely', function () {
  this.timeout(60_000);

  it('one slip in a valid document: refused with a clear problem at a real place, or still valid', async () => {
    let broken = 0;
    await fc.assert(
      fc.asyncProperty(recordArb, fc.array(slipArb, { minLength: 1, maxLength: 3 }), async (base, slips) => {
        const text = slips.reduce(applySlip, renderDocument(base));
        const plan = planSave(base, text);
        if (!isJson(text)) {
          broken++;
          const problems = assertRefused(base, text, { at: [], code: 'invalid-json' });
          assert.equal(problems.length, 1, 'one syntax error is reported, not its cascade');
          assert.match(problems[0]!.message, /^Invalid JSON: /);
          await assertNothingSent(base, text);
          // The CLI reads files, and drops a byte order mark first: judge it on what it parses.
          if (!isJson(text.replace(/^\uFEFF/, ''))) {
            const cli = runDiffCli(base, text);
            assert.deepEqual([cli.status, cli.stdout], [2, ''], 'the CLI prints no request body for broken JSON');
            assert.match(cli.stderr, /^edited\.json:\d+:\d+: Invalid JSON: /);
          }
        } else if (!plan.ok) {
          for (const p of plan.problems) assertProblemIsClear(text, p);
          await assertNothingSent(base, text);
        }
      }),
      { seed: seedFor(0xf022_01), numRuns: runCount(300) },
    );
    assert.ok(broken > 50, `only ${broken} runs broke the JSON`);
  });

  it('a key written twice is refused at that key, even when both values agree', () => {
    fc.assert(
      fc.property(recordArb, fc.nat(), (base, pick) => {
        const doc = JSON.parse(renderDocument(base)) as Record<string, unknown>;
        const keys = Object.keys(doc);
        const key = keys[pick % keys.length]!;
        // A function, so a `$&` in the value is not taken for a replacement pattern.
        const text = renderDocument(base).replace(
          /\n}\n$/,
          () => `,\n  ${JSON.stringify(key)}: ${JSON.stringify(doc[key])}\n}\n`,
        );
        assertRefused(base, text, { at: [key], code: 'duplicate-key' });
      }),
      { seed: seedFor(0xf022_02), numRuns: runCount(100) },
    );
  });

  it('not a document at all: empty, whitespace, a bare value, an array, a byte order mark', async () => {
    const base = fc.sample(recordArb, { seed: 1, numRuns: 1 })[0]!;
    for (const text of [
      '',
      '   \n',
      'null',
      '42',
      '"text"',
      'true',
      '[]',
      `[${renderDocument(base)}]`,
      `\uFEFF${renderDocument(base)}`,
    ]) {
      assertRefused(base, text, { at: [] });
      await assertNothingSent(base, text);
    }
  });
});
