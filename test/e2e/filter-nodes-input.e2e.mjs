// A new user filters the CogniteFile section: a category or assets that are not space:externalId are
// refused as typed (they were dropped without a word, the filter unchanged), and "Uploaded" offers
// words, not the raw any/true/false.
import assert from 'node:assert/strict';
import { demoProject, openDemo } from './demo-project.mjs';
import { runPaletteCommand } from './workbench.mjs';

const demo = demoProject();

export const name = 'filter CogniteFile nodes: a value that names no node is refused as typed; Uploaded in words';
export const options = demo.options;

export async function scenario({ page, shot }) {
  const pick = (text) => page.locator('.quick-input-list .monaco-list-row:visible', { hasText: text }).first();
  const input = page.locator('.quick-input-widget input');
  const message = page.locator('.quick-input-message');
  const row = (label) =>
    page
      .locator('.quick-input-list .monaco-list-row:visible')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) })
      .first();
  await openDemo(page);
  await runPaletteCommand(page, 'Filter CogniteFile Nodes');

  await pick('Category (space:externalId)').click();
  await input.fill('P-101 pump');
  await message.filter({ hasText: '"P-101 pump" is not space:externalId' }).waitFor({ timeout: 5000 });
  await shot('filter-nodes-bad-category');
  await page.keyboard.press('Escape');

  await runPaletteCommand(page, 'Filter CogniteFile Nodes');
  await pick('Assets (any of').click();
  await input.fill('plant_assets:asset_a, bad space!:x');
  await message.filter({ hasText: '"bad space!:x" is not space:externalId' }).waitFor({ timeout: 5000 });
  await input.fill('plant_assets:asset_a');
  await page.waitForTimeout(300);
  assert.doesNotMatch(await message.innerText(), /is not space:externalId/);
  await page.keyboard.press('Escape');

  await row('Uploaded').click();
  await pick('Not uploaded').waitFor({ timeout: 5000 });
  const offered = (await page.locator('.quick-input-list .monaco-list-row:visible').allInnerTexts()).map((t) =>
    t.trim(),
  );
  assert.deepEqual(offered, ['Any', 'Uploaded', 'Not uploaded']);
  await pick('Not uploaded').click();
  await pick('Apply').waitFor();
  assert.match(await row('Uploaded').innerText(), /Not uploaded/);
  await shot('filter-nodes-uploaded');
}
