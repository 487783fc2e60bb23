// The CogniteFile node as a record kind: the document it opens as, what its schema refuses and
// where, the one upsert item a change becomes, and how list properties merge (they are written whole).
import assert from 'node:assert/strict';
import { diffRecord } from '../../../../src/core/diff';
import { problemsFromIssues } from '../../../../src/core/document';
import { mergeRecordsOf } from '../../../../src/core/merge';
import { planRecordSave } from '../../../../src/core/save';
import { COGNITE_FILE, cogniteFileRecord, type CogniteFileRecord } from '../../../../src/core/records';
import { NODE, RECORD, VIEW } from './cognite-file-fixtures';

/** The upsert item for `edited` over `base`, as a save decides it. */
const itemFor = (base: CogniteFileRecord, edited: object) => {
  const patches = diffRecord(COGNITE_FILE, base, edited);
  return patches && COGNITE_FILE.encodeUpdate(base, patches);
};

/** Problems of a document by the kind's schema, at their JSON paths. */
function problemPaths(document: unknown): string[] {
  const result = COGNITE_FILE.document.schema.safeParse(document);
  if (result.success) return [];
  return [...new Set(problemsFromIssues(result.error.issues, document, []).map((p) => JSON.stringify(p.path)))];
}

describe('the CogniteFile node as a record kind', () => {
  it('is named space:externalId and versioned by its version, checked by the server', () => {
    assert.equal(COGNITE_FILE.key(RECORD), 'plant-a:doc-P-101');
    assert.equal(COGNITE_FILE.version(RECORD), 7);
    assert.equal(COGNITE_FILE.concurrency, 'server');
    assert.equal(COGNITE_FILE.document.keyOf(COGNITE_FILE.document.render(RECORD)), 'plant-a:doc-P-101');
    assert.equal(COGNITE_FILE.document.keyOf({ space: 'plant-a' }), undefined);
    assert.deepEqual(COGNITE_FILE.document.identityFields, ['space', 'externalId']);
  });

  it('opens as every writable property (null when unset) and the read-only node fields', () => {
    const document = COGNITE_FILE.document.render(RECORD);
    assert.deepEqual(document, {
      space: 'plant-a',
      externalId: 'doc-P-101',
      name: 'P-101 datasheet.pdf',
      description: null,
      tags: ['pump', 'datasheet'],
      aliases: null,
      sourceId: null,
      sourceContext: null,
      source: null,
      sourceCreatedTime: '2024-05-01T12:00:00.000+00:00',
      sourceUpdatedTime: null,
      sourceCreatedUser: null,
      sourceUpdatedUser: null,
      assets: [{ space: 'plant-a', externalId: 'P-101' }],
      mimeType: 'application/pdf',
      directory: '/plant-a/pumps',
      category: { space: 'plant-a', externalId: 'datasheets' },
      isUploaded: true,
      uploadedTime: '2024-05-02T08:00:00.000+00:00',
      version: 7,
      createdTime: 1_700_000_000_000,
      lastUpdatedTime: 1_700_000_500_000,
    });
    const readOnly = COGNITE_FILE.document.readOnlyFields.map((f) => f.name).sort();
    assert.deepEqual(readOnly, [
      'createdTime',
      'externalId',
      'isUploaded',
      'lastUpdatedTime',
      'space',
      'uploadedTime',
      'version',
    ]);
    assert.ok(
      COGNITE_FILE.fields.some((f) => f.name === 'name'),
      'a node can be renamed',
    );
    assert.equal(problemPaths(document).length, 0);
    // the document is a copy: editing it leaves the record alone
    document.tags.push('x');
    assert.deepEqual(RECORD.tags, ['pump', 'datasheet']);
  });

  it('refuses values beyond the API’s limits at the path of the value', () => {
    const doc = COGNITE_FILE.document.render(RECORD);
    const bad = {
      ...doc,
      description: 'x'.repeat(128_001),
      tags: Array.from({ length: 1001 }, (_, i) => `t${i}`),
      assets: [
        { space: 'plant-a', externalId: 'P-101' },
        { space: '9bad', externalId: 'P-102' },
        { space: 'plant-a', externalId: '' },
      ],
      category: { space: 'plant-a' },
      sourceUpdatedTime: '2024-13-01',
      aliases: [1],
    };
    assert.deepEqual(problemPaths(bad).sort(), [
      '["aliases",0]',
      '["assets",1,"space"]',
      '["assets",2,"externalId"]',
      '["category","externalId"]',
      '["description"]',
      '["sourceUpdatedTime"]',
      '["tags"]',
    ]);
    const assets = Array.from({ length: 1201 }, (_, i) => ({ space: 'plant-a', externalId: `A-${i}` }));
    assert.deepEqual(problemPaths({ ...doc, assets }), ['["assets"]']);
    assert.deepEqual(problemPaths({ ...doc, assets: assets.slice(0, 1200) }), []);
    assert.deepEqual(problemPaths({ ...doc, tag: ['x'] }), ['["tag"]']);
  });

  it('sends one upsert item with only the changed properties and the version it was opened at', () => {
    const edited = {
      ...COGNITE_FILE.document.render(RECORD),
      name: 'P-101 datasheet rev B.pdf',
      tags: ['pump', 'datasheet', 'rev-b'],
      assets: [
        { space: 'plant-a', externalId: 'P-101' },
        { space: 'plant-a', externalId: 'P-102' },
      ],
      directory: null,
      sourceCreatedTime: '2024-05-01T12:00:00Z', // the same instant, spelled otherwise: no change
    };
    assert.deepEqual(itemFor(RECORD, edited), {
      instanceType: 'node',
      space: 'plant-a',
      externalId: 'doc-P-101',
      existingVersion: 7,
      sources: [
        {
          source: VIEW,
          properties: {
            name: 'P-101 datasheet rev B.pdf',
            tags: ['pump', 'datasheet', 'rev-b'],
            assets: [
              { space: 'plant-a', externalId: 'P-101' },
              { space: 'plant-a', externalId: 'P-102' },
            ],
            directory: null,
          },
        },
      ],
    });
    assert.equal(COGNITE_FILE.keyOfItem(itemFor(RECORD, edited)!), 'plant-a:doc-P-101');
    assert.equal(itemFor(RECORD, { ...COGNITE_FILE.document.render(RECORD), tags: ['datasheet', 'pump'] }), undefined);
  });

  it('sends an emptied list as null, and a list patch applied to the list CDF holds now', () => {
    const emptied = itemFor(RECORD, { ...COGNITE_FILE.document.render(RECORD), tags: [] });
    assert.deepEqual(emptied?.sources[0].properties, { tags: null });
    // decided on RECORD, encoded against a fresher copy where someone added a tag and moved on
    const patches = diffRecord(COGNITE_FILE, RECORD, { ...RECORD, tags: ['pump', 'datasheet', 'mine'] })!;
    const fresh: CogniteFileRecord = { ...RECORD, version: 9, tags: ['pump', 'datasheet', 'theirs'] };
    const item = COGNITE_FILE.encodeUpdate(fresh, patches);
    assert.deepEqual(item.sources[0].properties, { tags: ['pump', 'datasheet', 'theirs', 'mine'] });
    assert.equal(item.existingVersion, 9);
  });

  it('merges lists as sets three ways: both sides’ additions and removals stay, neither conflicts', () => {
    const base = RECORD;
    const mine: CogniteFileRecord = {
      ...RECORD,
      name: 'renamed.pdf',
      tags: ['pump', 'mine'],
      assets: [...RECORD.assets!, { space: 'plant-a', externalId: 'P-102' }],
    };
    const theirs: CogniteFileRecord = {
      ...RECORD,
      version: 8,
      tags: ['pump', 'datasheet', 'theirs'],
      assets: [],
      mimeType: 'application/x-pdf',
    };
    const { merged, conflicts } = mergeRecordsOf(COGNITE_FILE, base, mine, theirs, 'theirs');
    assert.deepEqual(conflicts, []);
    assert.equal(merged.name, 'renamed.pdf');
    assert.equal(merged.mimeType, 'application/x-pdf');
    assert.deepEqual(merged.tags, ['pump', 'theirs', 'mine']);
    assert.deepEqual(merged.assets, [{ space: 'plant-a', externalId: 'P-102' }]);
    const item = itemFor(theirs, merged)!;
    assert.equal(item.existingVersion, 8);
    assert.deepEqual(Object.keys(item.sources[0].properties).sort(), ['assets', 'name', 'tags']);
  });

  it('reports the same scalar changed on both sides as a conflict', () => {
    const { conflicts } = mergeRecordsOf(
      COGNITE_FILE,
      RECORD,
      { ...RECORD, name: 'mine.pdf' },
      { ...RECORD, name: 'theirs.pdf' },
      'theirs',
    );
    assert.deepEqual(
      conflicts.map((c) => [c.field, c.mine, c.theirs]),
      [['name', 'mine.pdf', 'theirs.pdf']],
    );
  });

  it('reads a node’s values to the top level, unset and null left out, unknown properties dropped', () => {
    const node = structuredClone(NODE);
    (node.properties!.cdf_cdm!['CogniteFile/v1'] as Record<string, unknown>).futureProperty = 1;
    const record = cogniteFileRecord(node);
    assert.deepEqual(record, RECORD);
    assert.equal('description' in record, false);
    assert.equal('futureProperty' in record, false);
    assert.equal(record.name, 'P-101 datasheet.pdf');
    assert.deepEqual(cogniteFileRecord({ ...NODE, properties: {} }), {
      space: 'plant-a',
      externalId: 'doc-P-101',
      version: 7,
      createdTime: 1_700_000_000_000,
      lastUpdatedTime: 1_700_000_500_000,
    });
  });
});

describe('the CogniteFile document: space and externalId', () => {
  it('a changed space or externalId is refused as the node\'s chosen identity, not as "set by CDF"', () => {
    const doc = { ...COGNITE_FILE.document.render(RECORD), space: 'elsewhere', externalId: 'other' };
    const plan = planRecordSave(COGNITE_FILE, RECORD, JSON.stringify(doc));
    assert.equal(plan.ok, false);
    const messages = plan.problems.map((p) => [p.path.join('.'), p.message]);
    assert.deepEqual(
      messages.map(([path]) => path),
      ['space', 'externalId'],
    );
    for (const [path, message] of messages) {
      assert.doesNotMatch(message!, /set by CDF/);
      assert.match(message!, new RegExp(`${path} names the node: it was chosen when the node was created`));
    }
    assert.match(messages[0]![1]!, new RegExp(`Put back ${JSON.stringify(RECORD.space)}`));
  });
});
