import assert from 'node:assert/strict';
import type { FileRecord, GeoLocation } from '../../../src/cdf/model';
import { applyUpdate } from '../../../src/core/records';
import { diff, diffToUpdateItem } from '../../../src/core/records';
import { documentFromRecord } from '../../../src/core/records';
import type { FileDocument } from '../../../src/core/records';

const base: FileRecord = {
  id: 42,
  name: 'P-101.pdf',
  uploaded: true,
  createdTime: 1000,
  lastUpdatedTime: 2000,
};

/** The base's document with `changes` applied; a key set to `undefined` is removed. */
function edit(record: FileRecord, changes: Record<string, unknown>): FileDocument {
  const doc = documentFromRecord(record) as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete doc[k];
    else doc[k] = v;
  }
  return doc;
}

const point: GeoLocation = { type: 'Feature', geometry: { type: 'Point', coordinates: [5.32, 60.39] } };
const line: GeoLocation & { geometry: { type: 'LineString' } } = {
  type: 'Feature',
  geometry: {
    type: 'LineString',
    coordinates: [
      [0, 0],
      [1, 1],
    ],
  },
  properties: { a: 1 },
};

/** Two different values of every scalar field. */
const SCALARS: Record<string, [unknown, unknown]> = {
  externalId: ['plant-a/P-101', 'plant-a/P-102'],
  directory: ['/plant-a', '/plant-b'],
  source: ['sharepoint', 'SAP'],
  mimeType: ['application/pdf', 'image/png'],
  dataSetId: [7, 8],
  sourceCreatedTime: [0, 1_700_000_000_000],
  sourceModifiedTime: [1_600_000_000_000, 1_700_000_000_000],
  geoLocation: [point, line],
};

describe('diff: scalar fields', () => {
  for (const [field, [a, b]] of Object.entries(SCALARS)) {
    describe(field, () => {
      const withA = { ...base, [field]: a };
      it('set: from unset', () => {
        assert.deepEqual(diff(base, edit(base, { [field]: b })), { [field]: { set: b } });
      });
      it('set: a new value', () => {
        assert.deepEqual(diff(withA, edit(withA, { [field]: b })), { [field]: { set: b } });
      });
      it('setNull: the value is null', () => {
        assert.deepEqual(diff(withA, edit(withA, { [field]: null })), { [field]: { setNull: true } });
      });
      it('setNull: the key is missing (a missing key means null)', () => {
        assert.deepEqual(diff(withA, edit(withA, { [field]: undefined })), { [field]: { setNull: true } });
      });
      it('no change: the same value', () => {
        assert.equal(diff(withA, edit(withA, { [field]: structuredClone(a) })), undefined);
      });
      it('no change: null or missing while unset', () => {
        assert.equal(diff(base, edit(base, { [field]: null })), undefined);
        assert.equal(diff(base, edit(base, { [field]: undefined })), undefined);
      });
    });
  }

  it('geoLocation compares by content, not key order', () => {
    const withLine: FileRecord = { ...base, geoLocation: line };
    const reordered = {
      properties: { a: 1 },
      geometry: { coordinates: structuredClone(line.geometry.coordinates), type: 'LineString' },
      type: 'Feature',
    };
    assert.equal(diff(withLine, edit(withLine, { geoLocation: reordered })), undefined);
    const moved = structuredClone(reordered);
    moved.geometry.coordinates[1]![0] = 2;
    assert.deepEqual(diff(withLine, edit(withLine, { geoLocation: moved })), { geoLocation: { set: moved } });
  });

  it('an empty string is a value, not null', () => {
    const withSource = { ...base, source: 'SAP' };
    assert.deepEqual(diff(withSource, edit(withSource, { source: '' })), { source: { set: '' } });
  });
});

