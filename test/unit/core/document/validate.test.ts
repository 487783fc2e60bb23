import assert from 'node:assert/strict';
import { INSTANCE_LINKED_UPDATABLE, LIMITS, nameNotUpdatable, type FileRecord } from '../../../../src/cdf/model';
import { documentFromRecord } from '../../../../src/core/records';
import { formatPath } from '../../../../src/core/document/validate';
import { validateDocument } from '../../../../src/core/records';
import type { DocumentProblem } from '../../../../src/core/problems';

const base: FileRecord = {
  id: 42,
  name: 'P-101.pdf',
  uploaded: true,
  uploadedTime: 1500,
  createdTime: 1000,
  lastUpdatedTime: 2000,
  externalId: 'plant-a/P-101',
  directory: '/plant-a',
  source: 'sharepoint',
  metadata: { revision: 'C' },
  securityCategories: [7],
};
const linked: FileRecord = { ...base, instanceId: { space: 'plant_a', externalId: 'P101' } };

function check(changes: Record<string, unknown>, record: FileRecord = base): DocumentProblem[] {
  const doc = documentFromRecord(record) as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete doc[k];
    else doc[k] = v;
  }
  return validateDocument(record, doc);
}

/** [path, code, message] of each problem, for exact comparisons. */
const summary = (problems: DocumentProblem[]) => problems.map((p) => [formatPath(p.path), p.code, p.message]);
const paths = (problems: DocumentProblem[]) => problems.map((p) => formatPath(p.path));

describe('formatPath', () => {
  it('writes JSON paths the way people read them', () => {
    assert.equal(formatPath([]), '$');
    assert.equal(formatPath(['labels', 2, 'externalId']), '$.labels[2].externalId');
    assert.equal(formatPath(['metadata', 'my key']), '$.metadata["my key"]');
    assert.equal(formatPath(['metadata', 'quote"d']), '$.metadata["quote\\"d"]');
    assert.equal(formatPath(['metadata', '1st']), '$.metadata["1st"]');
  });
});

