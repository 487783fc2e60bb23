import * as assert from 'node:assert/strict';
import type { FileRecord } from '../../src/cdf/model';
import { listedFilesLabel, selectionTarget } from '../../src/vscode/bulk/target-picker';

const file = (id: number) => ({ id, name: `F-${id}.pdf` }) as FileRecord;

describe('bulk targets of classic files are labelled in their count', () => {
  it('one selected or listed file in the singular, more in the plural with grouped digits', () => {
    assert.equal(selectionTarget([file(1)]).label, '1 selected file');
    const many = Array.from({ length: 1500 }, (_, i) => file(i + 1));
    assert.equal(selectionTarget(many).label, '1,500 selected files');
    assert.equal(listedFilesLabel(1), '1 listed file');
    assert.equal(listedFilesLabel(2), '2 listed files');
  });
});
