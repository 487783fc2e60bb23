/**
 * A CSV of changes with problems on several lines: the notification says "the first at line N", and
 * the list beside it reads top to bottom. A broken quote at the end of the file (a parse error) was
 * listed before the cell problems above it, and the notification named it as the first.
 */
import assert from 'node:assert/strict';
import { csvProblemsSentence, parseChangesCsv } from '../../../../src/core/bulk';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

describe('CSV import problems, in the order of the file', () => {
  it('lists problems by line, and the sentence names the first line that has one', () => {
    const parsed = parseChangesCsv(CLASSIC_FILE_BULK, 'id,source\nabc,x\n1,y\n"unterminated,\n');
    const lines = parsed.problems.map((p) => p.line);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
    assert.equal(lines[0], 2);
    assert.match(csvProblemsSentence(parsed.problems, 'changes.csv'), /the first at line 2, column id/);
  });
});