describe('validateDocument', () => {
  it('accepts the rendered record, and a document with every editable key missing (all cleared)', () => {
    assert.deepEqual(validateDocument(base, documentFromRecord(base)), []);
    assert.deepEqual(validateDocument(base, { id: 42 }), []);
    assert.deepEqual(validateDocument(base, {}), []);
  });

  it('accepts [] and null for the lists, {} and null for metadata', () => {
    assert.deepEqual(check({ assetIds: [], labels: [], securityCategories: [], metadata: {} }), []);
    assert.deepEqual(check({ assetIds: null, labels: null, securityCategories: null, metadata: null }), []);
  });

  it('rejects a document that is not an object', () => {
    for (const doc of [null, [], 'text', 42, true]) {
      const problems = validateDocument(base, doc);
      assert.deepEqual(paths(problems), ['$']);
      assert.equal(problems[0]!.code, 'not-an-object');
    }
    assert.match(validateDocument(base, [])[0]!.message, /must be a JSON object .*found an array/);
  });

  describe('unknown fields', () => {
    it('suggests the field a typo means: a wrong case would otherwise clear the real field', () => {
      assert.deepEqual(summary(check({ mimetype: 'application/pdf' })), [
        [
          '$.mimetype',
          'unknown-field',
          'Unknown field "mimetype": did you mean "mimeType"? Field names are case-sensitive, and a missing "mimeType" would clear it.',
        ],
      ]);
      assert.match(check({ assetId: [1] })[0]!.message, /did you mean "assetIds"/);
      assert.match(check({ data_set_id: 1 })[0]!.message, /did you mean "dataSetId"/);
      assert.match(check({ meta: {} })[0]!.message, /did you mean "metadata"/);
      assert.match(check({ lables: [] })[0]!.message, /did you mean "labels"/);
      assert.match(check({ geolocation: null })[0]!.message, /did you mean "geoLocation"/);
    });
    it('says where custom values go when nothing is close', () => {
      const [p] = check({ owner: 'me' });
      assert.equal(
        p!.message,
        'Unknown field "owner": a file record has no such field. Custom values belong in "metadata".',
      );
      assert.equal(p!.onKey, true);
    });
  });

  describe('types', () => {
    it('scalars: string, id and time fields', () => {
      assert.deepEqual(summary(check({ source: 5 })), [
        ['$.source', 'wrong-type', 'source must be a string, or null; found the number 5.'],
      ]);
      assert.deepEqual(summary(check({ dataSetId: '123' })), [
        [
          '$.dataSetId',
          'wrong-type',
          'dataSetId must be a number, or null; found the string "123". Write the number without quotes.',
        ],
      ]);
      assert.deepEqual(summary(check({ sourceCreatedTime: 1.5 })), [
        ['$.sourceCreatedTime', 'not-whole-number', 'sourceCreatedTime is 1.5; it must be a whole number.'],
      ]);
      assert.deepEqual(summary(check({ externalId: true })), [
        ['$.externalId', 'wrong-type', 'externalId must be a string, or null; found true.'],
      ]);
    });
    it('lists: the field and each element', () => {
      assert.deepEqual(summary(check({ assetIds: 'a' })), [
        ['$.assetIds', 'wrong-type', 'assetIds must be an array of ids (numbers), or null; found the string "a".'],
      ]);
      assert.deepEqual(summary(check({ assetIds: [1, 'x', null] })), [
        ['$.assetIds[1]', 'wrong-type', 'assetIds[1] must be a number; found the string "x".'],
        ['$.assetIds[2]', 'wrong-type', 'assetIds[2] must be a number; found null.'],
      ]);
      assert.deepEqual(paths(check({ securityCategories: [0.5] })), ['$.securityCategories[0]']);
    });
    it('labels: objects of exactly {externalId}', () => {
      assert.deepEqual(
        summary(check({ labels: ['PUMP', { externalId: 'A', color: 'red' }, {}, { externalId: '' }] })),
        [
          [
            '$.labels[0]',
            'wrong-type',
            'labels[0] must be a label like {"externalId": "pump"}; found the string "PUMP".',
          ],
          [
            '$.labels[1].color',
            'unknown-key',
            'labels[1] cannot have a key "color". A label is {"externalId": "..."} and nothing else.',
          ],
          ['$.labels[2].externalId', 'wrong-type', 'labels[2].externalId is missing; it must be a string.'],
          ['$.labels[3].externalId', 'too-short', 'labels[3].externalId is empty; it needs at least 1 character.'],
        ],
      );
    });
    it('metadata: an object of strings', () => {
      assert.deepEqual(summary(check({ metadata: ['a'] })), [
        [
          '$.metadata',
          'wrong-type',
          'metadata must be an object of string keys and string values, or null; found an array.',
        ],
      ]);
      assert.deepEqual(summary(check({ metadata: { 'my key': 5, ok: 'x' } })), [
        [
          '$.metadata["my key"]',
          'wrong-type',
          'metadata["my key"] must be a string (metadata values are strings); found the number 5.',
        ],
      ]);
    });
    it('geoLocation: a GeoJSON Feature of a supported geometry', () => {
      assert.deepEqual(summary(check({ geoLocation: 'Bergen' })), [
        [
          '$.geoLocation',
          'wrong-type',
          'geoLocation must be a GeoJSON Feature object, or null; found the string "Bergen".',
        ],
      ]);
      assert.deepEqual(
        summary(check({ geoLocation: { type: 'Point', geometry: { type: 'Circle', coordinates: [1, 2] } } })),
        [
          ['$.geoLocation.type', 'invalid-value', 'geoLocation.type must be "Feature"; found the string "Point".'],
          [
            '$.geoLocation.geometry.type',
            'invalid-value',
            'geoLocation.geometry.type must be one of "Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"; found the string "Circle".',
          ],
        ],
      );
      assert.deepEqual(
        summary(check({ geoLocation: { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2, 3] } } })),
        [
          [
            '$.geoLocation.geometry.coordinates',
            'too-many',
            'geoLocation.geometry.coordinates has 3 items; the API allows at most 2 (a position is [longitude, latitude]).',
          ],
        ],
      );
      const openRing = [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0, 1],
        ],
      ];
      assert.deepEqual(
        summary(check({ geoLocation: { type: 'Feature', geometry: { type: 'Polygon', coordinates: openRing } } })),
        [
          [
            '$.geoLocation.geometry.coordinates[0]',
            'invalid',
            'geoLocation.geometry.coordinates[0]: a linear ring must end at the point it starts from.',
          ],
        ],
      );
      assert.deepEqual(
        paths(check({ geoLocation: { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 0]] } } })),
        ['$.geoLocation.geometry.coordinates'],
      );
    });
  });

  describe('limits (from the zod model)', () => {
    const over = (field: string, value: unknown) => summary(check({ [field]: value }));
    it('string lengths', () => {
      assert.deepEqual(over('source', 's'.repeat(129)), [
        ['$.source', 'too-long', 'source is 129 characters; the API allows at most 128.'],
      ]);
      assert.deepEqual(over('externalId', 'e'.repeat(256)), [
        ['$.externalId', 'too-long', 'externalId is 256 characters; the API allows at most 255.'],
      ]);
      assert.deepEqual(over('directory', 'd'.repeat(513)), [
        ['$.directory', 'too-long', 'directory is 513 characters; the API allows at most 512.'],
      ]);
      assert.deepEqual(over('mimeType', 'm'.repeat(257)), [
        ['$.mimeType', 'too-long', 'mimeType is 257 characters; the API allows at most 256.'],
      ]);
      assert.deepEqual(over('labels', [{ externalId: 'l'.repeat(256) }]), [
        ['$.labels[0].externalId', 'too-long', 'labels[0].externalId is 256 characters; the API allows at most 255.'],
      ]);
      assert.deepEqual(check({ source: 's'.repeat(128), externalId: 'e'.repeat(255) }), []);
    });
    it('list sizes', () => {
      const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
      assert.deepEqual(over('assetIds', ids(1001)), [
        ['$.assetIds', 'too-many', 'assetIds has 1001 ids; the API allows at most 1000.'],
      ]);
      assert.deepEqual(over('securityCategories', ids(101)), [
        ['$.securityCategories', 'too-many', 'securityCategories has 101 ids; the API allows at most 100.'],
      ]);
      const labels = (n: number) => ids(n).map((i) => ({ externalId: `L${i}` }));
      assert.deepEqual(over('labels', labels(11)), [
        ['$.labels', 'too-many', 'labels has 11 labels; the API allows at most 10.'],
      ]);
      assert.deepEqual(check({ assetIds: ids(1000), securityCategories: ids(100), labels: labels(10) }), []);
    });
    it('ids: 1 .. 2^53-1', () => {
      assert.deepEqual(over('dataSetId', 2 ** 53), [
        [
          '$.dataSetId',
          'out-of-range',
          'dataSetId is 9007199254740992; the API allows at most 9007199254740991 (2^53-1, the largest integer a JSON number holds exactly).',
        ],
      ]);
      assert.deepEqual(over('assetIds', [0]), [
        ['$.assetIds[0]', 'out-of-range', 'assetIds[0] is 0; it must be at least 1. CDF ids start at 1.'],
      ]);
      assert.deepEqual(check({ dataSetId: 2 ** 53 - 1, assetIds: [2 ** 53 - 1] }), []);
    });
    it('times: not negative', () => {
      assert.deepEqual(over('sourceModifiedTime', -1), [
        [
          '$.sourceModifiedTime',
          'out-of-range',
          'sourceModifiedTime is -1; it must be at least 0. Times are milliseconds since 1970-01-01T00:00:00Z and cannot be negative.',
        ],
      ]);
      assert.deepEqual(check({ sourceCreatedTime: 0 }), []);
    });
    it('metadata keys and values in UTF-8 bytes', () => {
      assert.deepEqual(check({ metadata: { ['é'.repeat(64)]: 'v' } }), []);
      const key = 'é'.repeat(64) + 'a';
      const problems = check({ metadata: { [key]: 'v' } });
      assert.deepEqual(summary(problems), [
        [
          `$.metadata["${key}"]`,
          'too-long',
          `Metadata key "${'é'.repeat(30)}…ééééééééa" is 129 bytes (UTF-8); the API allows at most 128.`,
        ],
      ]);
      assert.equal(problems[0]!.onKey, true);
      assert.deepEqual(check({ metadata: { '': '€'.repeat(3413) + 'a' } }), []); // 10240 bytes
      assert.deepEqual(summary(check({ metadata: { '': '€'.repeat(3413) + 'ab' } })), [
        ['$.metadata[""]', 'too-long', 'metadata[""] is 10241 bytes (UTF-8); the API allows at most 10240 per value.'],
        [
          '$.metadata',
          'too-large',
          'metadata is 10241 bytes in total (UTF-8, keys and values); the API allows at most 10240.',
        ],
      ]);
    });
    it('metadata pairs and total size', () => {
      const pairs = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
      assert.deepEqual(check({ metadata: pairs(LIMITS.metadataPairs) }), []);
      assert.deepEqual(summary(check({ metadata: pairs(257) })), [
        ['$.metadata', 'too-many', 'metadata has 257 key-value pairs; the API allows at most 256.'],
      ]);
      assert.deepEqual(check({ metadata: { a: 'x'.repeat(5000), b: 'y'.repeat(5238) } }), []); // 10240
      assert.deepEqual(summary(check({ metadata: { a: 'x'.repeat(5000), b: 'y'.repeat(5239) } })), [
        [
          '$.metadata',
          'too-large',
          'metadata is 10241 bytes in total (UTF-8, keys and values); the API allows at most 10240.',
        ],
      ]);
    });
  });

  describe('duplicates', () => {
    it('an id twice in assetIds or securityCategories: at the second one', () => {
      assert.deepEqual(summary(check({ assetIds: [5, 6, 5] })), [
        [
          '$.assetIds[2]',
          'duplicate-id',
          'assetIds[2] repeats the id 5, already at assetIds[0]; each id may appear only once.',
        ],
      ]);
      assert.deepEqual(paths(check({ securityCategories: [1, 1, 1] })), [
        '$.securityCategories[1]',
        '$.securityCategories[2]',
      ]);
    });
    it('a label twice: at the second one', () => {
      assert.deepEqual(summary(check({ labels: [{ externalId: 'A' }, { externalId: 'B' }, { externalId: 'A' }] })), [
        [
          '$.labels[2]',
          'duplicate-label',
          'labels[2] repeats the label "A", already at labels[0]; each label may appear only once.',
        ],
      ]);
    });
  });

  describe('read-only fields', () => {
    it('an older lastUpdatedTime (a stale text) says reload, never "put back" the newer time', () => {
      // Putting back the newer time would confirm a text that lacks a later change, and saving it would undo that change.
      for (const older of [0, 1999]) {
        const found = check({ lastUpdatedTime: older });
        assert.deepEqual(
          found.map((p) => [formatPath(p.path), p.code]),
          [['$.lastUpdatedTime', 'read-only']],
        );
        assert.doesNotMatch(found[0]!.message, /put back|2000/);
        assert.match(
          found[0]!.message,
          /before a later change in CDF.*reload the file \(in VS Code: File: Revert File\)/,
        );
      }
    });

    it('an edit is an error that says what to put back', () => {
      assert.deepEqual(summary(check({ id: 43 })), [
        ['$.id', 'read-only', 'id is read-only (set by CDF); put back 42.'],
      ]);
      assert.deepEqual(summary(check({ createdTime: 1 })), [
        ['$.createdTime', 'read-only', 'createdTime is read-only (set by CDF); put back 1000.'],
      ]);
      assert.deepEqual(summary(check({ lastUpdatedTime: null })), [
        ['$.lastUpdatedTime', 'read-only', 'lastUpdatedTime is read-only (set by CDF); put back 2000.'],
      ]);
      assert.deepEqual(summary(check({ uploaded: false })), [
        ['$.uploaded', 'read-only', 'uploaded is read-only (set by CDF); put back true.'],
      ]);
      assert.deepEqual(summary(check({ uploadedTime: '1500' })), [
        ['$.uploadedTime', 'read-only', 'uploadedTime is read-only (set by CDF); put back 1500.'],
      ]);
      assert.deepEqual(summary(check({ instanceId: { space: 'x', externalId: 'y' } })), [
        [
          '$.instanceId',
          'read-only',
          'instanceId is read-only and this file has none; remove it or set it back to null.',
        ],
      ]);
      assert.deepEqual(summary(check({ instanceId: { space: 'plant_a', externalId: 'P102' } }, linked)), [
        [
          '$.instanceId',
          'read-only',
          'instanceId is read-only (set by CDF); put back {"space":"plant_a","externalId":"P101"}.',
        ],
      ]);
    });
    it('a missing read-only key is no edit; null for one the file lacks is none; key order inside is free', () => {
      assert.deepEqual(
        check({
          id: undefined,
          createdTime: undefined,
          lastUpdatedTime: undefined,
          uploaded: undefined,
          uploadedTime: undefined,
        }),
        [],
      );
      assert.deepEqual(check({ instanceId: null }), []);
      assert.deepEqual(check({ instanceId: { externalId: 'P101', space: 'plant_a' } }, linked), []);
    });
    it('a changed name says the API cannot rename and what to do instead', () => {
      assert.deepEqual(summary(check({ name: 'P-102.pdf' })), [
        ['$.name', 'name-not-updatable', `${nameNotUpdatable()} The name was "P-101.pdf".`],
      ]);
      assert.deepEqual(check({ name: undefined }), []);
    });
  });

  describe('a file linked to a data modelling instance', () => {
    const allowed = INSTANCE_LINKED_UPDATABLE.join(', ');
    it('may change what DMSFileChange allows', () => {
      assert.deepEqual(
        check(
          { externalId: 'x', metadata: { a: 'b' }, assetIds: [1], dataSetId: 3, labels: [{ externalId: 'L' }] },
          linked,
        ),
        [],
      );
      assert.deepEqual(
        check({ geoLocation: { type: 'Feature', geometry: { type: 'Point', coordinates: [0, 0] } } }, linked),
        [],
      );
    });
    it('may not change the other fields: the message names the ones it can change', () => {
      assert.deepEqual(summary(check({ directory: '/other' }, linked)), [
        [
          '$.directory',
          'instance-linked',
          `This file is linked to the data modelling instance "plant_a"/"P101", so directory cannot be changed here; put back "/plant-a". A linked file can change only ${allowed}.`,
        ],
      ]);
      assert.deepEqual(paths(check({ source: null, mimeType: 'text/plain', sourceCreatedTime: 5 }, linked)), [
        '$.source',
        '$.mimeType',
        '$.sourceCreatedTime',
      ]);
      assert.deepEqual(paths(check({ securityCategories: [7, 8] }, linked)), ['$.securityCategories']);
      assert.match(check({ securityCategories: [] }, linked)[0]!.message, /put back \[7\]/);
      assert.match(check({ sourceModifiedTime: 5 }, linked)[0]!.message, /put back null/);
    });
    it('a removed key is a change too (it clears the field)', () => {
      assert.deepEqual(paths(check({ source: undefined }, linked)), ['$.source']);
    });
    it('the same value written differently is no change', () => {
      const withSets = { ...linked, securityCategories: [7, 8] };
      assert.deepEqual(check({ securityCategories: [8, 7], mimeType: null }, withSets), []);
      assert.deepEqual(check({ securityCategories: [8, 7], mimeType: undefined }, withSets), []);
    });
    it('a wrong type is reported once, as a type error', () => {
      assert.deepEqual(summary(check({ source: 5 }, linked)), [
        ['$.source', 'wrong-type', 'source must be a string, or null; found the number 5.'],
      ]);
    });
  });

  it('reports every problem of a document, in document order', () => {
    const problems = check({ id: 1, source: 5, mimetype: 'x', assetIds: [1, 1], name: 'new.pdf' });
    assert.deepEqual(paths(problems), ['$.id', '$.name', '$.source', '$.assetIds[1]', '$.mimetype']);
    for (const p of problems) assert.equal(p.severity, 'error');
  });
});
