// A text list typed as "a, b, c": an item holding a comma (or quotes, or outer spaces) is written as a
// double-quoted JSON string and comes back as exactly that item, never split and never with quotes.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseElementsInput } from '../../../../src/core/bulk';
import { COGNITE_FILE_BULK } from '../../../../src/core/cognite-file';

const parse = (text: string) => parseElementsInput(COGNITE_FILE_BULK, 'tags', text);

describe('typed text lists: quoted items', () => {
  it('every quoted item comes back exactly, commas, quotes and spaces included', () => {
    const tag = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.includes('\u0000'));
    fc.assert(
      fc.property(fc.uniqueArray(tag, { minLength: 1, maxLength: 6 }), (tags) => {
        const parsed = parse(tags.map((t) => JSON.stringify(t)).join(' , '));
        assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
        assert.deepEqual(parsed.value, tags);
      }),
    );
  });

  it('mixes quoted and plain items; plain ones are trimmed', () => {
    const parsed = parse(' PID ,"Area 10, north",  "say \\"hi\\"" , x y');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value, ['PID', 'Area 10, north', 'say "hi"', 'x y']);
  });

  it('refuses a quote left open and text after a closing quote, naming the column', () => {
    const open = parse('a, "Area 10, north');
    assert.ok(!open.ok && /column 4/.test(open.message), JSON.stringify(open));
    const after = parse('"Area 10" north, b');
    assert.ok(!after.ok && /column 11/.test(after.message), JSON.stringify(after));
  });
});
