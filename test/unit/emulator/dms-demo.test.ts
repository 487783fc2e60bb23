import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDemo, startEmulator } from '../../../src/emulator';
import type { DirectRelation, NodeRecord, PropertyValue } from '../../../src/emulator/dms/instance-types';
import { journalPathOf, readJournal } from '../../../src/emulator/store/journal';
import { dms, fileItem, fileProps } from './dms-helpers';

const FILE = 'cdf_cdm/CogniteFile';
const key = (r: DirectRelation) => `${r.space}:${r.externalId}`;

/** Every direct relation a node holds. */
function relations(node: NodeRecord): DirectRelation[] {
  const out: DirectRelation[] = [];
  const visit = (v: PropertyValue) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object') out.push(v);
  };
  for (const row of Object.values(node.data)) Object.values(row).forEach(visit);
  return out;
}

describe('emulator: data modeling demo data', () => {
  const demo = generateDemo(1, 4000);
  const nodes = demo.nodes ?? [];
  const byKey = new Map(nodes.map((n) => [key(n), n]));

  it('is deterministic, with unique nodes in a few spaces that all exist', () => {
    assert.deepEqual(generateDemo(1, 4000).nodes, nodes);
    assert.equal(byKey.size, nodes.length);
    const spaces = new Set((demo.spaces ?? []).map((s) => s.space));
    for (const n of nodes) assert.ok(spaces.has(n.space), n.space);
    const fileSpaces = new Set(nodes.filter((n) => n.data[FILE]).map((n) => n.space));
    assert.ok(fileSpaces.size >= 3, [...fileSpaces].join());
  });

  it('points only at nodes that exist (assets, parents, paths, categories, source systems)', () => {
    for (const n of nodes) for (const r of relations(n)) assert.ok(byKey.has(key(r)), `${key(n)} -> ${key(r)}`);
    const files = nodes.filter((n) => n.data[FILE]);
    assert.ok(files.some((n) => n.data[FILE]?.category !== undefined));
    assert.ok(files.some((n) => Array.isArray(n.data[FILE]?.assets)));
    assert.ok(nodes.some((n) => n.data['cdf_cdm/CogniteAsset'] && n.data['cdf_cdm/CogniteDescribable']?.name));
  });

  it('links classic files and CogniteFile nodes both ways, with the same values', () => {
    const linked = demo.files.filter((r) => r.instanceId);
    const fileNodes = nodes.filter((n) => n.data[FILE]);
    assert.equal(linked.length, fileNodes.length);
    const assetNode = new Map(demo.assets.map((a) => [a.id, a]));
    for (const r of linked) {
      const n = byKey.get(key(r.instanceId!));
      assert.ok(n?.data[FILE], `node of file ${r.id}`);
      assert.equal(n.data['cdf_cdm/CogniteDescribable']?.name, r.name);
      assert.equal(n.data[FILE]?.directory, r.directory);
      assert.equal(n.data[FILE]?.mimeType, r.mimeType);
      assert.equal(n.data[FILE]?.isUploaded, r.uploaded);
      const created = n.data['cdf_cdm/CogniteSourceable']?.sourceCreatedTime;
      assert.equal(created === undefined ? undefined : Date.parse(created as string), r.sourceCreatedTime);
      const assets = (n.data[FILE]?.assets ?? []) as DirectRelation[];
      assert.equal(assets.length, (r.assetIds ?? []).length);
      for (const [i, id] of (r.assetIds ?? []).entries())
        assert.equal(byKey.get(key(assets[i]!))?.data['cdf_cdm/CogniteDescribable']?.name, assetNode.get(id)?.name);
    }
  });

  it('keeps nodes and spaces across a restart (journal and state file)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdf-emulator-dms-'));
    const stateFile = path.join(dir, 'state.json');
    try {
      const first = await startEmulator({ files: 300, seed: 2, stateFile });
      try {
        const api = dms(first);
        await api.post('/models/spaces', { items: [{ space: 'kept_space', name: 'Kept' }] });
        const r = await api.upsert([fileItem('kept_space', 'kept_node', { name: 'kept.pdf' })]);
        assert.equal(r.status, 200);
        await api.upsert([fileItem('kept_space', 'kept_node', { tags: ['t'] })]);
        const lines = readJournal(journalPathOf(stateFile)).map((e) => e.t);
        assert.ok(lines.includes('nodes') && lines.includes('spaces'), lines.join());
      } finally {
        await first.close();
      }
      const second = await startEmulator({ stateFile });
      try {
        const got = await dms(second).byIds([{ space: 'kept_space', externalId: 'kept_node' }]);
        assert.equal(got.body.items[0]?.version, 2);
        assert.deepEqual(fileProps(got.body.items[0]), { name: 'kept.pdf', tags: ['t'] });
        assert.equal(
          second.store.files.getByInstanceId({ space: 'kept_space', externalId: 'kept_node' })?.name,
          'kept.pdf',
        );
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads a state file written before data modeling (no nodes or spaces in it)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdf-emulator-dms-old-'));
    const stateFile = path.join(dir, 'state.json');
    const empty = { changed: [], deleted: [] };
    const old = {
      format: 'cdf-files-emulator-state',
      version: 1,
      project: 'demo',
      seed: 3,
      files: 200,
      savedAt: new Date(0).toISOString(),
      changedFiles: [],
      deletedFileIds: [],
      contents: {},
      dataSets: empty,
      labels: empty,
      assets: empty,
    };
    fs.writeFileSync(stateFile, JSON.stringify(old));
    try {
      const e = await startEmulator({ stateFile });
      try {
        const expected = [...(generateDemo(3, 200).nodes ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : 1));
        assert.ok(expected.length > 100, String(expected.length));
        assert.deepEqual(e.store.nodes.sorted().map(key), expected.map(key));
      } finally {
        await e.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
