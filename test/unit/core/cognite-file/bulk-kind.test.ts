// The CogniteFile node as bulk actions see it: each operation that makes sense for a node, planned
// on a record as one upsert item of only the changed properties (lists whole, at the version read),
// and the refusals a person meets before anything is sent.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildReport } from '../../../../src/cdf/client/update/update-report';
import {
  compileAction,
  formatRunReport,
  planRecord,
  validateOperations,
  type BulkOperation,
} from '../../../../src/core/bulk';
import { COGNITE_FILE_BULK, nodeTitle, parseNodeTargets } from '../../../../src/core/cognite-file';
import type { CogniteFileRecord } from '../../../../src/core/records';
import type { CogniteFileUpsertItem, ItemOutcome } from '../../../../src/cdf/model';
import { RECORD } from '../records/cognite-file-fixtures';

const STATS = { requestsSent: 1, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 5 };

const plan = (operations: BulkOperation[], record: CogniteFileRecord = RECORD) => {
  const compiled = compileAction(COGNITE_FILE_BULK, operations);
  if (!compiled.ok) throw new Error(compiled.problems.map((p) => p.message).join('; '));
  return planRecord(COGNITE_FILE_BULK, record, compiled.action);
};
const propertiesOf = (operations: BulkOperation[]) => {
  const p = plan(operations);
  assert.equal(p.outcome, 'change', JSON.stringify(p));
  const item = p.item;
  assert.equal(item.existingVersion, RECORD.version, 'the version the plan was made on');
  assert.equal(item.space, RECORD.space);
  assert.equal(item.externalId, RECORD.externalId);
  return item.sources[0].properties;
};
const problems = (operations: unknown) =>
  validateOperations(COGNITE_FILE_BULK, operations)
    .filter((p) => p.severity !== 'warning')
    .map((p) => p.message);

describe('core/cognite-file: the CogniteFile bulk kind', () => {
  it('set and clear a property: only that property, null to clear', () => {
    assert.deepEqual(propertiesOf([{ op: 'set', field: 'name', value: 'P-101 rev B.pdf' }]), {
      name: 'P-101 rev B.pdf',
    });
    assert.deepEqual(propertiesOf([{ op: 'clear', field: 'mimeType' }]), { mimeType: null });
    assert.deepEqual(
      propertiesOf([{ op: 'set', field: 'sourceCreatedTime', value: '2025-01-01T00:00:00.000+00:00' }]),
      {
        sourceCreatedTime: '2025-01-01T00:00:00.000+00:00',
      },
    );
  });

  it('tags and aliases add and remove: the whole list, from the list read', () => {
    assert.deepEqual(
      propertiesOf([
        { op: 'add', field: 'tags', values: ['checked'] },
        { op: 'remove', field: 'tags', values: ['pump'] },
      ]),
      { tags: ['datasheet', 'checked'] },
    );
    assert.deepEqual(propertiesOf([{ op: 'add', field: 'aliases', values: ['P101'] }]), { aliases: ['P101'] });
    assert.deepEqual(propertiesOf([{ op: 'remove', field: 'tags', values: ['pump', 'datasheet'] }]), { tags: null });
  });

  it('assets add and remove: direct relations, each node once', () => {
    const p102 = { space: 'plant-a', externalId: 'P-102' };
    assert.deepEqual(propertiesOf([{ op: 'add', field: 'assets', values: [p102, { ...p102 }] }]), {
      assets: [{ space: 'plant-a', externalId: 'P-101' }, p102],
    });
    assert.deepEqual(
      propertiesOf([{ op: 'remove', field: 'assets', values: [{ space: 'plant-a', externalId: 'P-101' }] }]),
      { assets: null },
    );
  });

  it('directory move at a path boundary', () => {
    assert.deepEqual(propertiesOf([{ op: 'directoryMove', from: '/plant-a', to: '/site/plant-a' }]), {
      directory: '/site/plant-a/pumps',
    });
    assert.equal(plan([{ op: 'directoryMove', from: '/plant', to: '/x' }]).outcome, 'unchanged');
  });

  it('find and replace in text properties, literal or regex; an emptied value is cleared', () => {
    assert.deepEqual(
      propertiesOf([{ op: 'textReplace', fields: ['name', 'description'], find: 'P-101', replacement: 'P-1$&01' }]),
      { name: 'P-1$&01 datasheet.pdf' },
      'literal: $& is no pattern, and an unset description is left alone',
    );
    assert.deepEqual(
      propertiesOf([{ op: 'textReplace', fields: ['name'], find: '^(P)-(\\d+)', replacement: '$1$2', regex: true }]),
      { name: 'P101 datasheet.pdf' },
    );
    assert.deepEqual(
      propertiesOf([{ op: 'textReplace', fields: ['mimeType'], find: 'application/pdf', replacement: '' }]),
      {
        mimeType: null,
      },
    );
  });

  it('refuses before sending: fields CDF sets, unknown or non-text fields, bad values', () => {
    assert.match(problems([{ op: 'set', field: 'version', value: 9 }])[0] ?? '', /version is set by CDF/);
    assert.match(problems([{ op: 'set', field: 'isUploaded', value: true }])[0] ?? '', /isUploaded is set by CDF/);
    assert.match(problems([{ op: 'set', field: 'directory', value: 'relative/dir' }])[0] ?? '', /absolute path/);
    assert.match(
      problems([{ op: 'set', field: 'sourceCreatedTime', value: 'yesterday' }])[0] ?? '',
      /ISO 8601|date and time/,
    );
    assert.match(problems([{ op: 'add', field: 'assets', values: ['P-101'] }])[0] ?? '', /./);
    assert.match(problems([{ op: 'metadataAdd', key: 'k', value: 'v' }])[0] ?? '', /needs a field "metadata"/);
    assert.match(
      problems([{ op: 'textReplace', fields: ['tags'], find: 'a', replacement: 'b' }])[0] ?? '',
      /text fields \(name, description/,
    );
    assert.match(
      problems([{ op: 'textReplace', fields: ['space'], find: 'a', replacement: 'b' }])[0] ?? '',
      /space names the node: it was chosen when the node was created/,
    );
    assert.match(problems([{ op: 'textReplace', fields: [], find: 'a', replacement: 'b' }])[0] ?? '', /needs "fields"/);
    assert.match(
      problems([{ op: 'textReplace', fields: ['name'], find: '(', replacement: '', regex: true }])[0] ?? '',
      /./,
    );
  });

  it('a replacement that makes a value the view refuses refuses that node, with the reason', () => {
    const p = plan([{ op: 'textReplace', fields: ['directory'], find: '/plant-a', replacement: 'plant-a' }]);
    assert.equal(p.outcome, 'refused');
    assert.match(JSON.stringify(p), /absolute path/);
  });

  it('literal find and replace never reads the replacement as a pattern (any text)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 8 }), (find, replacement) => {
        const name = `${find}x${find}`;
        const p = plan([{ op: 'textReplace', fields: ['name'], find, replacement }], { ...RECORD, name });
        const expected = name.split(find).join(replacement);
        if (expected === name) return assert.equal(p.outcome, 'unchanged');
        const after = (p as { after: CogniteFileRecord }).after;
        return assert.equal(after.name, expected === '' ? undefined : expected);
      }),
    );
  });

  it('matches a target ref by space and externalId, nothing else', () => {
    assert.ok(COGNITE_FILE_BULK.refMatches(RECORD, { space: 'plant-a', externalId: 'doc-P-101' }));
    assert.ok(!COGNITE_FILE_BULK.refMatches(RECORD, { space: 'plant-b', externalId: 'doc-P-101' }));
    assert.ok(!COGNITE_FILE_BULK.refMatches(RECORD, 'plant-a:doc-P-101'));
  });
});