describe('diff: metadata', () => {
  const withMeta: FileRecord = { ...base, metadata: { revision: 'C', discipline: 'process', plant: 'A' } };
  const m = (metadata: unknown) => diff(withMeta, edit(withMeta, { metadata }));

  it('add: a new key', () => {
    assert.deepEqual(m({ revision: 'C', discipline: 'process', plant: 'A', area: '10' }), {
      metadata: { add: { area: '10' } },
    });
  });
  it('add: a changed value (add overwrites)', () => {
    assert.deepEqual(m({ revision: 'D', discipline: 'process', plant: 'A' }), { metadata: { add: { revision: 'D' } } });
  });
  it('remove: a key gone', () => {
    assert.deepEqual(m({ revision: 'C', discipline: 'process' }), { metadata: { remove: ['plant'] } });
  });
  it('add and remove together', () => {
    assert.deepEqual(m({ revision: 'D', discipline: 'process', area: '10' }), {
      metadata: { add: { revision: 'D', area: '10' }, remove: ['plant'] },
    });
  });
  it('add/remove, never set, even when replacing everything', () => {
    assert.deepEqual(m({ x: '1' }), { metadata: { add: { x: '1' }, remove: ['revision', 'discipline', 'plant'] } });
  });
  it('remove every key: clearing (null, {} or a missing key) names the keys the document saw', () => {
    const all = { metadata: { remove: ['revision', 'discipline', 'plant'] } };
    assert.deepEqual(m(null), all);
    assert.deepEqual(m({}), all);
    assert.deepEqual(m(undefined), all);
  });
  it('add: from none', () => {
    assert.deepEqual(diff(base, edit(base, { metadata: { a: 'b' } })), { metadata: { add: { a: 'b' } } });
  });
  it('no change: keys in another order', () => {
    assert.equal(m({ plant: 'A', revision: 'C', discipline: 'process' }), undefined);
  });
  it('no change: {}, null and missing all mean none', () => {
    for (const value of [{}, null, undefined]) {
      assert.equal(diff(base, edit(base, { metadata: value })), undefined);
      const empty = { ...base, metadata: {} };
      assert.equal(diff(empty, edit(empty, { metadata: value })), undefined);
    }
  });
  it('keeps keys that are not identifiers, including "__proto__", as data', () => {
    const edited = JSON.parse(
      '{"metadata": {"revision": "C", "discipline": "process", "plant": "A", "__proto__": "x"}}',
    );
    const update = diff(withMeta, edit(withMeta, edited));
    assert.equal(JSON.stringify(update), '{"metadata":{"add":{"__proto__":"x"}}}');
  });
});

describe('diff: assetIds and securityCategories', () => {
  for (const field of ['assetIds', 'securityCategories'] as const) {
    describe(field, () => {
      const withIds = { ...base, [field]: [1011, 1012, 1013, 1014, 1015] };
      const d = (ids: unknown) => diff(withIds, edit(withIds, { [field]: ids }));
      it('add', () => assert.deepEqual(d([1011, 1012, 1013, 1014, 1015, 1016]), { [field]: { add: [1016] } }));
      it('remove', () => assert.deepEqual(d([1011, 1012, 1013, 1014]), { [field]: { remove: [1015] } }));
      it('add and remove', () =>
        assert.deepEqual(d([1011, 1012, 1013, 1014, 1099]), { [field]: { add: [1099], remove: [1015] } }));
      it('add/remove, never set, even when replacing everything', () =>
        assert.deepEqual(d([1]), { [field]: { add: [1], remove: [1011, 1012, 1013, 1014, 1015] } }));
      it('remove every id: clearing (null, [] or a missing key)', () => {
        const all = { [field]: { remove: [1011, 1012, 1013, 1014, 1015] } };
        assert.deepEqual(d(null), all);
        assert.deepEqual(d([]), all);
        assert.deepEqual(d(undefined), all);
      });
      it('add: from none', () => {
        assert.deepEqual(diff(base, edit(base, { [field]: [5, 6] })), { [field]: { add: [5, 6] } });
      });
      it('no change: another order', () => assert.equal(d([1015, 1014, 1013, 1012, 1011]), undefined));
      it('no change: [], null and missing all mean none', () => {
        for (const value of [[], null, undefined]) assert.equal(diff(base, edit(base, { [field]: value })), undefined);
      });
      it('ids at 2^53-1', () => {
        const max = Number.MAX_SAFE_INTEGER;
        assert.deepEqual(d([1011, 1012, 1013, 1014, 1015, max]), { [field]: { add: [max] } });
      });
    });
  }
});

describe('diff: labels', () => {
  const L = (...ids: string[]) => ids.map((externalId) => ({ externalId }));
  const withLabels: FileRecord = { ...base, labels: L('PUMP', 'VALVE', 'P&ID', 'AREA-10') };
  const d = (labels: unknown) => diff(withLabels, edit(withLabels, { labels }));
  it('add', () => assert.deepEqual(d(L('PUMP', 'VALVE', 'P&ID', 'AREA-10', 'NEW')), { labels: { add: L('NEW') } }));
  it('remove', () => assert.deepEqual(d(L('PUMP', 'VALVE', 'P&ID')), { labels: { remove: L('AREA-10') } }));
  it('add and remove', () =>
    assert.deepEqual(d(L('PUMP', 'VALVE', 'P&ID', 'AREA-20')), {
      labels: { add: L('AREA-20'), remove: L('AREA-10') },
    }));
  it('add/remove, never set, even when replacing everything', () =>
    assert.deepEqual(d(L('X')), { labels: { add: L('X'), remove: L('PUMP', 'VALVE', 'P&ID', 'AREA-10') } }));
  it('remove every label: clearing', () => {
    const all = { labels: { remove: L('PUMP', 'VALVE', 'P&ID', 'AREA-10') } };
    assert.deepEqual(d(null), all);
    assert.deepEqual(d([]), all);
    assert.deepEqual(d(undefined), all);
  });
  it('no change: another order', () => assert.equal(d(L('AREA-10', 'P&ID', 'VALVE', 'PUMP')), undefined));
  it('no change: [], null and missing all mean none', () => {
    for (const value of [[], null, undefined]) assert.equal(diff(base, edit(base, { labels: value })), undefined);
  });
});

