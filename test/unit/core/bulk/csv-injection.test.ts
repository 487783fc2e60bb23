import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EDITABLE_FIELD_NAMES, LIMITS, utf8Bytes, type FileRecord } from '../../../../src/cdf/model';
import {
  formatCsvRow,
  neutraliseCsvText,
  parseChangesCsv,
  parseCsv,
  restoreCsvText,
  planImportRow,
  recordsToCsv,
  recordsToJsonLines,
  toJsonLine,
} from '../../../../src/core/bulk';
import { DOCUMENT_FIELD_ORDER } from '../../../../src/core/records';
import { fileRecord, fullRecord } from './fixtures';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

/** What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"). */
const DANGEROUS = /^[=+\-@\t\r]/;
const NUMERIC_COLUMNS = new Set([
  'id',
  'dataSetId',
  'sourceCreatedTime',
  'sourceModifiedTime',
  'uploadedTime',
  'createdTime',
  'lastUpdatedTime',
]);

/** Text that often starts like a formula, or like an already neutralised one, then anything. */
const hostile = (max: number, min = 0): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('', "'", "''", '=', '+', '-', '@', '\t', '\r', '\r\n', "'=", "'+", "''-", "'@", "'\t", '"', '\n'),
      fc.string({ unit: 'binary', maxLength: 20 }),
    )
    .map(([lead, rest]) => (lead + rest).slice(0, max))
    .filter((s) => s.length >= min && !/[\uD800-\uDBFF]$/.test(s));

const time = fc.integer({ min: 0, max: LIMITS.maxId });
const id = fc.integer({ min: 1, max: LIMITS.maxId });

/** Every text field and metadata pair may be hostile; numbers stay numbers. */
const hostileRecord: fc.Arbitrary<FileRecord> = fc
  .record(
    {
      id,
      name: hostile(LIMITS.nameLength),
      externalId: hostile(LIMITS.externalIdLength),
      directory: hostile(LIMITS.directoryLength - 1).map((d) => '/' + d),
      source: hostile(LIMITS.sourceLength),
      mimeType: hostile(LIMITS.mimeTypeLength),
      dataSetId: id,
      assetIds: fc.uniqueArray(id, { maxLength: 3 }),
      labels: fc
        .uniqueArray(hostile(LIMITS.labelExternalIdLength, 1), { maxLength: 4 })
        .map((xs) => xs.map((externalId) => ({ externalId }))),
      // Prototype-named keys are their own class of input, with their own tests.
      metadata: fc
        .uniqueArray(fc.tuple(hostile(40, 1), hostile(60)), { selector: ([k]) => k, maxLength: 6 })
        .map((pairs) => Object.fromEntries(pairs.filter(([k]) => !(k in Object.prototype)))),
      sourceCreatedTime: time,
      sourceModifiedTime: time,
      uploaded: fc.boolean(),
      uploadedTime: time,
      createdTime: time,
      lastUpdatedTime: time,
    },
    { requiredKeys: ['id', 'name', 'uploaded', 'createdTime', 'lastUpdatedTime'], noNullPrototype: true },
  )
  .filter((r) => Object.entries(r.metadata ?? {}).every(([k, v]) => utf8Bytes(k) <= 128 && utf8Bytes(v) <= 10240));

/** The header and cells of an export, with whether each cell was quoted. */
function exportedCells(records: FileRecord[]) {
  const parsed = parseCsv(recordsToCsv(CLASSIC_FILE_BULK, records), ',');
  assert.deepEqual(parsed.errors, []);
  const [header, ...rows] = parsed.rows;
  const names = header!.cells.map((c) => c.text);
  return rows.flatMap((row) => row.cells.map((cell, i) => ({ column: names[i]!, ...cell })));
}

/** The updatable fields of a record, sets in a stable order, empty the same as unset: what a round trip keeps. */
function editableValues(record: FileRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of EDITABLE_FIELD_NAMES) {
    const value = record[name];
    if (value === undefined || (typeof value === 'object' && Object.keys(value).length === 0)) continue;
    if (name === 'labels')
      out[name] = (value as { externalId: string }[]).map((l) => l.externalId).sort((a, b) => (a < b ? -1 : 1));
    else if (Array.isArray(value)) out[name] = [...(value as number[])].sort((a, b) => a - b);
    else out[name] = value;
  }
  return out;
}

