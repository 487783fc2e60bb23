import assert from 'node:assert/strict';
import fc from 'fast-check';
import { refusalSentence } from '../../helpers/classic-save';

// A refused save used to read "Not saved: 1 problem in the selection ([1].source); nothing was sent.":
// a 0-based index that names neither the file nor the record, and other words than a record's.
describe('refusalSentence: one sentence naming the file and the field', () => {
  const selection = JSON.stringify(
    [
      { id: 1, name: 'A.pdf', source: 'x' },
      { id: 2, name: 'P&ID 57.pdf', source: 5 },
      { id: 3, source: 'y' },
    ],
    null,
    2,
  );
  const sourceProblem = (index: number) => ({
    path: [index, 'source'],
    message: 'source must be a string, or null; found the number 5.',
  });

  it('names a selection element by its file name, not its index', () => {
    assert.equal(
      refusalSentence('3 files', selection, [sourceProblem(1)], 'was'),
      'P&ID 57.pdf: source must be a string, or null; found the number 5; nothing was sent.',
    );
  });

  it('says a record in the same words, with the record file name', () => {
    const problem = { path: ['source'], message: 'source must be a string, or null; found the number 5.' };
    assert.equal(
      refusalSentence('P&ID 57.pdf', '{}', [problem], 'was'),
      'P&ID 57.pdf: source must be a string, or null; found the number 5; nothing was sent.',
    );
    assert.equal(
      refusalSentence('P&ID 57.pdf', '{}', [problem], 'would be'),
      'P&ID 57.pdf: source must be a string, or null; found the number 5; nothing would be sent.',
    );
  });

  it('falls back to the id, then to the 1-based place, when an element has no name', () => {
    assert.match(refusalSentence('3 files', selection, [sourceProblem(2)], 'was'), /^file 3: source/);
    assert.match(
      refusalSentence('3 files', '[{}, 5]', [{ path: [1], message: 'Not an object.' }], 'was'),
      /^record 2 of the selection: Not an object; nothing/,
    );
  });

  it('names the field when the message does not, and counts the other problems', () => {
    const problems = [
      { path: [0, 'mimeType'], message: 'Too long.' },
      { path: [1, 'source'], message: 'x' },
      { path: [1, 'directory'], message: 'y' },
    ];
    assert.equal(
      refusalSentence('3 files', selection, problems, 'was'),
      'A.pdf: mimeType: Too long, and 2 more problems; nothing was sent.',
    );
    assert.match(refusalSentence('3 files', selection, problems.slice(0, 2), 'was'), /, and 1 more problem; /);
  });

  it('keeps only the first sentence of a long message (the Problems panel has the rest)', () => {
    const problem = {
      path: [1],
      message: 'This element has lost its name. Put back the value it was opened with (Undo restores it).',
    };
    assert.equal(
      refusalSentence('3 files', selection, [problem], 'was'),
      'P&ID 57.pdf: This element has lost its name; nothing was sent.',
    );
    const quoted = { path: ['metadata', 'a. B'], message: 'Metadata key "a. B" is 300 bytes. Shorten it.' };
    assert.equal(
      refusalSentence('F.pdf', '{}', [quoted], 'was'),
      'F.pdf: Metadata key "a. B" is 300 bytes; nothing was sent.',
    );
  });

  it('text that is not JSON is the document file', () => {
    assert.equal(
      refusalSentence('3 files', '[', [{ path: [], message: 'Expected a value.' }], 'was'),
      '3 files: Expected a value; nothing was sent.',
    );
  });

  it('for any selection, the element at fault is named by its name and never by an index', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1 }).filter((s) => s.trim().length > 0),
          { minLength: 1, maxLength: 6 },
        ),
        fc.nat(),
        (names, pick) => {
          const index = pick % names.length;
          const text = JSON.stringify(names.map((name, i) => ({ id: i + 1, name })));
          const sentence = refusalSentence('n files', text, [sourceProblem(index)], 'was');
          assert.ok(sentence.startsWith(`${names[index]}: source must be`), sentence);
          assert.ok(!sentence.includes(`[${index}].source`), sentence);
        },
      ),
    );
  });
});
