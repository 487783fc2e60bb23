/**
 * The record a node updateMany builds after a write (node-written.ts) stands for a read: for any
 * timestamp text the API accepts (any offset, zero to three fractional digits), the built record
 * holds the text CDF stores and returns (`...T12:00:00.000+00:00`), never the text as sent.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { isoTimestamp } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { storedValue } from '../../../src/app/node-written';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE, type CogniteFileRecord } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

const itemFor = (base: CogniteFileRecord, changes: Partial<CogniteFileRecord>) =>
  COGNITE_FILE.encodeUpdate(base, diffRecord(COGNITE_FILE, base, { ...base, ...changes })!);

const two = (n: number) => String(n).padStart(2, '0');
/** Timestamp text in every spelling the API takes. Years 0002-9998: any offset stays within 0001-9999. */
const timestampText = fc
  .record({
    year: fc.integer({ min: 2, max: 9998 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{1,3}$/)),
    zone: fc.oneof(
      fc.constant('Z'),
      fc
        .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45))
        .chain(([sign, h, m]) =>
          fc.constantFrom(`${sign}${two(h)}:${two(m)}`, `${sign}${two(h)}${two(m)}`, `${sign}${two(h)}`),
        ),
    ),
  })
  .map(
    (t) =>
      `${String(t.year).padStart(4, '0')}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}${t.fraction}${t.zone}`,
  )
  .filter((text) => isoTimestamp.safeParse(text).success);

describe('app: a node record built after a write holds values as CDF stores them', () => {
  const ctx = useEmulator({ files: 60, seed: 11 });

  it('for any accepted timestamp text, the built record equals the node as read after', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const api = cogniteFileRecordsApi(client.models);
    const keys = (await client.models.listFileNodes({ limit: 2 })).items.map((n) => `${n.space}:${n.externalId}`);
    assert.equal(keys.length, 2);
    await fc.assert(
      fc.asyncProperty(timestampText, timestampText, async (created, updated) => {
        const before = await api.retrieve(keys);
        const items = before.map((r) => itemFor(r, { sourceCreatedTime: created, sourceUpdatedTime: updated }));
        const report = await api.updateMany(items, {});
        assert.equal(report.applied.length, items.length);
        const readBack = new Map((await api.retrieve(keys)).map((r) => [`${r.space}:${r.externalId}`, r]));
        for (const { item, record } of report.applied)
          assert.deepEqual(record, readBack.get(`${item.space}:${item.externalId}`));
      }),
      { numRuns: 30 },
    );
  });

  it('normalises a timestamp to UTC milliseconds at +00:00, and only timestamps', () => {
    assert.equal(storedValue('sourceCreatedTime', '2024-05-01T12:00:00Z'), '2024-05-01T12:00:00.000+00:00');
    assert.equal(storedValue('sourceUpdatedTime', '2024-05-01T14:30:00.5+02:30'), '2024-05-01T12:00:00.500+00:00');
    assert.equal(storedValue('description', '2024-05-01T12:00:00Z'), '2024-05-01T12:00:00Z');
    assert.equal(storedValue('tags', []), undefined);
    assert.equal(storedValue('description', null), undefined);
  });
});
