// Finding 9 (new-user walk): a CSV import said "1 row names a file that does not exist; it is left out."
// without which row; the preview's "4 rows of changes.csv" and "3 files matched" were left unexplained;
// a bad CSV's notification was cut mid-word ("The CSV has a problem; nothing was sent. line 2, c…").
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { filesApiOf } from '../../../../src/app/files-api-adapter';
import { CdfClient } from '../../../../src/cdf/client/cdf-client';
import { parseChangesCsv } from '../../../../src/core/bulk';
import { csvProblemsMessage, csvProblemsSentence, missingRowsMessage, planImport } from '../../../../src/core/bulk';
import { startEmulator, type RunningEmulator } from '../../../../src/emulator';
import { CLASSIC_FILE_BULK } from '../../../../src/core/classic-file';
import { classicBulkSource } from '../../../../src/app';

describe('CSV import wording: rows named by line, one-sentence problems', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 5, seed: 3 });
  });
  after(() => emu.close());

  it('names the line and file of a row whose file does not exist, and rows vs files matched', async () => {
    const api = filesApiOf(
      new CdfClient({ baseUrl: emu.baseUrl, project: emu.project, tokenProvider: new StaticTokenProvider(emu.token) }),
    );
    const [a, b] = (await api.listFiles({ limit: 2 })).items;
    const csv = parseChangesCsv(CLASSIC_FILE_BULK, `id,source\n${a!.id},x\n999999999,y\n${b!.id},z\n888888888,w\n`);
    const { plan } = await planImport(classicBulkSource(api), csv, 'changes.csv');
    const message = missingRowsMessage(csv, plan.missing, 'changes.csv');
    assert.equal(
      message,
      '2 rows of changes.csv name files that do not exist (lines 3, 5): they are left out, so 2 of 4 rows match a file.',
    );
    const one = parseChangesCsv(CLASSIC_FILE_BULK, `id,source\n${a!.id},x\n999999999,y\n`);
    const single = await planImport(classicBulkSource(api), one, 'one.csv');
    assert.equal(
      missingRowsMessage(one, single.plan.missing, 'one.csv'),
      'Line 3 of one.csv names a file that does not exist (id 999999999): it is left out, so 1 of 2 rows match a file.',
    );
  });

  it('says a bad CSV in one sentence naming file and first place; the list is a document', () => {
    const bad = parseChangesCsv(CLASSIC_FILE_BULK, 'id,source,nosuchcolumn\nabc,x,1\n');
    assert.ok(bad.problems.length >= 1);
    const sentence = csvProblemsSentence(bad.problems, 'changes.csv');
    assert.match(sentence, /^changes\.csv has (a problem|\d+ problems, the first) at line \d+.*; nothing was sent\.$/);
    assert.doesNotMatch(sentence, /\n/);
    const doc = csvProblemsMessage(bad.problems, 'changes.csv');
    for (const p of bad.problems) assert.ok(doc.includes(p.message), p.message);
  });
});
