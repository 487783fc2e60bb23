// A new user selects 50 files in the tree and adds a label and a metadata key to all of them:
// the wizard, the preview, the confirmation, the progress and the result, all by clicks and keys.
// Every input of the wizard says it is the bulk edit and which step; the progress notification is gone
// when the result appears; the report lists each file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWalkthrough, runPaletteCommand, walkthroughStepDone } from './workbench.mjs';
import { openDemo } from './demo-project.mjs';

const port = 20000 + Math.floor(Math.random() * 20000);
const requestLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdf-ui-bulk-')), 'requests.jsonl');

export const name = 'bulk edit: 50 selected files get a label and a metadata key';
export const options = { env: { CDF_FILES_DEMO_PORT: String(port), CDF_FILES_DEMO_REQUEST_LOG: requestLog } };

const updates = () =>
  (fs.existsSync(requestLog) ? fs.readFileSync(requestLog, 'utf8').trim().split('\n').filter(Boolean) : [])
    .map((l) => JSON.parse(l))
    .filter((r) => r.method === 'POST' && r.path.endsWith('/files/update'));

export async function scenario({ page, shot }) {
  const pick = (text) => page.locator('.quick-input-list .monaco-list-row:visible', { hasText: text }).first();
  // Collected, and checked after the run, so one run shows every wizard step that lacks its title.
  const titles = [];
  const title = async (what) => {
    await page.waitForTimeout(150);
    titles.push(`${what}: ${await page.locator('.quick-input-widget .quick-input-title').innerText()}`);
  };
  // The walkthrough is shown first, as VS Code shows it to a new user; its bulk step ticks at the end.
  await openWalkthrough(page);
  assert.equal(await walkthroughStepDone(page, 'bulkEdit'), false);
  await runPaletteCommand(page, 'View: Close Editor');
  await openDemo(page);
  await page.locator('.part.sidebar .action-label[aria-label^="Group By"]').first().click();
  await pick('Flat list').click();
  await page.waitForTimeout(500);

  // Select 50 files: click the first, extend the selection with Shift+Down.
  const rows = page.locator('.monaco-list-row[role="treeitem"]');
  await rows.first().click();
  for (let i = 0; i < 49; i++) await page.keyboard.press('Shift+ArrowDown');
  await page.locator('.monaco-list-row[role="treeitem"].selected').nth(10).waitFor();
  await runPaletteCommand(page, 'CDF Files: Bulk Edit Files');

  await pick('The 50 selected files').waitFor();
  await title('which files');
  // Finding 10: without a filter the choice is the whole project, said once, its count grouped.
  const whole = await pick('Every file in the project').innerText();
  assert.match(whole, /Every file in the project \(\d{1,3}(,\d{3})+\)/, whole);
  assert.doesNotMatch(whole, /filter/, whole);
  await pick('The 50 selected files').click();
  await pick('Add labels').waitFor();
  await title('operations');
  await pick('Add labels').click();
  await page.locator('.quick-input-box input').waitFor();
  await title('labels');
  await page.keyboard.insertText('NEEDS_REVIEW');
  await pick('NEEDS_REVIEW').click();
  await page.keyboard.press('Enter');
  await pick('Add metadata key').waitFor();
  await title('operations');
  await pick('Add metadata key').click();
  await page.locator('.quick-input-message', { hasText: 'Metadata key' }).waitFor();
  await title('metadata key');
  await page.keyboard.insertText('reviewStatus');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-message', { hasText: 'Value for' }).waitFor();
  await title('metadata value');
  await page.keyboard.insertText('pending');
  await page.keyboard.press('Enter');
  await shot('20-bulk-operations');
  await pick('Preview 2 operations').click();

  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30000 });
  assert.match(await dialog.innerText(), /Change 50 files in 1 request\?/);
  await page.locator('.tabs-container .tab', { hasText: 'bulk-preview.md' }).waitFor();
  await shot('21-bulk-preview');
  await dialog.getByRole('button', { name: 'Apply' }).click();

  const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: '50 applied of 50' });
  await toast.first().waitFor({ timeout: 30000 });
  const progressLeft = await page
    .locator('.notifications-toasts .notification-list-item', { hasText: '50 selected files' })
    .count();
  await shot('22-bulk-applied');
  assert.equal(progressLeft, 0, 'the progress notification is closed when the result appears');
  assert.deepEqual(titles, [
    'which files: Bulk Edit (1/3): Which files?',
    'operations: Bulk Edit (2/3): 50 selected files',
    'labels: Bulk Edit (3/3): Labels to add',
    'operations: Bulk Edit (2/3): 50 selected files',
    'metadata key: Bulk Edit (3/3): Add metadata key',
    'metadata value: Bulk Edit (3/3): Add metadata key',
  ]);
  const sent = updates();
  assert.equal(sent.length, 1, 'one request for 50 items');
  const items = sent[0].body.items;
  assert.equal(items.length, 50);
  for (const item of items) {
    assert.deepEqual(item.update.metadata, { add: { reviewStatus: 'pending' } });
  }
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/projects/demo/files/byids`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
    body: JSON.stringify({ items: items.map((i) => ({ id: i.id })) }),
  });
  const records = (await res.json()).items;
  assert.equal(records.length, 50);
  for (const r of records) {
    assert.ok(
      r.labels.some((l) => l.externalId === 'NEEDS_REVIEW'),
      `${r.id} has the label`,
    );
    assert.equal(r.metadata.reviewStatus, 'pending');
  }

  // The report lists every file by name and id with its outcome.
  await toast.first().getByRole('button', { name: 'Show Report' }).click();
  await page.locator('.tabs-container .tab', { hasText: 'bulk-report.md' }).waitFor();
  const report = page.locator('.editor-instance .view-lines').first();
  await page.waitForFunction(() =>
    // Monaco renders spaces as no-break spaces.
    document
      .querySelector('.editor-instance .view-lines')
      ?.textContent?.replace(/\u00a0/g, ' ')
      .includes('| File'),
  );
  const text = (await report.innerText()).replace(/\u00a0/g, ' ');
  assert.match(text, /\| File \| Id \| Outcome \| Reason \|/);
  // A long row wraps, so the name and the id with its outcome are looked for apart.
  assert.ok(text.includes(`| ${records[0].name} |`), text);
  assert.match(text, new RegExp(`\\| ${records[0].id} \\| applied \\|`));
  await shot('23-bulk-report');

  // Undo it: the 50 files lose what the action added, and the walkthrough's bulk step has ticked.
  await runPaletteCommand(page, 'CDF Files: Undo the Last Bulk Edit');
  const undoDialog = page.locator('.monaco-dialog-box');
  await undoDialog.waitFor({ timeout: 30000 });
  assert.match(await undoDialog.innerText(), /Restore 50 files/);
  await undoDialog.getByRole('button', { name: 'Undo' }).click();
  // The result is the undo's, with its own report (the undone action is gone).
  const undone = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Undo: 50 restored of 50' });
  await undone.first().waitFor({ timeout: 30000 });
  assert.equal(await undone.first().getByRole('button', { name: 'Undo' }).count(), 0, 'no Undo of an undo');
  await undone.first().getByRole('button', { name: 'Show Report' }).click();
  await page.locator('.tabs-container .tab', { hasText: 'undo-report.md' }).waitFor({ timeout: 15000 });
  for (let i = 0; ; i++) {
    const now = await fetch(`http://127.0.0.1:${port}/api/v1/projects/demo/files/byids`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
      body: JSON.stringify({ items: items.map((it) => ({ id: it.id })) }),
    }).then((r) => r.json());
    if (now.items.every((r) => r.metadata?.reviewStatus === undefined)) break;
    assert.ok(i < 100, 'undo removed the metadata key it added');
    await page.waitForTimeout(200);
  }
  await openWalkthrough(page);
  await shot('24-walkthrough-after-undo');
  assert.ok(await walkthroughStepDone(page, 'bulkEdit'), 'walkthrough step bulkEdit');
}
