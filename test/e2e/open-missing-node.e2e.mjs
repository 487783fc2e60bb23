// A new user types a node that is not in CDF into Open CogniteFile Node (a typo, or a node deleted
// since): the message names the node in one sentence, not VS Code's "cannot open cdf-record:/…"
// with the URI encoded twice, and no tab opens.
import assert from 'node:assert/strict';
import { demoProject, openDemo } from './demo-project.mjs';
import { runPaletteCommand } from './workbench.mjs';

const demo = demoProject();

export const name = 'demo project: Open CogniteFile Node on a node not in CDF says so in one sentence';
export const options = demo.options;

export async function scenario({ page, shot }) {
  await openDemo(page);
  await runPaletteCommand(page, 'Open CogniteFile Node');
  const input = page.locator('.quick-input-widget input');
  await input.fill('plant_a_documents:no-such-node-é');
  await page.keyboard.press('Enter');
  const toast = page.locator('.notifications-toasts .notification-toast').first();
  await toast.waitFor({ timeout: 20000 });
  await shot('open-missing-node');
  const text = await toast.innerText();
  assert.match(text, /The CogniteFile node plant_a_documents:no-such-node-é does not exist in CDF\./);
  assert.doesNotMatch(text, /cdf-record:|Unable to|%3A/);
  assert.equal(await page.locator('.tabs-container .tab').count(), 0, 'no tab opened');
}