describe('core/cognite-file: a pasted list of nodes', () => {
  it('reads space:externalId lines exactly (commas and spaces in the externalId kept), and JSON', () => {
    const text = 'space:externalId\nplant-a:doc 1, rev B\n\nplant-b:x:y\nplant-a:doc 1, rev B\nno-colon\n';
    const { targets, problems } = parseNodeTargets(text);
    assert.deepEqual(targets, [
      { space: 'plant-a', externalId: 'doc 1, rev B' },
      { space: 'plant-b', externalId: 'x:y' },
    ]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.severity]),
      [
        [5, 'warning'],
        [6, 'error'],
      ],
    );
    const json = parseNodeTargets('["plant-a:d1", {"space": "plant-b", "externalId": "d2"}, 3, "1bad:x"]');
    assert.deepEqual(json.targets, [
      { space: 'plant-a', externalId: 'd1' },
      { space: 'plant-b', externalId: 'd2' },
    ]);
    assert.deepEqual(
      json.problems.map((p) => p.line),
      [3, 4],
    );
  });
});

describe('core/cognite-file: a pasted node whose externalId starts or ends with whitespace', () => {
  it('keeps the externalId exactly, drops only the indentation, and warns on that line', () => {
    const { targets, problems } = parseNodeTargets('  plant-a:P-101 \nplant-a:P-101\n\tplant-b:x');
    assert.deepEqual(targets, [
      { space: 'plant-a', externalId: 'P-101 ' },
      { space: 'plant-a', externalId: 'P-101' },
      { space: 'plant-b', externalId: 'x' },
    ]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.severity]),
      [[1, 'warning']],
    );
  });
});

describe('core/cognite-file: how previews and reports name a node', () => {
  it('by its space:externalId, never calling that an "id"', () => {
    const title = nodeTitle(RECORD);
    assert.equal(title, `${RECORD.name} (${RECORD.space}:${RECORD.externalId})`);
    assert.doesNotMatch(title, /\(id /);
  });

  it('the run report heads the key column "space:externalId"', () => {
    const text = formatRunReport(COGNITE_FILE_BULK, 'Bulk edit', buildReport([], [], false, STATS), []);
    assert.doesNotMatch(text, /\| Id \|/);
    const planned = plan([{ op: 'add', field: 'tags', values: ['reviewed'] }]);
    assert.equal(planned.outcome, 'change');
    if (planned.outcome !== 'change') return;
    const item: ItemOutcome<CogniteFileUpsertItem, CogniteFileRecord> = {
      index: 0,
      item: planned.item,
      sends: 0,
      outcome: 'notSent',
    };
    const one = formatRunReport(
      COGNITE_FILE_BULK,
      'Bulk edit',
      buildReport([item as unknown as ItemOutcome], [], false, STATS),
      [{ key: 'plant-a:doc-P-101', name: 'P-101.pdf' }],
    );
    assert.match(one, /\| CogniteFile node \| space:externalId \| Outcome \| Reason \|/);
  });
});
