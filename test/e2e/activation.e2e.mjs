// A new user finds the CDF Files view in the activity bar and runs a command from the palette.
import assert from 'node:assert/strict';
import { runPaletteCommand } from './workbench.mjs';

export const name = 'activity bar view, welcome content and a palette command';

export async function scenario({ page, shot }) {
  const icon = page.locator('.activitybar .action-item a[aria-label^="CDF Files"]');
  await icon.waitFor({ timeout: 60000 });
  await icon.click();
  await page.locator('.welcome-view-content', { hasText: 'No CDF project is open' }).waitFor({ timeout: 30000 });
  await shot('01-view-welcome');

  await runPaletteCommand(page, 'CDF Files: Open the Record Document Schema');
  const tab = page.locator('.tabs-container .tab', { hasText: 'file-document.schema.json' });
  await tab.waitFor({ timeout: 30000 });
  const text = await page.locator('.editor-instance .view-lines').first().innerText();
  assert.match(text, /json-schema\.org\/draft-07/);
  await shot('02-schema-opened');
}
