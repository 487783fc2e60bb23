// Finding 10 (new-user walk): the wizard said "5,000", the confirmation "4769" and "5000". Every count
// of a bulk action is written by one formatter, in the display language.
import assert from 'node:assert/strict';
import { formatPlanSummary } from '../../../../src/core/bulk';
import { changeQuestion, planProgress, runProgress, runTitle, summarizeRun } from '../../../../src/core/bulk';
import { setCountLocale } from '../../../../src/core/format-count';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';

const counts = { matched: 5000, changed: 4769, unchanged: 231, refused: 0, refusedByReason: {} };
const job = {
  kind: 'edit',
  target: { kind: 'filter', label: 'all files', filter: {} },
  plan: { counts },
  record: { kind: CLASSIC_FILE_BULK },
} as never;
const report = {
  total: 4769,
  items: [],
  applied: Array.from({ length: 4769 }),
  failed: [],
  unknown: [],
  notSent: [],
  cancelled: false,
  attempts: [],
  stats: { requestsSent: 5, throttled: 0, peakConcurrency: 1, finalConcurrency: 1, durationMs: 5 },
} as never;
const progress = {
  applied: 1000,
  failed: 0,
  unknown: 0,
  notSent: 0,
  total: 4769,
  requestsSent: 1,
  throttled: 0,
} as never;

describe('bulk counts: one number format everywhere', () => {
  afterEach(() => setCountLocale('en'));

  it('groups thousands the same in summary, question, title, progress and result', () => {
    const texts = [
      formatPlanSummary(CLASSIC_FILE_BULK, counts),
      changeQuestion(job),
      runTitle(job),
      planProgress(CLASSIC_FILE_BULK, counts),
      runProgress(progress),
      summarizeRun(CLASSIC_FILE_BULK, report),
    ];
    for (const t of texts) assert.doesNotMatch(t, /\b\d{4,}\b/, `ungrouped count in: ${t}`);
    assert.equal(changeQuestion(job), 'Change 4,769 files in 5 requests?');
    assert.equal(runTitle(job), 'Bulk edit: all files (4,769 files)');
    assert.match(summarizeRun(CLASSIC_FILE_BULK, report), /^4,769 applied of 4,769 files in 5 requests$/);
  });

  it('follows the display language', () => {
    setCountLocale('de');
    assert.equal(changeQuestion(job), 'Change 4.769 files in 5 requests?');
    setCountLocale('not a locale!');
    assert.equal(changeQuestion(job), 'Change 4,769 files in 5 requests?');
  });
});
