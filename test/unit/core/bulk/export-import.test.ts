import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FileRecord } from '../../../../src/cdf/model';
import {
  collectMetadataKeys,
  csvColumns,
  csvHeader,
  csvRows,
  parseChangesCsv,
  planImportRow,
  planEach,
  recordsToCsv,
  recordsToJsonLines,
  toJsonLine,
  CsvExportError,
  csvImportNotes,
} from '../../../../src/core/bulk';
import { fileRecord, fullRecord, linkedRecord } from './fixtures';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const tricky: FileRecord[] = [
  fullRecord(),
  fileRecord({
    id: 2,
    name: 'odd, "name".pdf',
    externalId: '',
    source: 'null',
    metadata: { 'a,b': 'line\nbreak', empty: '', quote: '"', nully: 'null', ünï: '😀', pad: ' x ' },
    labels: [{ externalId: 'with,comma' }, { externalId: 'with space' }],
  }),
  linkedRecord({
    id: 3,
    geoLocation: {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      },
      properties: { a: 1 },
    },
  }),
  fileRecord({ id: 4 }),
];

/** Plans each row of an import against the records it names. */
function planCsv(text: string, records: FileRecord[]) {
  const parsed = parseChangesCsv(CLASSIC_FILE_BULK, text);
  const byId = new Map(records.map((r) => [r.id, r]));
  const byExternalId = new Map(records.map((r) => [r.externalId, r]));
  const entries = parsed.rows.map((row) => {
    const target = row.target as { id: number } | { externalId: string };
    const record = 'id' in target ? byId.get(target.id) : byExternalId.get(target.externalId);
    assert.ok(record, JSON.stringify(row.target));
    return { record, plan: (r: FileRecord) => planImportRow(CLASSIC_FILE_BULK, r, row) };
  });
  return { parsed, batch: planEach(CLASSIC_FILE_BULK, entries) };
}

describe('export', () => {
  it('writes stable columns: fixed fields in document order, then sorted metadata keys', () => {
    const columns = csvColumns(CLASSIC_FILE_BULK, collectMetadataKeys(tricky));
    assert.deepEqual(columns.slice(0, 5), ['id', 'externalId', 'name', 'directory', 'source']);
    assert.deepEqual(
      columns.filter((c) => c.startsWith('metadata.')),
      [
        'metadata.a,b',
        'metadata.empty',
        'metadata.nully',
        'metadata.pad',
        'metadata.quote',
        'metadata.rev',
        'metadata.tag',
        'metadata.ünï',
      ],
    );
    const lines = recordsToCsv(CLASSIC_FILE_BULK, [fullRecord()]).split('\r\n');
    assert.equal(lines[0], 'sep=,', "Excel's delimiter line, so that a ';' locale still splits on commas");
    assert.equal(
      lines[1],
      'id,externalId,name,directory,source,mimeType,dataSetId,assetIds,labels,securityCategories,sourceCreatedTime,sourceModifiedTime,geoLocation,uploaded,uploadedTime,createdTime,lastUpdatedTime,instanceId,metadata.rev,metadata.tag',
    );
    assert.match(
      lines[2] ?? '',
      /^123,doc-p101,P-101\.pdf,\/plant-a\/old\/pid,SAP,application\/pdf,42,"\[1,2\]","\[""pid""\]",\[7\],/,
    );
  });

  it('property: a lone surrogate anywhere in text refuses the CSV export, naming the file and the field', () => {
    const lone = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
    const field = fc.constantFrom('name', 'externalId', 'source', 'directory', 'mimeType', 'metadata.k');
    fc.assert(
      fc.property(field, fc.string({ maxLength: 5 }), lone, fc.string({ maxLength: 5 }), (column, a, s, b) => {
        const text = a + s + b;
        fc.pre(/\p{Cs}/u.test(text)); // a following low half could pair with a high one
        const record = column.startsWith('metadata.')
          ? fileRecord({ id: 3, metadata: { k: text } })
          : fileRecord({ id: 3, [column]: column === 'directory' ? '/' + text : text });
        assert.throws(
          () => recordsToCsv(CLASSIC_FILE_BULK, [record]),
          (e: Error) =>
            e instanceof CsvExportError &&
            e.message.startsWith(`File 3 (`) &&
            e.message.includes(`: ${column} holds a lone UTF-16 surrogate`) &&
            e.message.includes('JSON Lines'),
        );
        // JSON Lines, through the same UTF-8 bytes, keeps the value exactly.
        const back = JSON.parse(
          Buffer.from(toJsonLine(CLASSIC_FILE_BULK, record), 'utf8').toString('utf8'),
        ) as FileRecord;
        assert.deepEqual(back, record);
      }),
      { numRuns: 300 },
    );
  });

  it('streams in pages and reports metadata keys that have no column', () => {
    const columns = csvColumns(CLASSIC_FILE_BULK, ['rev']);
    const page = csvRows(CLASSIC_FILE_BULK, [fullRecord()], columns);
    assert.deepEqual(page.unexportedKeys, ['tag']);
    assert.ok(csvHeader(columns).endsWith('metadata.rev\r\n'));
  });

  it('writes JSON Lines, one record per line, fields in document order', () => {
    const text = recordsToJsonLines(CLASSIC_FILE_BULK, [fullRecord(), fileRecord({ id: 9, extra: 'kept' })]);
    const lines = text.split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.deepEqual(JSON.parse(lines[0]!), fullRecord());
    assert.deepEqual(Object.keys(JSON.parse(lines[1]!) as object), [
      'id',
      'name',
      'uploaded',
      'createdTime',
      'lastUpdatedTime',
      'extra',
    ]);
  });
});

