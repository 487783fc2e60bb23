// Find and replace: the person picks plain text or a regular expression. A plain find text is taken
// exactly as typed, even when it starts with "re:" (the wizards used to read that prefix as "regex").
import assert from 'node:assert/strict';
import { checkFind, findParameters } from '../../../../src/core/bulk';

describe('bulk find text: plain text or a regular expression, as picked', () => {
  it('plain text starting with "re:" is plain text: accepted as is, never a pattern', () => {
    assert.equal(checkFind('re: (rev B', 'text'), undefined);
    assert.deepEqual(findParameters('re: (rev B', 'text'), { find: 're: (rev B' });
  });

  it('a regular expression is checked and marked as one', () => {
    assert.match(checkFind('(rev', 'regex') ?? '', /does not compile/);
    assert.equal(checkFind('rev (\\w)', 'regex'), undefined);
    assert.deepEqual(findParameters('rev (\\w)', 'regex'), { find: 'rev (\\w)', regex: true });
  });

  it('an empty find is refused in both modes', () => {
    assert.notEqual(checkFind('', 'text'), undefined);
    assert.notEqual(checkFind('', 'regex'), undefined);
  });
});
