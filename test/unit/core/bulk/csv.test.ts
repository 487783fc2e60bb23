import assert from 'node:assert/strict';
import { formatCsvField, formatCsvRow, parseCsv } from '../../../../src/core/bulk';

const texts = (text: string) => parseCsv(text).rows.map((r) => r.cells.map((c) => c.text));

describe('CSV (RFC 4180)', () => {
  it('quotes only what needs it, and always the empty string and the text null', () => {
    assert.equal(
      formatCsvRow(['a', 'b c', 'x,y', 'say "hi"', 'two\nlines', '', 'null', undefined, ' pad']),
      'a,b c,"x,y","say ""hi""","two\nlines","","null",," pad"\r\n',
    );
    assert.equal(formatCsvField(undefined), '');
  });

  it('parses quoted cells with commas, quotes and line breaks, and tracks lines', () => {
    const parsed = parseCsv('id,v\r\n1,"a,""b""\r\nc"\r\n2,plain\r\n');
    assert.deepEqual(
      parsed.rows.map((r) => [r.line, r.cells.map((c) => c.text)]),
      [
        [1, ['id', 'v']],
        [2, ['1', 'a,"b"\r\nc']],
        [4, ['2', 'plain']],
      ],
    );
    assert.deepEqual(parsed.errors, []);
  });

  it('tells a quoted empty cell from an empty one', () => {
    const [row] = parseCsv('"",,"null",null').rows;
    assert.deepEqual(row?.cells, [
      { text: '', quoted: true },
      { text: '', quoted: false },
      { text: 'null', quoted: true },
      { text: 'null', quoted: false },
    ]);
  });

  it('handles LF and CR line ends, a byte order mark, blank lines and a trailing delimiter', () => {
    assert.deepEqual(texts('\uFEFFa,b\n\n1,\r2,3'), [
      ['a', 'b'],
      ['1', ''],
      ['2', '3'],
    ]);
  });

  it('detects semicolon and tab delimiters from the heading', () => {
    assert.deepEqual(texts('id;source\n1;"a;b"'), [
      ['id', 'source'],
      ['1', 'a;b'],
    ]);
    assert.deepEqual(texts('id\tsource\n1\tx'), [
      ['id', 'source'],
      ['1', 'x'],
    ]);
  });

  it("reads Excel's sep= first line as the delimiter, not as a row, and counts its line", () => {
    const parsed = parseCsv('sep=;\r\nid;source\r\n1;a,b');
    assert.equal(parsed.delimiter, ';');
    assert.deepEqual(
      parsed.rows.map((r) => [r.line, r.cells.map((c) => c.text)]),
      [
        [2, ['id', 'source']],
        [3, ['1', 'a,b']],
      ],
    );
    assert.deepEqual(texts('\uFEFFsep=,\nid,x\n1,2'), [
      ['id', 'x'],
      ['1', '2'],
    ]);
    assert.deepEqual(texts('sep=x,y\n1'), [['sep=x', 'y'], ['1']], 'only "sep=" and one character is the directive');
  });

  it('reports an unclosed quote and text after a closing quote, by line', () => {
    assert.deepEqual(
      parseCsv('a\n"open\n').errors.map((e) => e.line),
      [2],
    );
    assert.deepEqual(
      parseCsv('a,b\n"x"y,1').errors.map((e) => e.line),
      [2],
    );
  });

  it('round-trips any cell text', () => {
    const cells = ['', 'null', '"', '""', ',', '\r\n', 'ü€😀', ' lead', 'trail ', 'a"b'];
    const parsed = parseCsv(formatCsvRow(cells));
    assert.deepEqual(
      parsed.rows[0]?.cells.map((c) => c.text),
      cells,
    );
  });
});
