import assert from 'node:assert/strict';
import { fileRecord, type FileRecord } from '../../../src/cdf/model';
import { omitEmpty } from '../../../src/core/apply';
import { generateDemo, startEmulator } from '../../../src/emulator';
import { client } from './helpers';

describe('emulator: demo data', () => {
  const demo = generateDemo(1, 3000);
  const files = demo.files;
  const share = (keep: (r: FileRecord) => boolean) => files.filter(keep).length / files.length;

  it('is deterministic in the seed, and a small demo is the start of a big one', () => {
    assert.deepEqual(generateDemo(1, 3000), demo);
    assert.notDeepEqual(generateDemo(2, 50).files, generateDemo(1, 50).files);
    const small = new Map(generateDemo(1, 100).files.map((r) => [r.id, r]));
    const inBig = files.filter((r) => small.has(r.id));
    assert.equal(inBig.length, 100);
    for (const r of inBig) assert.deepEqual(r, small.get(r.id));
  });

  it('holds only valid records, as the API returns them, sorted by unique id', () => {
    for (const r of files) {
      const parsed = fileRecord.safeParse(r);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      assert.deepEqual(r, omitEmpty(r));
      assert.ok(r.lastUpdatedTime >= r.createdTime);
      if (r.uploadedTime !== undefined) assert.ok(r.uploadedTime >= r.createdTime);
      if (r.sourceModifiedTime !== undefined) assert.ok(r.sourceModifiedTime >= r.sourceCreatedTime!);
    }
    const ids = files.map((r) => r.id);
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(new Set(ids).size, ids.length);
    const externalIds = files.flatMap((r) => (r.externalId ? [r.externalId] : []));
    assert.equal(new Set(externalIds).size, externalIds.length);
    const instanceIds = files.flatMap((r) =>
      r.instanceId ? [`${r.instanceId.space}/${r.instanceId.externalId}`] : [],
    );
    assert.equal(new Set(instanceIds).size, instanceIds.length);
  });

  it('points only at data sets, labels and assets that exist', () => {
    const dataSets = new Set(demo.dataSets.map((d) => d.id));
    const labels = new Set(demo.labels.map((l) => l.externalId));
    const assets = new Set(demo.assets.map((a) => a.id));
    for (const r of files) {
      if (r.dataSetId !== undefined) assert.ok(dataSets.has(r.dataSetId));
      for (const l of r.labels ?? []) assert.ok(labels.has(l.externalId), l.externalId);
      for (const a of r.assetIds ?? []) assert.ok(assets.has(a));
    }
    const assetIds = new Set<number>();
    for (const a of demo.assets) {
      assert.ok(!assetIds.has(a.id));
      assetIds.add(a.id);
      if (a.parentId !== undefined)
        assert.ok(demo.assets.some((p) => p.id === a.parentId && p.externalId === a.parentExternalId));
    }
  });

  it('reads like an industrial project: kinds, directories, sources, mime types, metadata', () => {
    const names = files.map((r) => r.name).join('\n');
    for (const pattern of [
      /-PID-\d{4} /,
      /-DS-\d{4} .* datasheet/,
      /^IR-\d{4}-/m,
      /^WO-\d{8}_/m,
      /General arrangement/,
      /^OP-/m,
    ])
      assert.match(names, pattern);
    const directories = new Set(files.map((r) => r.directory).filter(Boolean));
    assert.ok(directories.has('/plant-a/area-10/pid'));
    assert.ok(directories.size > 50);
    const sources = new Set(files.map((r) => r.source));
    for (const s of ['SAP', 'SharePoint', 'Documentum', 'Aveva NET', 'Field App']) assert.ok(sources.has(s), s);
    const mimeTypes = new Set(files.map((r) => r.mimeType));
    for (const m of [
      'application/pdf',
      'image/jpeg',
      'image/vnd.dwg',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ])
      assert.ok(mimeTypes.has(m), m);
    const keys = new Set(files.flatMap((r) => Object.keys(r.metadata ?? {})));
    for (const k of ['documentNumber', 'revision', 'discipline', 'tagNumber', 'workOrder']) assert.ok(keys.has(k), k);
    assert.ok(demo.dataSets.length >= 5 && demo.labels.length >= 10 && demo.assets.length > 300);
    assert.ok(demo.assets.some((a) => a.name === '10-P-1001A' || a.name === '10-P-1001'));
  });

  it('has the imperfections of a real project in believable shares', () => {
    const between = (x: number, lo: number, hi: number, what: string) => assert.ok(x >= lo && x <= hi, `${what}: ${x}`);
    between(
      share((r) => !r.uploaded),
      0.04,
      0.12,
      'not uploaded',
    );
    between(
      share((r) => r.instanceId !== undefined),
      0.03,
      0.08,
      'linked to an instance',
    );
    between(
      share((r) => r.directory === undefined),
      0.01,
      0.06,
      'no directory',
    );
    between(
      share((r) => r.externalId === undefined),
      0.03,
      0.08,
      'no externalId',
    );
    between(
      share((r) => r.geoLocation !== undefined),
      0.2,
      0.45,
      'with a geoLocation',
    );
    between(
      share((r) => r.securityCategories !== undefined),
      0.005,
      0.05,
      'with security categories',
    );
  });

  it('starts an emulator with 100k records in a few seconds and pages deep into it quickly', async function () {
    this.timeout(30_000);
    const started = performance.now();
    const emulator = await startEmulator({ files: 100_000 });
    const startMs = performance.now() - started;
    try {
      assert.ok(startMs < 10_000, `${Math.round(startMs)} ms`);
      const c = client(emulator);
      const parts = await c.post('/files/list', { partition: '10/10', limit: 1000 });
      let cursor: string = parts.body.nextCursor;
      for (let i = 0; i < 5; i++)
        cursor = (await c.post('/files/list', { partition: '10/10', limit: 1000, cursor })).body.nextCursor;
      const t = performance.now();
      const page = await c.post('/files/list', { partition: '10/10', limit: 1000, cursor });
      assert.equal(page.body.items.length, 1000);
      assert.ok(performance.now() - t < 500, 'a page deep in the list does not scan from the start');
    } finally {
      await emulator.close();
    }
  });
});
