// Attack (issue 12, UI): a new user opens a CogniteFile node, then "Open Linked Record" from the same
// row's menu. Two tabs open with the SAME title ("<name>.json"): the node (space, externalId, tags,
// assets as {space, externalId}) and the classic file (id, labels, metadata). VS Code can only tell
// them apart by a path suffix ("/demo/…/3064929161125274" vs "/demo/…/plant_a_documents%3Afile_…",
// the colon URL-encoded), so the user edits and saves the wrong record kind. The record URIs
// (vscode/record-uri.ts `recordUriOf`, the name segment) end in the same "<name>.json" for both kinds.
// Expected: the two tab titles differ, each saying which record kind it is.
import assert from 'node:assert/strict';
import { chooseFromContextMenu, treeRow } from './workbench.mjs';
import { openDemo } from './demo-project.mjs';

const port = 20000 + Math.floor(Math.random() * 20000);
export const name = 'a node and its linked classic file open in tabs with different titles';
export const options = { env: { CDF_FILES_DEMO_PORT: String(port) } };

export async function scenario({ page, shot }) {
  await openDemo(page);
  const section = treeRow(page, 'CogniteFile nodes').first();
  await section.waitFor({ timeout: 30000 });
  await section.click();
  await page.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').first().click();
  // A node row (its description is its externalId) directly in the first space.
  const nodeRow = page.locator('.monaco-list-row[role="treeitem"][aria-level="3"]', { hasText: 'file_' }).first();
  await nodeRow.waitFor({ timeout: 15000 });
  await nodeRow.click();
  await page.locator('.tabs-container .tab').first().waitFor({ timeout: 30000 });
  await chooseFromContextMenu(page, nodeRow, 'Open Linked Record');
  await page.locator('.tabs-container .tab').nth(1).waitFor({ timeout: 30000 });
  await shot('cognite-linked-record-tabs');
  const titles = await page.locator('.tabs-container .tab .label-name').allInnerTexts();
  assert.equal(titles.length, 2, JSON.stringify(titles));
  assert.notEqual(titles[0], titles[1], `both tabs read "${titles[0]}": which one is the node?`);
}
