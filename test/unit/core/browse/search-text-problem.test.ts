/** Search File Names: a text files/search cannot take is refused in the input box, in a sentence. */
import assert from 'node:assert/strict';
import { fileSearchRequest } from '../../../../src/cdf/model';
import { searchTextProblem } from '../../../../src/core/browse';

describe('searchTextProblem', () => {
  it('refuses a text longer than a file name can be, saying both lengths', () => {
    assert.equal(searchTextProblem('x'.repeat(2000)), 'A file name is at most 256 characters; this search is 2000.');
  });

  it('agrees with the request model at the limit (what is sent is the trimmed text)', () => {
    for (const text of ['x'.repeat(256), ` ${'x'.repeat(256)} `, 'x'.repeat(257), '😀'.repeat(128), '😀'.repeat(129)]) {
      const sendable = fileSearchRequest.safeParse({ search: { name: text.trim() } }).success;
      assert.equal(searchTextProblem(text) === undefined, sendable, text.slice(0, 10));
    }
  });
});
