// A new user tags every CogniteFile node of a space at once: open the demo, right-click the space's
// group in the CogniteFile section, "Bulk Edit CogniteFile Nodes…", add a tag, read the preview,
// confirm, see the result and its report, then undo from the palette. The emulator must have received
// every node of the group, each with the version it was read at (`existingVersion`), and after the
// undo every node holds the tags it had before.
import assert from 'node:assert/strict';
import { demoProject, openDemo } from './demo-project.mjs';
import { chooseFromContextMenu, runPaletteCommand, treeRow } from './workbench.mjs';

const demo = demoProject();
const VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' };
const TAG = 'ui-bulk-tag';

export const name = 'bulk edit nodes: a space group of CogniteFile nodes gets a tag, then undo';
export const options = demo.options;

const upserts = () => demo.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
const key = (r) => `${r.space}:${r.externalId}`;
const tagsOf = (node) => node.properties?.[VIEW.space]?.[`${VIEW.externalId}/${VIEW.version}`]?.tags ?? [];
/** Every CogniteFile node of a space, as another client reads them (a demo space holds < 1000). */
const nodesOf = async (space) => {
  const { items, nextCursor } = await demo.call('/models/instances/list', {
    instanceType: 'node',
    sources: [{ source: VIEW }],
    filter: { and: [{ hasData: [VIEW] }, { equals: { property: ['node', 'space'], value: space } }] },
    limit: 1000,
  });
  assert.equal(nextCursor ?? null, null, 'one page holds the space');
  return new Map(items.map((n) => [key(n), n]));
};

export async function scenario({ page, shot }) {
  const pick = (text) => page.locator('.quick-input-list .monaco-list-row:visible', { hasText: text }).first();
  const toasts = page.locator('.notifications-toasts .notification-list-item');

  // 1. Open the demo; expand the CogniteFile section: its groups are the spaces.
  await openDemo(page);
  const section = treeRow(page, 'CogniteFile nodes').first();
  await section.waitFor({ timeout: 30000 });
  await section.click();
  const spaceRow = page.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').first();
  await spaceRow.waitFor({ timeout: 15000 });
  const space = (await spaceRow.locator('.label-name').innerText()).trim();
  const before = await nodesOf(space);
  const n = before.size;
  assert.ok(n > 1, `the demo space ${space} has CogniteFile nodes`);

  // 2. Right-click the space's group: the bulk edit of CogniteFile nodes, on every node of the group.
  await chooseFromContextMenu(page, spaceRow, /Bulk Edit CogniteFile Nodes/);
  await pick('Add tags').waitFor({ timeout: 30000 });
  assert.match(await page.locator('.quick-input-widget .quick-input-title').innerText(), new RegExp(space));
  await shot('40-node-bulk-operations');
  await pick('Add tags').click();
  await page.locator('.quick-input-message', { hasText: 'separated by commas' }).waitFor();
  await page.keyboard.insertText(TAG);
  await page.keyboard.press('Enter');
  await pick('Preview 1 operation…').click();
  // Reading the group counts CogniteFile nodes (the notification stays up at least 800 ms).
  const reading = toasts.filter({ hasText: `Reading ${space}` });
  await reading
    .filter({ hasText: `${n} CogniteFile nodes read` })
    .first()
    .waitFor({ timeout: 30000 });
  assert.doesNotMatch(await reading.first().innerText(), /\bfiles read\b/);

  // 3. The preview and the question, in the kind's words; confirm.
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 30000 });
  assert.match(await dialog.innerText(), new RegExp(`Change ${n} CogniteFile nodes in 1 request\\?`));
  await page.locator('.tabs-container .tab', { hasText: 'bulk-preview.md' }).waitFor();
  await shot('41-node-bulk-preview');
  const sentBefore = upserts().length;
  await dialog.getByRole('button', { name: 'Apply' }).click();

  // 4. The result counts CogniteFile nodes; the progress notification has gone when it shows.
  const result = toasts.filter({ hasText: `Bulk edit: ${n} applied of ${n} CogniteFile nodes in 1 request` });
  await result.first().waitFor({ timeout: 60000 });
  await shot('42-node-bulk-applied');
  assert.equal(await toasts.filter({ hasText: `${space} (` }).count(), 0, 'the progress notification is closed');

  // 5. Every node of the group was sent once, at the version it was read at, with the tag added.
  const items = upserts()
    .slice(sentBefore)
    .flatMap((r) => r.body.items);
  assert.deepEqual(items.map(key).sort(), [...before.keys()].sort(), 'every node of the group, once');
  for (const item of items) {
    const was = before.get(key(item));
    assert.equal(item.existingVersion, was.version, `${key(item)} is sent with the version it was read at`);
    assert.deepEqual(Object.keys(item.sources[0].properties), ['tags'], `${key(item)}: only the tags are sent`);
    assert.deepEqual([...item.sources[0].properties.tags].sort(), [...tagsOf(was), TAG].sort(), key(item));
  }
  const tagged = await nodesOf(space);
  for (const [k, node] of tagged) {
    assert.ok(tagsOf(node).includes(TAG), `${k} has the tag`);
    assert.equal(node.version, before.get(k).version + 1, `${k} changed once`);
  }

  // 6. The report names each node by its key, in a table headed by the kind.
  await result.first().getByRole('button', { name: 'Show Report' }).click();
  await page.locator('.tabs-container .tab', { hasText: 'bulk-report.md' }).waitFor({ timeout: 15000 });
  const reportText = () =>
    page.evaluate(() => document.querySelector('.editor-instance .view-lines')?.textContent?.replace(/\u00a0/g, ' '));
  await page.waitForFunction(() =>
    document
      .querySelector('.editor-instance .view-lines')
      ?.textContent?.replace(/\u00a0/g, ' ')
      .includes('| CogniteFile node | space:externalId | Outcome | Reason |'),
  );
  const report = await reportText();
  assert.ok(report.includes(`${n} applied of ${n} CogniteFile nodes in 1 request`), report);
  assert.match(report, new RegExp(`\\| ${space}:\\S+ \\| applied \\|`), report);
  await shot('43-node-bulk-report');

  // 7. Undo from the palette: every node holds its tags as before, written at the version the action left.
  const undoSentBefore = upserts().length;
  await runPaletteCommand(page, 'CDF Files: Undo the Last Bulk Edit');
  const undoDialog = page.locator('.monaco-dialog-box');
  await undoDialog.waitFor({ timeout: 30000 });
  assert.match(await undoDialog.innerText(), new RegExp(`Restore ${n} CogniteFile nodes`));
  await undoDialog.getByRole('button', { name: 'Undo' }).click();
  await toasts
    .filter({ hasText: `Undo: ${n} restored of ${n} CogniteFile nodes` })
    .first()
    .waitFor({ timeout: 60000 });
  await shot('44-node-bulk-undone');
  const undoItems = upserts()
    .slice(undoSentBefore)
    .flatMap((r) => r.body.items);
  assert.deepEqual(undoItems.map(key).sort(), [...before.keys()].sort(), 'the undo writes every node once');
  for (const item of undoItems)
    assert.equal(item.existingVersion, tagged.get(key(item)).version, `${key(item)}: undo names the version`);
  const after = await nodesOf(space);
  for (const [k, node] of after) assert.deepEqual(tagsOf(node), tagsOf(before.get(k)), `${k} has its tags back`);
}
