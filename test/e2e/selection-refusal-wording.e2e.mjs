// New-user walk (issue 11/13): Edit Selection as JSON, a bad value, Save and Preview Update.
// Seen (test-artifacts/e2e/12-selection-bad-save.png, 16-log.png):
//  - the refusal reads "Failed to save '3 files.json': Unable to write file
//    'cdf-record:/demo/selection/mx9i7kc9-12nqsk/3 files.json' (Not saved: 1 problem in the selection
//    ([1].source); nothing was sent.)": an internal URI with a random id, and a 0-based "[1]" that
//    names neither the file nor the record the user sees (a record says "(source)");
//  - Preview Update on the same document says only "CDF Files: 1 problem: nothing would be sent"
//    (no field), and Show Log prints it as an [error] with a full extension-host stack trace.
import assert from 'node:assert/strict';
import { runPaletteCommand } from './workbench.mjs';
import { openDemo } from './demo-project.mjs';

const port = 20000 + Math.floor(Math.random() * 20000);
export const name = 'selection: a refused save and a refused preview read as one clean sentence naming the file';
export const options = { env: { CDF_FILES_DEMO_PORT: String(port) } };

export async function scenario({ page, shot }) {
  const pick = (text) => page.locator('.quick-input-list .monaco-list-row:visible', { hasText: text }).first();
  const toasts = () =>
    page
      .locator('.notifications-toasts')
      .innerText()
      .catch(() => '');
  await openDemo(page);
  await page.locator('.part.sidebar .action-label[aria-label^="Group By"]').first().click();
  await pick('Flat list').click();
  await page.waitForTimeout(800);
  const rows = page.locator('.monaco-list-row[role="treeitem"]');
  await rows.first().click();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  const second = (await rows.nth(1).locator('.label-name').innerText()).trim();
  await runPaletteCommand(page, 'CDF Files: Edit Selection as JSON');
  await page.locator('.tabs-container .tab', { hasText: '3 files.json' }).waitFor({ timeout: 30000 });
  // The second record's source gets a number.
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+F');
  await page.keyboard.insertText('"source": ');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText('"source": 5,');
  await page.locator('.squiggly-error, .squiggly-warning').first().waitFor({ timeout: 10000 });

  await runPaletteCommand(page, 'CDF Files: Preview Update');
  const previewRefusal = page.locator('.notifications-toasts', { hasText: 'nothing would be sent' }).first();
  await previewRefusal.waitFor({ timeout: 15000 });
  const previewText = await previewRefusal.innerText();
  await runPaletteCommand(page, 'Notifications: Clear All Notifications');

  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+S');
  const refusal = page.locator('.notifications-toasts', { hasText: 'nothing was sent' }).first();
  await refusal.waitFor({ timeout: 15000 });
  const text = await refusal.innerText();
  await shot('selection-refusal');

  await runPaletteCommand(page, 'CDF Files: Show Log');
  await page.locator('.output-view, .panel .monaco-editor').first().waitFor({ timeout: 10000 });
  await page.waitForTimeout(1000);
  const log = (await page.locator('.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  await shot('selection-refusal-log');

  const problems = [];
  // VS Code 1.100 wraps every error a FileSystemProvider's writeFile throws as "Unable to write file
  // '<uri>' (<error>)" (workbench file service; no FileSystemError kind escapes it), so the URI is
  // VS Code's; the sentence in the parentheses is ours and must not add one.
  const ours = /\(([^]*)\)\s*$/.exec(text)?.[1] ?? text;
  if (/cdf-record:/.test(ours)) problems.push(`the save refusal shows an internal URI: ${ours}`);
  if (/\[\d+\]\./.test(text)) problems.push(`the save refusal names a record by a 0-based index: ${text}`);
  if (!ours.includes('source')) problems.push(`the save refusal does not name the field: ${ours}`);
  if (!ours.startsWith(`${second}: `)) problems.push(`the save refusal does not name the file: ${ours}`);
  if (!previewText.includes('source'))
    problems.push(`Preview Update's refusal does not name the field: ${previewText}`);
  if (!previewText.includes(`${second}: `))
    problems.push(`Preview Update's refusal does not name the file: ${previewText}`);
  if (/\n\s*at \S+ \(/.test(log)) problems.push('Show Log prints a refused preview as an error with a stack trace');
  assert.deepEqual(problems, []);
}