describe('import a CSV of changes', () => {
  it('its preview notes say "replaces all" for labels, assetIds and securityCategories columns, as the wizard does', () => {
    const parsed = parseChangesCsv(
      CLASSIC_FILE_BULK,
      [
        'id,labels,assetIds,securityCategories,source,metadata.k',
        '1,"[""a""]",null,,x,v',
        '2,"[""b""]",,[3],null,null',
      ].join('\r\n'),
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(csvImportNotes(CLASSIC_FILE_BULK, parsed), [
      'labels column (replaces all: every other label a file holds is removed)',
      'assetIds column, null (replaces all: every asset id a file holds is removed)',
      'securityCategories column (replaces all: every other security category a file holds is removed)',
    ]);
    assert.deepEqual(
      csvImportNotes(CLASSIC_FILE_BULK, parseChangesCsv(CLASSIC_FILE_BULK, 'id,source,metadata.k\r\n1,x,v')),
      [],
    );
  });

  it('round trip: importing an export changes nothing', () => {
    const { parsed, batch } = planCsv(recordsToCsv(CLASSIC_FILE_BULK, tricky), tricky);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.ignoredColumns, [
      'uploaded',
      'uploadedTime',
      'createdTime',
      'lastUpdatedTime',
      'instanceId',
    ]);
    assert.equal(parsed.rows.length, tricky.length);
    assert.deepEqual(batch.items, []);
    assert.deepEqual(batch.counts, { matched: 4, changed: 0, unchanged: 4, refused: 0, refusedByReason: {} });
  });

  it('empty cell leaves, null clears, a quoted cell is literal', () => {
    const csv =
      'id,source,mimeType,dataSetId,metadata.rev,metadata.new,labels\r\n123,,null,"",null,"null","pump, valve"\r\n';
    const parsed = parseChangesCsv(CLASSIC_FILE_BULK, csv);
    assert.deepEqual(
      parsed.problems.map((p) => [p.row, p.column]),
      [[2, 'dataSetId']],
    );
    const fixed = parseChangesCsv(CLASSIC_FILE_BULK, csv.replace(',"",', ',7,'));
    assert.deepEqual(fixed.problems, []);
    const plan = planImportRow(CLASSIC_FILE_BULK, fullRecord(), fixed.rows[0]!);
    assert.equal(plan.outcome, 'change');
    assert.deepEqual(plan.outcome === 'change' && plan.update, {
      mimeType: { setNull: true },
      dataSetId: { set: 7 },
      labels: { add: [{ externalId: 'pump' }, { externalId: 'valve' }], remove: [{ externalId: 'pid' }] },
      metadata: { add: { new: 'null' }, remove: ['rev'] },
    });
  });

  it('names files by externalId when there is no id column, and falls back to it when the id cell is empty', () => {
    const byExternal = parseChangesCsv(CLASSIC_FILE_BULK, 'externalId,source\ndoc-p101,Excel\n');
    assert.deepEqual(byExternal.rows[0]?.target, { externalId: 'doc-p101' });
    assert.deepEqual(byExternal.rows[0]?.operations, [{ op: 'set', field: 'source', value: 'Excel' }]);
    const mixed = parseChangesCsv(CLASSIC_FILE_BULK, 'id,externalId,source\n123,new-ext,A\n,doc-2,B\n');
    assert.deepEqual(
      mixed.rows.map((r) => [r.target, r.operations.length]),
      [
        [{ id: 123 }, 2],
        [{ externalId: 'doc-2' }, 1],
      ],
    );
  });

  it('reports errors per row and column, and leaves such rows out', () => {
    const parsed = parseChangesCsv(
      CLASSIC_FILE_BULK,
      [
        'id,directory,metadata.k,assetIds,sourceCreatedTime',
        '1,relative,ok,[1],2024-01-01',
        'x,/a,ok,,',
        '2,/a,ok,"[0]",',
        ',,,,',
        '3,/b,v,,yesterday',
        '1,/c,,,',
      ].join('\n'),
    );
    assert.deepEqual(
      parsed.problems.map((p) => [p.row, p.column ?? null]),
      [
        [2, 'directory'],
        [3, 'id'],
        [4, 'assetIds'],
        [5, null],
        [6, 'sourceCreatedTime'],
      ],
    );
    assert.deepEqual(
      parsed.rows.map((r) => r.row),
      [7],
    );
  });

  it('refuses a file listed in two rows', () => {
    const parsed = parseChangesCsv(CLASSIC_FILE_BULK, 'id,source\n1,a\n1,b\n');
    assert.deepEqual(
      parsed.problems.map((p) => [p.row, p.message]),
      [[3, 'The file with id 1 is already changed by row 2']],
    );
  });

  it('reports bad headings: unknown, duplicated, a metadata column, no id', () => {
    assert.deepEqual(
      parseChangesCsv(CLASSIC_FILE_BULK, 'id,sorce,id\n').problems.map((p) => p.column),
      ['sorce', 'id'],
    );
    assert.equal(parseChangesCsv(CLASSIC_FILE_BULK, 'id,metadata\n').problems[0]?.column, 'metadata');
    assert.match(
      parseChangesCsv(CLASSIC_FILE_BULK, 'source\nx\n').problems[0]?.message ?? '',
      /"id" or an "externalId"/,
    );
    assert.match(parseChangesCsv(CLASSIC_FILE_BULK, '').problems[0]?.message ?? '', /empty/);
  });

  it('refuses a row whose name differs: files/update cannot rename', () => {
    const parsed = parseChangesCsv(CLASSIC_FILE_BULK, 'id,name,source\n123,Renamed.pdf,x\n');
    const plan = planImportRow(CLASSIC_FILE_BULK, fullRecord(), parsed.rows[0]!);
    assert.equal(plan.outcome, 'refused');
    assert.equal(plan.outcome === 'refused' && plan.problems[0]?.code, 'read-only-mismatch');
  });

  it('goes through the same refusals as any action (instance-linked files)', () => {
    const parsed = parseChangesCsv(CLASSIC_FILE_BULK, 'id,directory\n3,/elsewhere\n');
    const plan = planImportRow(CLASSIC_FILE_BULK, linkedRecord({ id: 3 }), parsed.rows[0]!);
    assert.equal(plan.outcome === 'refused' && plan.problems[0]?.code, 'instance-linked');
  });
});
