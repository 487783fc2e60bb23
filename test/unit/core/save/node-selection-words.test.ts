/**
 * A selection of CogniteFile nodes (Edit Selection as JSON) says what is wrong in its kind's words:
 * "CogniteFile node space:externalId", never "File …", and names what identifies a node (its space
 * and externalId), not an id it does not have. Classic files keep their words.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { selectionFailureText, selectionNotSavedText, type RecordFailure } from '../../../../src/app';
import { CLASSIC_FILE, COGNITE_FILE, type CogniteFileRecord } from '../../../../src/core/records';
import { matchSelectionElements } from '../../../../src/core/save';
import { RECORD } from '../records/cognite-file-fixtures';

const node = (externalId: string): CogniteFileRecord => ({ ...RECORD, externalId, name: `${externalId}.pdf` });
const [a, b] = [node('doc-a'), node('doc-b')];
const bases = new Map([a, b].map((r) => [COGNITE_FILE.key(r), r]));
const element = (r: CogniteFileRecord) => COGNITE_FILE.document.render(r);
const messages = (elements: unknown[]) =>
  matchSelectionElements(COGNITE_FILE, bases, elements).problems.map((p) => p.message);
/** "file" as a word of its own (CogniteFile is the view's name, not the word). */
const FILE_WORD = /\b[Ff]iles?\b/;

describe("a node selection's refusals in a node's words", () => {
  it('two nodes that changed places', () => {
    const [first] = messages([element(b), element(a)]);
    assert.match(first ?? '', /^CogniteFile node plant-a:doc-b was opened after CogniteFile node plant-a:doc-a /);
    assert.match(first ?? '', /put back its space, externalId\.$/);
    assert.doesNotMatch(first ?? '', FILE_WORD);
  });

  it('a node named twice, a node outside the selection, a node that lost a read-only field', () => {
    const twice = messages([element(a), element(a)]);
    assert.match(twice[0] ?? '', /^CogniteFile node plant-a:doc-a appears 2 times \(elements 0, 1\)/);
    const outside = messages([element(node('doc-z'))]);
    assert.match(
      outside[0] ?? '',
      /^CogniteFile node plant-a:doc-z is not part of this selection; put back the space, externalId/,
    );
    const { createdTime: _, ...lost } = element(a);
    const lostField = messages([lost]);
    assert.match(lostField[0] ?? '', /shows which CogniteFile node an element is/);
    for (const m of [...twice, ...outside, ...lostField]) assert.doesNotMatch(m, FILE_WORD, m);
  });

  it("a save's per-record failures name the node, and a file for classic files", () => {
    const failure = (key: string, label: string): RecordFailure => ({
      key,
      label,
      code: 'record-deleted',
      message: 'it is gone',
    });
    assert.equal(
      selectionFailureText(failure('plant-a:doc-a', 'doc-a.pdf'), COGNITE_FILE),
      'CogniteFile node plant-a:doc-a (doc-a.pdf): it is gone',
    );
    assert.equal(selectionFailureText(failure('12', 'a.pdf'), CLASSIC_FILE), 'File 12 (a.pdf): it is gone');
    assert.match(
      selectionNotSavedText(3, [failure('plant-a:doc-a', 'doc-a.pdf')], COGNITE_FILE),
      /^2 of 3 changed CogniteFile nodes saved\. CogniteFile node plant-a:doc-a/,
    );
  });

  it('however many nodes failed, at most five are named and none is called a file', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (n) => {
        const failures = Array.from({ length: n }, (_, i) => ({
          key: `s:doc-${i}`,
          label: `doc-${i}.pdf`,
          code: 'record-deleted' as const,
          message: 'gone',
        }));
        const text = selectionNotSavedText(n + 1, failures, COGNITE_FILE);
        assert.equal(text.split('CogniteFile node s:').length - 1, Math.min(5, n));
        assert.equal(text.endsWith(' …'), n > 5);
        assert.doesNotMatch(text, FILE_WORD);
      }),
    );
  });
});