describe('CSV export cannot attack a spreadsheet (CSV injection)', () => {
  it('prefixes a quote to text that starts like a formula, and quotes the cell', () => {
    const csv = recordsToCsv(CLASSIC_FILE_BULK, [
      fileRecord({
        id: 5,
        name: '=HYPERLINK("http://x","y")',
        externalId: '+1',
        source: '-2+3',
        mimeType: '@SUM(A1)',
        directory: '/plant',
        metadata: { tab: '\tx', cr: '\r=1', plain: 'a=b' },
        labels: [{ externalId: '=cmd' }],
      }),
    ]);
    const row = csv.split('\r\n')[2]!; // after sep=, and the heading
    assert.ok(row.startsWith(`5,"'+1","'=HYPERLINK(""http://x"",""y"")",/plant,"'-2+3","'@SUM(A1)",`), row);
    assert.ok(row.includes(`"[""=cmd""]"`), 'a JSON cell starts with a bracket and needs no prefix');
    assert.ok(row.endsWith(`,"'\r'=1",a=b,"'\tx"`), row);
  });

  it('escapes a leading quote only where the rest would look neutralised', () => {
    const csv = recordsToCsv(CLASSIC_FILE_BULK, [
      fileRecord({ id: 5, name: "'=x", externalId: "''+y", source: "'plain", metadata: { k: "'" } }),
    ]);
    const row = csv.split('\r\n')[2]!; // after sep=, and the heading
    assert.ok(row.startsWith(`5,"'''+y","''=x",,'plain,`), row);
    assert.ok(row.endsWith(`,'`), row);
  });

  it('reads a neutralised cell back to the original text, quoted or not (a spreadsheet may drop quotes)', () => {
    const csv = [
      'id,name,source,metadata.a,metadata.b,metadata.c',
      `5,"'=x",'-1,"''@y",''',"'abc"`,
      `6,=raw,'+,'\t,"'\r",null`,
    ].join('\r\n');
    const parsed = parseChangesCsv(CLASSIC_FILE_BULK, csv);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.rows.map((r) => [r.expectedName, r.operations]),
      [
        [
          '=x',
          [
            { op: 'set', field: 'source', value: '-1' },
            { op: 'metadataAdd', key: 'a', value: "'@y" },
            { op: 'metadataAdd', key: 'b', value: "'''" },
            { op: 'metadataAdd', key: 'c', value: "'abc" },
          ],
        ],
        [
          '=raw',
          [
            { op: 'set', field: 'source', value: '+' },
            { op: 'metadataAdd', key: 'a', value: '\t' },
            { op: 'metadataAdd', key: 'b', value: '\r' },
            { op: 'metadataRemove', key: 'c' },
          ],
        ],
      ],
    );
  });

  it('property: the prefix rule is a bijection, down to runs of quotes and formula characters', () => {
    const cell = fc.string({
      unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', 'a', ' '),
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 4 }), (values) => {
        const written = values.map(neutraliseCsvText);
        for (const [i, text] of written.entries()) {
          assert.equal(restoreCsvText(text), values[i]);
          assert.doesNotMatch(text, DANGEROUS);
        }
        const [row] = parseCsv(formatCsvRow(['x', ...written]), ',').rows;
        assert.deepEqual(
          row!.cells.slice(1).map((c) => restoreCsvText(c.text)),
          values,
        );
        for (const c of row!.cells) if (/^'+[=+\-@\t\r]/.test(c.text)) assert.ok(c.quoted, JSON.stringify(c.text));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: under a ";" or Tab separator, or after a line break, no piece starts like a formula; the value round-trips', () => {
    // Excel splits on the locale's list separator, LibreOffice offers ";" and Tab, and neither honours
    // our quotes then: every position after ";", Tab, CR or LF starts a cell (or a row) of its own.
    const unit = fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', ';', '"', ',', 'a', 'n', 'u', 'l');
    const value = fc.oneof(
      fc.string({ unit, maxLength: 12 }),
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('null', "'null", "''null", 'null;=1', ";'null", "'"),
    );
    fc.assert(
      fc.property(value, (text) => {
        const written = neutraliseCsvText(text);
        assert.equal(restoreCsvText(written), text, JSON.stringify(written));
        for (const piece of written.split(/[;\t\r\n]/))
          assert.doesNotMatch(piece, /^"*[=+\-@]/, JSON.stringify(written));
        assert.doesNotMatch(written, /^[=+\-@\t\r]/);
        // The same on the line as written, doubled quotes included.
        for (const piece of formatCsvRow(['x', written])
          .split(/[;\t\r\n]/)
          .slice(1))
          assert.doesNotMatch(piece, /^"*[=+\-@]/, JSON.stringify(written));
        assert.notEqual(written, 'null', 'the text null never reads as "clear"');
      }),
      { numRuns: 3000 },
    );
  });

  it('property: the segment rule is injective (two values never share a written form)', () => {
    const unit = fc.constantFrom("'", '=', '-', '\t', '\r', '\n', ';', 'x', 'null');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), fc.string({ unit, maxLength: 6 }), (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(neutraliseCsvText(a), neutraliseCsvText(b));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes ";"-, Tab- and line-separated parts neutralised, and reads them back', () => {
    assert.equal(neutraliseCsvText("note;=cmd|' /C calc'!A0"), "note;'=cmd|' /C calc'!A0");
    assert.equal(neutraliseCsvText('a\t=1+1'), "a\t'=1+1");
    assert.equal(neutraliseCsvText("x\n'-1"), "x\n''-1");
    assert.equal(neutraliseCsvText('a;b-c'), 'a;b-c');
    assert.equal(neutraliseCsvText('a;"=1+1'), `a;'"=1+1`, 'a quoted formula after ";" is one too');
    assert.equal(neutraliseCsvText(`'"-1`), `''"-1`);
    assert.equal(neutraliseCsvText('null'), "'null");
    assert.equal(neutraliseCsvText("'null"), "''null");
    assert.equal(neutraliseCsvText('nullx'), 'nullx');
    const parsed = parseChangesCsv(
      CLASSIC_FILE_BULK,
      ['id,source,metadata.a,metadata.b', `5,'null,null,"x;'=1"`].join('\r\n'),
    );
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.rows[0]!.operations, [
      { op: 'set', field: 'source', value: 'null' },
      { op: 'metadataRemove', key: 'a' },
      { op: 'metadataAdd', key: 'b', value: 'x;=1' },
    ]);
  });

  it('writes numbers as numbers: ids and times are never user text', () => {
    const cells = exportedCells([fullRecord({ uploadedTime: 0 })]);
    for (const cell of cells.filter((c) => NUMERIC_COLUMNS.has(c.column))) {
      assert.equal(cell.quoted, false, cell.column);
      assert.match(cell.text, /^\d+$/, cell.column);
    }
  });

  it('property: no exported cell starts like a formula; a neutralised one is quoted and prefixed', () => {
    fc.assert(
      fc.property(fc.array(hostileRecord, { minLength: 1, maxLength: 3 }), (records) => {
        const ids = new Set(records.map((r) => r.id));
        fc.pre(ids.size === records.length);
        for (const cell of exportedCells(records)) {
          if (NUMERIC_COLUMNS.has(cell.column)) assert.match(cell.text, /^\d*$/, cell.column);
          else assert.doesNotMatch(cell.text, DANGEROUS, `${cell.column}: ${JSON.stringify(cell.text)}`);
          if (/^'+[=+\-@\t\r]/.test(cell.text)) assert.ok(cell.quoted, `${cell.column} is prefixed but not quoted`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: export then import gives back the exact values, and changes nothing', () => {
    fc.assert(
      fc.property(hostileRecord, (record) => {
        const parsed = parseChangesCsv(CLASSIC_FILE_BULK, recordsToCsv(CLASSIC_FILE_BULK, [record]));
        assert.deepEqual(parsed.problems, []);
        const row = parsed.rows[0]!;
        assert.equal(row.expectedName, record.name);
        assert.equal(planImportRow(CLASSIC_FILE_BULK, record, row).outcome, 'unchanged');
        // Against a bare record of the same name, the import sets every value the export wrote.
        const bare = fileRecord({ id: record.id, name: record.name });
        const plan = planImportRow(CLASSIC_FILE_BULK, bare, row);
        const after = plan.outcome === 'change' ? plan.after : bare;
        assert.deepEqual(editableValues(after), editableValues(record));
      }),
      { numRuns: 300 },
    );
  });
});

describe('JSON Lines export stays byte-exact', () => {
  it('writes text exactly as JSON.stringify does, formula-like values untouched', () => {
    const record = fileRecord({ id: 5, name: '=1+1', source: "'-x", metadata: { '@k': '\t=v' } });
    assert.equal(
      toJsonLine(CLASSIC_FILE_BULK, record),
      '{"id":5,"name":"=1+1","source":"\'-x","metadata":{"@k":"\\t=v"},"uploaded":true,"createdTime":1700000000000,"lastUpdatedTime":1700000000000}\n',
    );
  });

  it('property: each line is the record in document order, as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(fc.array(hostileRecord, { maxLength: 3 }), (records) => {
        const expected = records
          .map((r) => {
            const ordered = Object.fromEntries(
              DOCUMENT_FIELD_ORDER.filter((k) => r[k] !== undefined).map((k) => [k, r[k]]),
            );
            return JSON.stringify(ordered) + '\n';
          })
          .join('');
        assert.equal(recordsToJsonLines(CLASSIC_FILE_BULK, records), expected);
      }),
      { numRuns: 200 },
    );
  });
});
