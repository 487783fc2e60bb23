import assert from 'node:assert/strict';
import { parseDocument, positionAt, rangeOfPath, type ParsedDocument } from '../../../../src/core/document/parse';
import { CLASSIC_FILE, COGNITE_FILE } from '../../../../src/core/records';

function problemsOf(parsed: ParsedDocument) {
  assert.equal(parsed.ok, false, 'expected the text to be rejected');
  return parsed.ok ? [] : parsed.problems;
}

function treeOf(text: string) {
  const parsed = parseDocument(text);
  assert.ok(parsed.ok);
  return parsed.tree;
}

/** The text a range covers. */
const slice = (text: string, r: { offset: number; length: number }) => text.slice(r.offset, r.offset + r.length);

describe('parseDocument', () => {
  it('returns the value and the tree of valid JSON', () => {
    const parsed = parseDocument('{"a": [1, {"b": null}], "c": "x"}');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, { a: [1, { b: null }], c: 'x' });
    assert.equal(parsed.tree.type, 'object');
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const parsed = parseDocument('{"metadata": {"__proto__": "x"}}');
    assert.ok(parsed.ok);
    assert.deepEqual(Object.keys((parsed.value as { metadata: object }).metadata), ['__proto__']);
  });

  const cases: [string, string, number, number, RegExp][] = [
    ['a trailing comma in an object', '{\n  "a": 1,\n}', 3, 1, /trailing comma before "}"/],
    ['a trailing comma in an array', '{"a": [1, 2,]}', 1, 13, /trailing comma before "\]"/],
    ['a comment', '{\n  // note\n  "a": 1\n}', 2, 3, /comments are not allowed/],
    ['a block comment', '{ /* note */ "a": 1 }', 1, 3, /comments are not allowed/],
    ['single quotes', "{'a': 1}", 1, 2, /double quotes/],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected "," between two entries/],
    ['a missing colon', '{"a" 1}', 1, 6, /expected ":"/],
    ['an unclosed object', '{"a": 1', 1, 8, /expected "}"/],
    ['an unclosed array', '{"a": [1, 2}', 1, 12, /expected "," between two entries|expected "]"/],
    ['empty text', '', 1, 1, /the document is empty/],
    ['text after the document', '{}\n{}', 2, 1, /unexpected text after the end/],
    ['NaN', '{"a": NaN}', 1, 7, /unexpected "NaN"/],
    ['a leading zero', '{"a": 01}', 1, 8, /expected ","/],
    ['an unclosed string', '{"a": "x\n"}', 1, 7, /string not closed/],
    ['a bad escape', '{"a": "\\q"}', 1, 7, /invalid escape/],
    ['a short unicode escape', '{"a": "\\u12"}', 1, 7, /\\u escape/],
    ['a raw tab in a string', '{"a": "x\ty"}', 1, 7, /control characters/],
    ['a number that overflows', '{"a": 1e400}', 1, 7, /too large for JSON/],
  ];
  for (const [what, text, line, column, message] of cases) {
    it(`rejects ${what} at line ${line}, column ${column}`, () => {
      const problems = problemsOf(parseDocument(text));
      assert.equal(problems.length, 1, JSON.stringify(problems));
      const [p] = problems;
      assert.equal(p!.code, 'invalid-json');
      assert.equal(p!.severity, 'error');
      assert.deepEqual([p!.line, p!.column], [line, column]);
      assert.match(p!.message, message);
      assert.match(p!.message, /^Invalid JSON: /);
      assert.equal(positionAt(text, p!.offset).line, line);
    });
  }

  it("rejects a duplicate key at the second key, naming the first one's line", () => {
    const text = '{\n  "source": "a",\n  "metadata": {"k": "1", "k": "2"},\n  "source": "b"\n}';
    const problems = problemsOf(parseDocument(text));
    assert.deepEqual(
      problems.map((p) => [p.code, p.path, p.line, p.column, slice(text, p)]),
      [
        ['duplicate-key', ['metadata', 'k'], 3, 26, '"k"'],
        ['duplicate-key', ['source'], 4, 3, '"source"'],
      ],
    );
    assert.equal(
      problems[1]!.message,
      'Duplicate key "source" in the document: it is already at line 2. Keep one of them.',
    );
    assert.equal(problems[0]!.message, 'Duplicate key "k" in metadata: it is already at line 3. Keep one of them.');
  });

  it('counts lines for \\n, \\r\\n and \\r', () => {
    assert.deepEqual(positionAt('a\r\nb\rc\nd', 7), { line: 4, column: 1 });
    assert.deepEqual(positionAt('a\r\nb', 3), { line: 2, column: 1 });
  });
});

describe('rangeOfPath', () => {
  const text =
    '{\n  "labels": [{"externalId": "A"}, {"externalId": "B"}],\n  "metadata": {"my key": "v"},\n  "source": null\n}';
  const tree = treeOf(text);

  it('finds a value by its path', () => {
    assert.equal(slice(text, rangeOfPath(tree, ['labels', 1, 'externalId'])), '"B"');
    assert.equal(slice(text, rangeOfPath(tree, ['metadata', 'my key'])), '"v"');
    assert.equal(slice(text, rangeOfPath(tree, ['source'])), 'null');
    assert.equal(slice(text, rangeOfPath(tree, ['labels', 0])), '{"externalId": "A"}');
    assert.equal(slice(text, rangeOfPath(tree, [])), text);
  });

  it('finds the key instead when asked', () => {
    assert.equal(slice(text, rangeOfPath(tree, ['metadata', 'my key'], { key: true })), '"my key"');
    assert.equal(slice(text, rangeOfPath(tree, ['source'], { key: true })), '"source"');
  });

  it('falls back to the nearest parent: the opening brace of an object missing the key', () => {
    assert.deepEqual(rangeOfPath(tree, ['directory']), { offset: 0, length: 1 });
    const metadata = rangeOfPath(tree, ['metadata']);
    assert.deepEqual(rangeOfPath(tree, ['metadata', 'gone']), { offset: metadata.offset, length: 1 });
    assert.equal(slice(text, rangeOfPath(tree, ['labels', 5])), '[{"externalId": "A"}, {"externalId": "B"}]');
    assert.equal(slice(text, rangeOfPath(tree, ['source', 'deeper'])), 'null');
  });

  it('gives the key of a property whose value is missing (a tree with parse errors)', () => {
    const broken = '{"source": }';
    const parsed = parseDocument(broken);
    assert.ok(!parsed.ok && parsed.tree);
    assert.equal(slice(broken, rangeOfPath(parsed.tree, ['source'])), '"source"');
  });

  it('resolves a duplicate key to the last one, as JSON.parse keeps the last value', () => {
    const dup = '{"a": 1, "a": 2}';
    const parsed = parseDocument(dup);
    assert.ok(!parsed.ok && parsed.tree);
    assert.equal(slice(dup, rangeOfPath(parsed.tree, ['a'])), '2');
  });
});

describe('a document nested too deep', () => {
  const nested = `{"metadata": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
  const messageOf = (kind?: { noun: () => string }) => problemsOf(parseDocument(nested, kind))[0]!.message;

  it("names the record in its kind's words; a file's wording is unchanged", () => {
    assert.match(messageOf(CLASSIC_FILE), /levels deep here; a file record is never that deep\.$/);
    assert.match(messageOf(COGNITE_FILE), /levels deep here; a CogniteFile node record is never that deep\.$/);
    assert.match(messageOf(), /levels deep here; no record is that deep\.$/);
  });
});
