// New-user walk (test-artifacts/newuser/nu4-02-walkthrough-preview-step.png, nu4-03-...png):
//  1. The walkthrough's "Preview an update" step offers a Preview Update button. Clicked before a
//     record is open (the walkthrough itself is the active editor), it answers with a red error
//     "CDF Files: Open a CDF file record first." (and an [error] with a stack in the log) instead of
//     saying what to do, or opening a record; and the step ticks itself as done all the same.
//  2. Preview Update opens the request beside the record; the user keeps editing (the walkthrough
//     says "With unsaved changes, Preview Update … shows the exact request body"), but the open
//     preview stays a snapshot: a second edit (directory) is missing from it, with no sign it is stale.
import assert from 'node:assert/strict';
import { openDemo } from './demo-project.mjs';
import { openWalkthrough, runPaletteCommand, walkthroughStepDone } from './workbench.mjs';

const port = 20000 + Math.floor(Math.random() * 20000);
export const name =
  'Preview Update: the walkthrough button before a record is open, and the preview after another edit';
export const options = { env: { CDF_FILES_DEMO_PORT: String(port) } };

export async function scenario({ page, shot }) {
  const problems = [];
  await openWalkthrough(page);
  await page.locator('.getting-started-step', { hasText: 'Preview an update' }).first().click();
  // The extension may still be activating: a click then runs the command only once it is ready.
  await page.waitForFunction(
    () => !document.querySelector('.statusbar')?.textContent?.includes('Activating Extensions'),
    null,
    { timeout: 30000 },
  );
  await page.getByRole('button', { name: 'Preview Update' }).first().click();
  await page
    .locator('.notifications-toasts .notification-list-item')
    .first()
    .waitFor({ timeout: 10000 })
    .catch(() => {});
  await page.waitForTimeout(1000);
  const errors = await page
    .locator('.notifications-toasts .notification-list-item')
    .filter({ has: page.locator('.codicon-error') })
    .allInnerTexts();
  await shot('preview-from-walkthrough');
  if (await walkthroughStepDone(page, 'previewUpdate'))
    problems.push('the walkthrough ticks "Preview an update" although no preview was shown');
  if (errors.length) problems.push(`the walkthrough's Preview Update button shows an error: ${errors.join(' / ')}`);
  await runPaletteCommand(page, 'Notifications: Clear All Notifications');
  await runPaletteCommand(page, 'View: Close Editor');

  await openDemo(page);
  await page.locator('.part.sidebar .action-label[aria-label^="Group By"]').first().click();
  await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'Flat list' }).first().click();
  await page.waitForTimeout(1000);
  const first = page.locator('.monaco-list-row[role="treeitem"]').first();
  const fileName = (await first.locator('.label-name').innerText()).trim();
  await first.dblclick();
  await page.locator('.tabs-container .tab', { hasText: `${fileName}.json` }).waitFor({ timeout: 30000 });
  const replaceLine = async (find, repl) => {
    await page.locator('.editor-instance .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+F');
    await page.keyboard.insertText(find);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.insertText(repl);
  };
  await replaceLine('"source": ', '"source": "A",');
  await runPaletteCommand(page, 'CDF Files: Preview Update');
  await page.locator('.tab', { hasText: 'update-request.json' }).first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(500);
  await page.locator('.editor-group-container').first().locator('.view-lines').first().click();
  await replaceLine('"directory": ', '"directory": "/moved",');
  await page.waitForTimeout(2500);
  await shot('preview-after-second-edit');
  const panes = (await page.locator('.editor-instance .view-lines').allInnerTexts()).map((t) =>
    t.replace(/\u00a0/g, ' '),
  );
  const preview = panes.find((t) => t.includes('"items"')) ?? '';
  if (!preview.includes('directory'))
    problems.push(`the open preview still shows only the first edit: ${preview.replace(/\s+/g, ' ')}`);
  assert.deepEqual(problems, []);
}
