/**
 * Bulk texts name records in their kind's words (RecordKind.noun / nouns): a CogniteFile node is
 * never called a "file" in a question, a summary, a progress line, a report or a replace-all note;
 * the classic wording is unchanged (count-format, preview and job-report tests hold it).
 */
import assert from 'node:assert/strict';
import { buildReport } from '../../../../src/cdf/client/update/update-report';
import { countOf, formatPlanSummary, formatRunReport, planProgress, undoQuestion } from '../../../../src/core/bulk';
import { replaceAllNote } from '../../../../src/core/bulk/texts/replace-all-note';
import { COGNITE_FILE } from '../../../../src/core/records';

const counts = { matched: 1503, changed: 1500, unchanged: 1, refused: 2, refusedByReason: { because: 2 } };
/** "file" or "files" as a word of its own: "CogniteFile" is the kind's name, not that word. */
const FILE_WORD = /\bfiles?\b/i;

describe('bulk texts name the records of any kind in its words', () => {
  it('counts, questions and progress say "CogniteFile node(s)"', () => {
    const texts = [
      formatPlanSummary(COGNITE_FILE, counts),
      undoQuestion(COGNITE_FILE, 1),
      undoQuestion(COGNITE_FILE, 3),
      planProgress(COGNITE_FILE, counts),
      countOf(COGNITE_FILE, 1),
      countOf(COGNITE_FILE, 2000),
    ];
    for (const text of texts) assert.doesNotMatch(text, FILE_WORD, text);
    assert.equal(countOf(COGNITE_FILE, 2000), '2,000 CogniteFile nodes');
    assert.equal(
      undoQuestion(COGNITE_FILE, 1),
      'Restore 1 CogniteFile node to how it was before the last bulk action?',
    );
    assert.match(
      formatPlanSummary(COGNITE_FILE, counts),
      /^1,503 CogniteFile nodes matched\.\n.*1,000 CogniteFile nodes per request/,
    );
  });

  it('the run report heads its first column with the noun and says which node may be fine', () => {
    const report = buildReport(
      [
        {
          index: 0,
          item: { id: 1, update: {} },
          sends: 1,
          outcome: 'failed',
          failure: { reason: 'invalid', message: 'bad', status: 400, notIsolated: true },
        },
      ],
      [],
      false,
      { requestsSent: 1, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 3 },
    );
    const text = formatRunReport(COGNITE_FILE, 'Bulk edit', report, [{ key: 'sp:pump', name: 'pump.pdf' }]);
    assert.match(text, /^\| CogniteFile node \| space:externalId \| Outcome \| Reason \|$/m);
    assert.match(text, /refused with others; this CogniteFile node may be fine/);
    assert.doesNotMatch(text, FILE_WORD, text);
  });

  it('a replace-all note says what a node holds', () => {
    const collection = COGNITE_FILE.fields.find((f) => f.kind.collection)!;
    assert.ok(collection, 'a CogniteFile has a collection property');
    const note = replaceAllNote(COGNITE_FILE, 'set', collection);
    assert.match(note, /a CogniteFile node holds is removed/);
    assert.doesNotMatch(note, FILE_WORD);
  });
});
