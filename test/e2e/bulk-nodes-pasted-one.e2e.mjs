// A new user bulk-edits one node pasted as space:externalId from the palette: the wizard's next step
// names "1 listed CogniteFile node", not "1 listed CogniteFile nodes".
import assert from 'node:assert/strict';
import { demoProject, openDemo } from './demo-project.mjs';
import { runPaletteCommand } from './workbench.mjs';

const demo = demoProject();

export const name = 'bulk edit nodes: one pasted node is named in the singular';
export const options = demo.options;

export async function scenario({ page, shot }) {
  const pick = (text) => page.locator('.quick-input-list .monaco-list-row:visible', { hasText: text }).first();
  const title = page.locator('.quick-input-widget .quick-input-title');
  await openDemo(page);
  await runPaletteCommand(page, 'Bulk Edit CogniteFile Nodes');
  await pick('paste').click();
  await page.locator('.quick-input-widget input').fill('plant_a_documents:file_A20_PID_0016');
  await page.keyboard.press('Enter');
  await pick('Add tags').waitFor({ timeout: 15000 });
  await shot('bulk-nodes-pasted-one');
  assert.equal((await title.innerText()).trim(), 'Bulk Edit (2/3): 1 listed CogniteFile node');
}
