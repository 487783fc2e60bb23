import assert from 'node:assert/strict';
import { LIMITS } from '../../../../src/cdf/model';
import { parseTargets } from '../../../../src/core/classic-file';

const errorsOf = (text: string) =>
  parseTargets(text)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => p.line);

describe('parseTargets: ids and external ids from pasted text', () => {
  it('reads one per line and comma-separated items; numbers are ids, the rest external ids', () => {
    const { targets, problems } = parseTargets('123\r\ndoc-1, 456 ,  my doc \n\n  789\n');
    assert.deepEqual(targets, [
      { id: 123 },
      { externalId: 'doc-1' },
      { id: 456 },
      { externalId: 'my doc' },
      { id: 789 },
    ]);
    assert.deepEqual(problems, []);
  });

  it('makes a quoted number an external id, and keeps commas and spaces inside quotes', () => {
    assert.deepEqual(parseTargets(`"123", '456', "a,b", " padded "`).targets, [
      { externalId: '123' },
      { externalId: '456' },
      { externalId: 'a,b' },
      { externalId: ' padded ' },
    ]);
  });

  it('reports numbers that cannot be ids, with their line, instead of guessing', () => {
    assert.deepEqual(errorsOf(`1\n0\n-5\n${LIMITS.maxId + 1}\n007\n${LIMITS.maxId}`), [2, 3, 4, 5]);
    assert.match(parseTargets('0').problems[0]?.message ?? '', /quote it/);
  });

  it('reports unclosed quotes, text after a quote and over-long external ids', () => {
    assert.deepEqual(errorsOf(`ok\n"open\n"a" b\n${'x'.repeat(LIMITS.externalIdLength + 1)}`), [2, 3, 4]);
  });

  it('skips a heading line and drops duplicates with a warning', () => {
    const { targets, problems } = parseTargets('externalId\na\n1\na\n1');
    assert.deepEqual(targets, [{ externalId: 'a' }, { id: 1 }]);
    assert.deepEqual(
      problems.map((p) => [p.line, p.severity]),
      [
        [4, 'warning'],
        [5, 'warning'],
      ],
    );
  });

  it('reads a JSON array of numbers, strings and objects, naming the line of a bad item', () => {
    const text = '[\n  1,\n  "2",\n  {"externalId": "x"},\n  {"id": 3},\n  true,\n  0\n]';
    const { targets, problems } = parseTargets(text);
    assert.deepEqual(targets, [{ id: 1 }, { externalId: '2' }, { externalId: 'x' }, { id: 3 }]);
    assert.deepEqual(
      problems.map((p) => p.line),
      [6, 7],
    );
  });

  it('does not let JSON number rounding turn an out-of-range id into a valid one', () => {
    assert.deepEqual(errorsOf('[9007199254740993]'), [1]);
    assert.deepEqual(errorsOf('[1.0]'), [1]);
  });

  it('reports invalid JSON with its line', () => {
    assert.deepEqual(errorsOf('[\n 1,\n 2 3\n]'), [3]);
  });
});
