// Metadata keys named like members of Object.prototype ("__proto__", "constructor", "toString", ...)
// are ordinary keys in CDF. These property tests draw maps whose keys mix such names with plain ones
// and follow them through every path keyed data takes: validation limits, diff then apply, the
// three-way merge, filters, and a real HTTP round trip through the emulator.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client/cdf-client';
import { filesApiOf } from '../../../src/app/files-api-adapter';
import {
  fileFilter,
  fileRecord,
  fileUpdateItem,
  LIMITS,
  metadataMap,
  utf8Bytes,
  type FileRecord,
  type GeoLocation,
} from '../../../src/cdf/model';
import { applyUpdate } from '../../../src/core/records';
import { metadataFilterText, parseMetadataFilter } from '../../../src/core/browse/metadata-filter-text';
import { diff, planSave } from '../../../src/core/records';
import { documentFromRecord, renderDocument } from '../../../src/core/records';
import { mergeRecords } from '../../../src/core/records';
import { saveRecord } from '../helpers/save-outcomes';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

const SEED = 20261204;

export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
] as const;

type Entries = [string, string][];

/** A map as JSON text parsed: the way a document or an API response holds it, "__proto__" as an own key. */
const mapOf = (entries: Entries): Record<string, string> =>
  JSON.parse(`{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as Record<
    string,
    string
  >;

/** Own entries, sorted: compares maps without ever touching the prototype. */
const entriesOf = (m: Record<string, string> | undefined): Entries =>
  Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  { weight: 1, arbitrary: fc.constantFrom('rev', 'plant', 'Tag') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const valueArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('A', 'B', '') },
  { weight: 1, arbitrary: fc.string() },
);
const entriesArb = fc.uniqueArray(fc.tuple(keyArb, valueArb), { selector: ([k]) => k, maxLength: 8 });
const mapArb = entriesArb.map(mapOf);

const record = (metadata: Record<string, string> | undefined, id = 1): FileRecord => {
  const r: FileRecord = { id, name: 'P-101.pdf', uploaded: true, createdTime: 1, lastUpdatedTime: 1 };
  if (metadata && Object.keys(metadata).length > 0) r.metadata = metadata;
  return r;
};

/** Which limits a map breaks, computed here from its entries and nothing else. */
function breaksALimit(entries: Entries): boolean {
  let total = 0;
  for (const [k, v] of entries) {
    if (utf8Bytes(k) > LIMITS.metadataKeyBytes || utf8Bytes(v) > LIMITS.metadataValueBytes) return true;
    total += utf8Bytes(k) + utf8Bytes(v);
  }
  return entries.length > LIMITS.metadataPairs || total > LIMITS.metadataTotalBytes;
}

describe('prototype-named metadata keys are ordinary keys (property tests)', function () {
  this.timeout(120_000);

  describe('validation sees every key the JSON text holds', () => {
    // Values around the byte limits, so the prototype-named key is often the one over a limit.
    const bigValue = fc.oneof(
      { weight: 2, arbitrary: valueArb },
      { weight: 1, arbitrary: fc.integer({ min: 5_000, max: 11_000 }).map((n) => 'x'.repeat(n)) },
    );
    const bigKey = fc.oneof(
      { weight: 4, arbitrary: keyArb },
      { weight: 1, arbitrary: fc.constantFrom('k'.repeat(LIMITS.metadataKeyBytes + 1), 'é'.repeat(65)) },
    );
    const limitEntries = fc.uniqueArray(fc.tuple(bigKey, bigValue), { selector: ([k]) => k, maxLength: 5 });

    it('the model refuses a map exactly when a limit is broken, and keeps every key when it accepts', () => {
      fc.assert(
        fc.property(limitEntries, (entries) => {
          const result = metadataMap.safeParse(mapOf(entries));
          assert.equal(result.success, !breaksALimit(entries), JSON.stringify(entries.map(([k, v]) => [k, v.length])));
          if (result.success) assert.deepEqual(entriesOf(result.data), entriesOf(mapOf(entries)));
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it('a saved document is refused exactly when its metadata breaks a limit', () => {
      fc.assert(
        fc.property(limitEntries, (entries) => {
          const base = record(undefined);
          const text = JSON.stringify({ ...documentFromRecord(base), metadata: null }).replace(
            '"metadata":null',
            `"metadata":${JSON.stringify(mapOf(entries))}`,
          );
          const plan = planSave(base, text);
          assert.equal(plan.ok, !breaksALimit(entries));
        }),
        { seed: SEED, numRuns: 300 },
      );
    });

    it('counts "__proto__" in the pairs limit and in an update patch', () => {
      const full: Entries = Array.from({ length: LIMITS.metadataPairs }, (_, i) => [`k${i}`, 'v']);
      assert.equal(metadataMap.safeParse(mapOf(full)).success, true);
      assert.equal(metadataMap.safeParse(mapOf([...full, ['__proto__', 'v']])).success, false);
      const tooLong = mapOf([['__proto__', 'x'.repeat(LIMITS.metadataValueBytes + 1)]]);
      assert.equal(fileUpdateItem.safeParse({ id: 1, update: { metadata: { add: tooLong } } }).success, false);
    });
  });

  it('apply(base, diff(base, edited)) holds exactly the edited keys, also after the JSON wire', () => {
    fc.assert(
      fc.property(mapArb, mapArb, (before, after) => {
        const base = record(before);
        const update = diff(base, { ...documentFromRecord(base), metadata: after });
        const applied = applyUpdate(base, update ?? {});
        assert.deepEqual(entriesOf(applied.metadata), entriesOf(after));
        if (!update) return;
        const wire = JSON.parse(JSON.stringify(update)) as typeof update;
        assert.deepEqual(entriesOf(applyUpdate(base, wire).metadata), entriesOf(after));
        assert.ok(fileUpdateItem.safeParse({ id: 1, update: wire }).success);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('the three-way merge decides every key by its own values, and the save sends every removal', () => {
    const pick = (m: Record<string, string>, k: string) => (Object.hasOwn(m, k) ? m[k] : undefined);
    fc.assert(
      fc.property(mapArb, mapArb, mapArb, fc.constantFrom('mine' as const, 'theirs' as const), (b, m, t, prefer) => {
        const { merged, conflicts } = mergeRecords(record(b), record(m), record(t), prefer);
        const expected: Entries = [];
        const conflicting: string[] = [];
        for (const k of new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])) {
          const [bv, mv, tv] = [pick(b, k), pick(m, k), pick(t, k)];
          let v: string | undefined;
          if (bv === mv) v = tv;
          else if (bv === tv || mv === tv) v = mv;
          else {
            conflicting.push(k);
            v = prefer === 'mine' ? mv : tv;
          }
          if (v !== undefined) expected.push([k, v]);
        }
        assert.deepEqual(entriesOf(merged.metadata), entriesOf(mapOf(expected)));
        assert.deepEqual(conflicts.map((c) => c.key).sort(), conflicting.sort());
        // What the save sends over theirs: applied, it gives the merged map; every removal is in it.
        const update = diff(record(t), merged);
        assert.deepEqual(entriesOf(applyUpdate(record(t), update ?? {}).metadata), entriesOf(merged.metadata));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('a metadata filter on a prototype-named key is a filter on that key', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTOTYPE_NAMES),
        fc.string({ minLength: 1 }).filter((v) => !/[,=]/.test(v) && v.trim() === v),
        (key, value) => {
          const parsed = parseMetadataFilter(`${key}=${value}`);
          assert.deepEqual(entriesOf(parsed), [[key, value]]);
          assert.equal(metadataFilterText({ metadata: parsed }), `${key}=${value}`);
          const filter = fileFilter.safeParse({ metadata: parsed });
          assert.ok(filter.success);
          assert.deepEqual(entriesOf(filter.data.metadata), [[key, value]]);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('GeoJSON properties keep prototype-named keys through the model, the document and the diff', () => {
    fc.assert(
      fc.property(mapArb, mapArb, (properties, edited) => {
        const geo: GeoLocation = { type: 'Feature', geometry: { type: 'Point', coordinates: [5, 60] }, properties };
        const parsed = fileRecord.safeParse({ ...record(undefined), geoLocation: geo });
        assert.ok(parsed.success);
        assert.deepEqual(
          entriesOf(parsed.data.geoLocation!.properties as Record<string, string>),
          entriesOf(properties),
        );
        const base = parsed.data;
        const unchanged = planSave(base, renderDocument(base));
        assert.ok(unchanged.ok && unchanged.update === undefined, JSON.stringify(unchanged));
        const update = diff(base, { ...documentFromRecord(base), geoLocation: { ...geo, properties: edited } });
        const after = applyUpdate(base, JSON.parse(JSON.stringify(update ?? {})) as typeof update & object);
        assert.deepEqual(entriesOf((after.geoLocation!.properties ?? {}) as Record<string, string>), entriesOf(edited));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  describe('over real HTTP, through the emulator', () => {
    let emulator: RunningEmulator;
    let client: CdfClient;
    before(async () => {
      emulator = await startEmulator({ files: 20, seed: 5 });
      client = new CdfClient({
        baseUrl: emulator.baseUrl,
        project: emulator.project,
        tokenProvider: new StaticTokenProvider('demo'),
      });
    });
    after(() => emulator.close());

    /** `POST /files` with the metadata written as JSON text, as any client would send it. */
    async function create(entries: Entries, n: number): Promise<number> {
      const map = JSON.stringify(mapOf(entries));
      const geo = `{"type":"Feature","geometry":{"type":"Point","coordinates":[5,60]},"properties":${map}}`;
      const text = `{"name":"proto-${n}.pdf","externalId":"proto-${n}","metadata":${map},"geoLocation":${geo}}`;
      const res = await fetch(`${emulator.apiBase}/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
        body: text,
      });
      assert.equal(res.status, 201, await res.clone().text());
      return ((await res.json()) as { id: number }).id;
    }

    let n = 0;
    it('stores, returns, saves over and filters on every key', async () => {
      await fc.assert(
        fc.asyncProperty(entriesArb, mapArb, async (entries, edited) => {
          const id = await create(entries, n++);
          // The read path keeps every key the server holds.
          const [read] = await client.retrieveFiles([{ id }]);
          assert.deepEqual(entriesOf(read!.metadata), entriesOf(mapOf(entries)));
          const properties = read!.geoLocation!.properties as Record<string, string>;
          assert.deepEqual(entriesOf(properties), entriesOf(mapOf(entries)));
          // An unrelated edit leaves every key on the server.
          const untouched = await saveRecord({
            base: read!,
            text: renderDocument({ ...read!, source: 'edited' }),
            api: filesApiOf(client),
            resolveConflicts: () => Promise.resolve('cancel'),
          });
          assert.equal(untouched.kind, 'saved');
          const [kept] = await client.retrieveFiles([{ id }]);
          assert.deepEqual(entriesOf(kept!.metadata), entriesOf(mapOf(entries)));
          // Editing the map itself lands exactly.
          const saved = await saveRecord({
            base: kept!,
            text: renderDocument({ ...kept!, metadata: edited }),
            api: filesApiOf(client),
            resolveConflicts: () => Promise.resolve('cancel'),
          });
          assert.ok(saved.kind === 'saved' || saved.kind === 'unchanged', saved.kind);
          const [after] = await client.retrieveFiles([{ id }]);
          assert.deepEqual(entriesOf(after!.metadata), entriesOf(edited));
          // A filter on each key finds this file, and no file without that pair.
          for (const [key, value] of entriesOf(edited)) {
            const page = await client.listFilesPage({ filter: { metadata: mapOf([[key, value]]) }, limit: 1000 });
            assert.ok(
              page.items.some((r) => r.id === id),
              `filter ${key}=${value} missed the file`,
            );
            for (const r of page.items)
              assert.ok(
                Object.hasOwn(r.metadata ?? {}, key) && r.metadata![key] === value,
                `filter ${key}=${value} matched file ${r.id} without that pair`,
              );
          }
        }),
        { seed: SEED, numRuns: 30 },
      );
    });

    it('keeps them across a restart with a state file', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdf-proto-keys-'));
      const stateFile = path.join(dir, 'state.json');
      const all = mapOf(PROTOTYPE_NAMES.map((k, i) => [k, `v${i}`]));
      try {
        const first = await startEmulator({ files: 5, seed: 2, stateFile });
        let id: number;
        try {
          const res = await fetch(`${first.apiBase}/files`, {
            method: 'POST',
            headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
            body: `{"name":"kept.pdf","metadata":${JSON.stringify(all)}}`,
          });
          assert.equal(res.status, 201);
          id = ((await res.json()) as { id: number }).id;
        } finally {
          await first.close();
        }
        const second = await startEmulator({ files: 5, seed: 2, stateFile });
        try {
          const res = await fetch(`${second.apiBase}/files/byids`, {
            method: 'POST',
            headers: { authorization: `Bearer ${second.token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ items: [{ id }] }),
          });
          const body = JSON.parse(await res.text()) as { items: FileRecord[] };
          assert.deepEqual(entriesOf(body.items[0]!.metadata), entriesOf(all));
        } finally {
          await second.close();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
