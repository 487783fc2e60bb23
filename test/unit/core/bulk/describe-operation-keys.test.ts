/**
 * A metadata operation in words, as the bulk wizard lists it and the preview heads it. The key is
 * user data: an empty key read `metadata  = "v"` (no key to see), and a key with a space or "="
 * could not be told from the value.
 */
import assert from 'node:assert/strict';
import { describeOperation } from '../../../../src/core/bulk';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const say = (op: Parameters<typeof describeOperation>[1]) => describeOperation(CLASSIC_FILE_BULK, op);

describe('describeOperation: metadata keys and values', () => {
  it('shows a plain key as it is, and the value as JSON', () => {
    assert.equal(say({ op: 'metadataAdd', key: 'rev', value: 'B' }), 'metadata rev = "B"');
    assert.equal(say({ op: 'metadataRemove', key: 'rev' }), 'remove metadata rev');
    assert.equal(say({ op: 'metadataRenameKey', from: 'rev', to: 'revision' }), 'rename metadata rev → revision');
  });

  it('quotes an empty key, or one with spaces, quotes or "=", so it is seen and told from the value', () => {
    assert.equal(say({ op: 'metadataAdd', key: '', value: 'v' }), 'metadata "" = "v"');
    assert.equal(say({ op: 'metadataAdd', key: 'a = b', value: 'c' }), 'metadata "a = b" = "c"');
    assert.equal(say({ op: 'metadataRemove', key: ' ' }), 'remove metadata " "');
    assert.equal(say({ op: 'metadataRenameKey', from: 'old key', to: '' }), 'rename metadata "old key" → ""');
  });

  it('escapes a value with a quote or a line break (the line stays one line)', () => {
    assert.equal(say({ op: 'metadataAdd', key: 'k', value: 'say "hi"\nbye' }), 'metadata k = "say \\"hi\\"\\nbye"');
  });
});
