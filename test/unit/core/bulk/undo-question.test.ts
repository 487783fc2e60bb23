/** The undo's confirmation: its count reads like the detail beneath it ("4,769 files to restore"). */
import assert from 'node:assert/strict';
import { undoQuestion } from '../../../../src/core/bulk';
import { CLASSIC_FILE } from '../../../../src/core/records';

describe('undoQuestion', () => {
  it('groups the count of files (it read "Restore 4769 files")', () => {
    assert.equal(undoQuestion(CLASSIC_FILE, 4769), 'Restore 4,769 files to how they were before the last bulk action?');
    assert.equal(undoQuestion(CLASSIC_FILE, 1), 'Restore 1 file to how it was before the last bulk action?');
  });
});
