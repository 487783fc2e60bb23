// A new user opens a node they were sent as space:externalId from the palette (Open CogniteFile
// Node). The node's name is hostile (a slash, an RTL override, an emoji), its externalId has a colon,
// a space and a percent sign. The tab reads "[node] NAME.json" without the override; the user edits
// the name and saves with Ctrl+S: one upsert, to that node. Asking for it again focuses the same tab.
import assert from 'node:assert/strict';
import { demoProject, openDemo } from './demo-project.mjs';
import { editorTextMatching, selectLine } from './editor-lines.mjs';
import { runPaletteCommand } from './workbench.mjs';

const demo = demoProject();
const VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' };
const node = { space: 'plant_a_documents', externalId: 'ui:open by key 100%' };
const hostile = 'Pump/P-101 \u202Efdp.exe 📄';

export const name = 'demo project: Open CogniteFile Node by its key titles the tab by a hostile name, edits, saves';
export const options = demo.options;

const upserts = () => demo.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));

export async function scenario({ page, shot }) {
  await openDemo(page);
  await demo.call('/models/instances', {
    items: [{ instanceType: 'node', ...node, sources: [{ source: VIEW, properties: { name: hostile } }] }],
  });
  const openByKey = async () => {
    await runPaletteCommand(page, 'Open CogniteFile Node');
    await page.locator('.quick-input-widget input').fill(`${node.space}:${node.externalId}`);
    await page.keyboard.press('Enter');
  };
  // A key pasted with a trailing space names another node: the box says so before Enter.
  await runPaletteCommand(page, 'Open CogniteFile Node');
  await page.locator('.quick-input-widget input').fill(`${node.space}:${node.externalId} `);
  await page.locator('.quick-input-message', { hasText: 'ends with whitespace' }).waitFor({ timeout: 10000 });
  await shot('open-node-by-key-trailing-space');
  await page.keyboard.press('Escape');

  await openByKey();
  const tab = page.locator('.tabs-container .tab', { hasText: '[node] Pump_P-101 fdp.exe 📄.json' });
  await tab.waitFor({ timeout: 30000 });
  assert.doesNotMatch(await tab.innerText(), /\u202e/, 'no bidi override in the tab');
  await editorTextMatching(page, /"version"/);
  await shot('open-node-by-key-opened');

  await selectLine(page, '"name": ');
  await page.keyboard.insertText('"name": "Pump P-101.pdf",');
  await page.locator('.tabs-container .tab.dirty').waitFor();
  const before = upserts().length;
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.dirty').waitFor({ state: 'detached', timeout: 20000 });
  const sent = upserts().slice(before);
  assert.equal(sent.length, 1, 'one upsert');
  assert.deepEqual(
    sent[0].body.items.map((i) => [i.space, i.externalId, i.sources[0].properties]),
    [[node.space, node.externalId, { name: 'Pump P-101.pdf' }]],
  );
  await shot('open-node-by-key-saved');

  // Asked for again (now renamed): the one open tab is focused, no second one.
  await openByKey();
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('.tabs-container .tab').count(), 1, 'one tab');
}
