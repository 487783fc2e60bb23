/**
 * Every limit of a file record, at its bound (accepted, the update planned) and one past it (refused
 * at the field, with a code that names the limit; nothing sent). Contents are random and of every
 * character width; the CLI gives the same verdict (exit 0 with the request, or exit 2 with the path).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LIMITS, type FileRecord } from '../../../src/cdf/model';
import { planSave } from '../../../src/core/records';
import { documentFromRecord } from '../../../src/core/records';
import { formatPath, type JsonPath } from '../../../src/core/json-path';
import { runCount, seedFor } from '../reliability/helpers/runs';
import { runDiffCli } from './helpers/cli';
import { assertNothingSent, assertRefused } from './helpers/refusal';
import { ofBytes, ofCodePoints } from './helpers/sized-text';
import type { ProblemCode } from '../../../src/core/problems';

const BASE: FileRecord = { id: 42, name: 'limits.pdf', uploaded: true, createdTime: 1, lastUpdatedTime: 2 };

interface LimitCase {
  name: string;
  /** The field's value at the bound (`over` false) or one past it. */
  value: (over: boolean) => fc.Arbitrary<[string, unknown]>;
  at: (value: unknown) => JsonPath;
  code: ProblemCode;
}

const field = (name: string, arb: fc.Arbitrary<unknown>): fc.Arbitrary<[string, unknown]> => arb.map((v) => [name, v]);
const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);
const onlyKey = (m: unknown) => Object.keys(m as object)[0]!;

const stringCase = (name: string, max: number): LimitCase => ({
  name: `${name}: ${max} characters`,
  value: (over) => field(name, ofCodePoints(max + (over ? 1 : 0))),
  at: () => [name],
  code: 'too-long',
});

const CASES: LimitCase[] = [
  stringCase('externalId', LIMITS.externalIdLength),
  stringCase('directory', LIMITS.directoryLength),
  stringCase('source', LIMITS.sourceLength),
  stringCase('mimeType', LIMITS.mimeTypeLength),
  {
    name: `labels: ${LIMITS.labels} labels`,
    value: (over) => fc.constant(['labels', ids(LIMITS.labels + (over ? 1 : 0)).map((i) => ({ externalId: `L${i}` }))]),
    at: () => ['labels'],
    code: 'too-many',
  },
  {
    name: `a label's externalId: ${LIMITS.labelExternalIdLength} characters`,
    value: (over) =>
      field(
        'labels',
        ofCodePoints(LIMITS.labelExternalIdLength + (over ? 1 : 0)).map((e) => [{ externalId: e }]),
      ),
    at: () => ['labels', 0, 'externalId'],
    code: 'too-long',
  },
  {
    name: `assetIds: ${LIMITS.assetIds} ids`,
    value: (over) => fc.nat(1e9).map((from) => ['assetIds', ids(LIMITS.assetIds + (over ? 1 : 0), from + 1)]),
    at: () => ['assetIds'],
    code: 'too-many',
  },
  {
    name: `securityCategories: ${LIMITS.securityCategories} ids`,
    value: (over) =>
      fc.nat(1e9).map((from) => ['securityCategories', ids(LIMITS.securityCategories + (over ? 1 : 0), from + 1)]),
    at: () => ['securityCategories'],
    code: 'too-many',
  },
  {
    name: 'dataSetId: 2^53 - 1',
    value: (over) => fc.constant(['dataSetId', over ? 2 ** 53 : LIMITS.maxId]),
    at: () => ['dataSetId'],
    code: 'out-of-range',
  },
  {
    name: 'an asset id: 2^53 - 1',
    value: (over) => fc.constant(['assetIds', [over ? 2 ** 53 : LIMITS.maxId]]),
    at: () => ['assetIds', 0],
    code: 'out-of-range',
  },
  {
    name: 'sourceCreatedTime: at least 0',
    value: (over) => fc.constant(['sourceCreatedTime', over ? -1 : 0]),
    at: () => ['sourceCreatedTime'],
    code: 'out-of-range',
  },
  {
    name: 'sourceModifiedTime: at most 2^53 - 1',
    value: (over) => fc.constant(['sourceModifiedTime', over ? 2 ** 53 : LIMITS.maxId]),
    at: () => ['sourceModifiedTime'],
    code: 'out-of-range',
  },
  {
    name: `metadata: ${LIMITS.metadataPairs} pairs`,
    value: (over) =>
      fc.constant([
        'metadata',
        Object.fromEntries(ids(LIMITS.metadataPairs + (over ? 1 : 0)).map((i) => [`k${i}`, 'v'])),
      ]),
    at: () => ['metadata'],
    code: 'too-many',
  },
  {
    name: `a metadata key: ${LIMITS.metadataKeyBytes} bytes`,
    value: (over) =>
      fc
        .boolean()
        .chain((wide) => ofBytes(LIMITS.metadataKeyBytes + (over ? 1 : 0), wide))
        .map((key) => ['metadata', { [key]: 'v' }]),
    at: (m) => ['metadata', onlyKey(m)],
    code: 'too-long',
  },
  {
    name: `a metadata value: ${LIMITS.metadataValueBytes} bytes`,
    value: (over) =>
      fc
        .boolean()
        .chain((wide) => ofBytes(LIMITS.metadataValueBytes + (over ? 1 : 0), wide))
        // The empty key leaves the whole total for the value.
        .map((value) => ['metadata', { '': value }]),
    at: () => ['metadata', ''],
    code: 'too-long',
  },
  {
    name: `metadata in total: ${LIMITS.metadataTotalBytes} bytes, keys and values`,
    value: (over) =>
      fc
        .tuple(
          ofBytes(100, true),
          ofBytes(LIMITS.metadataTotalBytes - 100 - 4000 - 2 + (over ? 1 : 0), true),
          ofBytes(4000),
        )
        .map(([k, v, w]) => ['metadata', { [k]: v, ab: w }]),
    at: () => ['metadata'],
    code: 'too-large',
  },
];

describe('fuzz: every limit, at its bound and one past it', function () {
  this.timeout(60_000);
  const runs = Math.max(4, Math.ceil(runCount(300) / CASES.length));

  for (const c of CASES) {
    it(`${c.name}: accepted at the bound, refused one past it`, async () => {
      await fc.assert(
        fc.asyncProperty(c.value(false), c.value(true), async ([name, at], [, past]) => {
          const doc = documentFromRecord(BASE) as Record<string, unknown>;
          const ok = JSON.stringify({ ...doc, [name]: at }, null, 2);
          const plan = planSave(BASE, ok);
          assert.ok(
            plan.ok,
            `refused at the bound: ${JSON.stringify(!plan.ok && plan.problems.map((p) => p.message))}`,
          );
          assert.ok(plan.update && name in plan.update, 'the change is planned');
          const accepted = runDiffCli(BASE, ok);
          assert.equal(accepted.status, 0, accepted.stderr);

          const bad = JSON.stringify({ ...doc, [name]: past }, null, 2);
          assertRefused(BASE, bad, { at: c.at(past), code: c.code });
          await assertNothingSent(BASE, bad);
          const refused = runDiffCli(BASE, bad);
          assert.equal(refused.status, 2);
          assert.equal(refused.stdout, '', 'nothing on stdout: no request body for a refused document');
          assert.ok(refused.stderr.includes(`${formatPath(c.at(past))}: `), refused.stderr.slice(0, 300));
        }),
        { seed: seedFor(0xf022_06), numRuns: runs },
      );
    });
  }
});