describe('diff: collections are add/remove, never set (a save must not erase a concurrent change)', () => {
  // CDF file records have no version: between the re-read and the update a colleague may add a key,
  // a label, an asset or a security category. `add`/`remove` name only the elements this document
  // changed, so they commute with that change; `set` would silently erase it. So collections are
  // always sent as add/remove, even when `set` is shorter and even when the edit empties the field.
  it('a one-element edit is add/remove although set would be shorter', () => {
    const one = { ...base, assetIds: [1] };
    assert.deepEqual(diff(one, edit(one, { assetIds: [2] })), { assetIds: { add: [2], remove: [1] } });
    assert.deepEqual(diff(base, edit(base, { assetIds: [12] })), { assetIds: { add: [12] } });
    const meta = { ...base, metadata: { a: '1' } };
    assert.deepEqual(diff(meta, edit(meta, { metadata: { a: '2' } })), { metadata: { add: { a: '2' } } });
    const label = { ...base, labels: [{ externalId: 'A' }] };
    assert.deepEqual(diff(label, edit(label, { labels: [{ externalId: 'B' }] })), {
      labels: { add: [{ externalId: 'B' }], remove: [{ externalId: 'A' }] },
    });
  });

  it('emptying a collection removes the elements the document saw, never set to empty', () => {
    const full: FileRecord = {
      ...base,
      metadata: { a: '1' },
      labels: [{ externalId: 'A' }],
      assetIds: [7],
      securityCategories: [9],
    };
    assert.deepEqual(
      diff(full, edit(full, { metadata: null, labels: [], assetIds: undefined, securityCategories: [] })),
      {
        assetIds: { remove: [7] },
        labels: { remove: [{ externalId: 'A' }] },
        metadata: { remove: ['a'] },
        securityCategories: { remove: [9] },
      },
    );
  });

  it("a colleague's concurrent addition survives the save", () => {
    const seen: FileRecord = { ...base, metadata: { a: '1' }, labels: [{ externalId: 'A' }], assetIds: [1] };
    const update = diff(seen, edit(seen, { metadata: { a: '2' }, labels: [], assetIds: [2] }))!;
    // Meanwhile someone added a key, a label and an asset.
    const server: FileRecord = {
      ...seen,
      metadata: { a: '1', theirs: 'x' },
      labels: [{ externalId: 'A' }, { externalId: 'THEIRS' }],
      assetIds: [1, 99],
    };
    const after = applyUpdate(server, update);
    assert.deepEqual(after.metadata, { a: '2', theirs: 'x' });
    assert.deepEqual(after.labels, [{ externalId: 'THEIRS' }]);
    assert.deepEqual(after.assetIds, [99, 2]);
  });

  it('never sends an empty part', () => {
    const record = { ...base, labels: [{ externalId: 'A' }, { externalId: 'B' }, { externalId: 'C' }] };
    const update = diff(
      record,
      edit(record, { labels: [{ externalId: 'A' }, { externalId: 'B' }, { externalId: 'C' }, { externalId: 'D' }] }),
    );
    assert.deepEqual(update, { labels: { add: [{ externalId: 'D' }] } });
  });
});

describe('diff: the update as a whole', () => {
  it('is undefined when nothing changed, never {}', () => {
    assert.equal(diff(base, documentFromRecord(base)), undefined);
    assert.equal(diffToUpdateItem(base, documentFromRecord(base)), undefined);
  });

  it('holds one patch per changed field, in field order, and identifies the file by internal id', () => {
    const record: FileRecord = { ...base, externalId: 'old', metadata: { a: 'b' }, assetIds: [1, 2, 3] };
    const item = diffToUpdateItem(
      record,
      edit(record, { externalId: 'new', source: 'SAP', assetIds: [1, 2, 3, 4], metadata: null }),
    );
    assert.deepEqual(item, {
      id: 42,
      update: {
        externalId: { set: 'new' },
        source: { set: 'SAP' },
        assetIds: { add: [4] },
        metadata: { remove: ['a'] },
      },
    });
    assert.deepEqual(Object.keys(item.update), ['externalId', 'source', 'assetIds', 'metadata']);
  });

  it('ignores read-only fields (validation rejects edits to them)', () => {
    assert.equal(diff(base, edit(base, { id: 43, uploaded: false, lastUpdatedTime: 5 })), undefined);
  });

  it('does not alias the edited document', () => {
    const doc = edit(base, { geoLocation: structuredClone(point), metadata: { a: 'b' } });
    const update = diff(base, doc)!;
    (doc.geoLocation as { type: string }).type = 'changed';
    (doc.metadata as Record<string, string>).a = 'changed';
    assert.equal((update.geoLocation as { set: { type: string } }).set.type, 'Feature');
    assert.deepEqual(update.metadata, { add: { a: 'b' } });
  });
});
