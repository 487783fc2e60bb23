// A new user edits a file in CDF data modeling: open the demo, expand the CogniteFile nodes section,
// open a node, rename it, add a tag, link an asset picked from completion, save with Ctrl+S. The
// emulator must have received exactly one upsert with exactly those properties and the opened version.
import assert from 'node:assert/strict';
import { demoProject, openDemo } from './demo-project.mjs';
import { selectLine as selectEditorLine } from './editor-lines.mjs';
import { runPaletteCommand, treeRow } from './workbench.mjs';

const demo = demoProject();
const { call } = demo;
const VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteFile', version: 'v1' };
const ASSET_VIEW = { type: 'view', space: 'cdf_cdm', externalId: 'CogniteAsset', version: 'v1' };

export const name = 'demo project: open a CogniteFile node, rename, tag, link an asset by completion, save';
export const options = demo.options;

const upserts = () => demo.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/models/instances'));
const fileNode = async (space, externalId) =>
  (
    await call('/models/instances/byids', {
      items: [{ instanceType: 'node', space, externalId }],
      sources: [{ source: VIEW }],
    })
  ).items[0];
const valuesOf = (node, view = VIEW) => node.properties?.[view.space]?.[`${view.externalId}/${view.version}`] ?? {};
const key = (r) => `${r.space}:${r.externalId}`;

export async function scenario({ page, shot }) {
  const editorText = () => page.locator('.editor-instance .view-lines').first().innerText();
  const selectLine = (text) => selectEditorLine(page, text);
  const dirtyTab = page.locator('.tabs-container .tab.dirty');

  // 1. A new user opens the demo project from the welcome view.
  await openDemo(page);

  // 2. Expand the CogniteFile nodes section, a space in it, and list its nodes flat.
  const section = treeRow(page, 'CogniteFile nodes').first();
  await section.waitFor({ timeout: 30000 });
  await section.click();
  const space = page.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').first();
  await space.waitFor({ timeout: 15000 });
  await runPaletteCommand(page, 'Group CogniteFile Nodes By');
  await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'Flat list' }).first().click();
  await page.waitForTimeout(500); // the section regroups
  const spaceRow = page.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').first();
  const spaceName = (await spaceRow.locator('.label-name').innerText()).trim();
  if ((await spaceRow.getAttribute('aria-expanded')) !== 'true') await spaceRow.click();
  const nodeRow = page.locator('.monaco-list-row[role="treeitem"][aria-level="3"]').first();
  await nodeRow.waitFor({ timeout: 15000 });
  await shot('30-node-section');

  // 3. Open a node: a JSON document named after it.
  const nodeName = (await nodeRow.locator('.label-name').innerText()).trim();
  const externalId = (await nodeRow.locator('.label-description').innerText()).trim();
  const before = await fileNode(spaceName, externalId);
  assert.ok(before, `the node ${spaceName}:${externalId} is in the emulator`);
  await nodeRow.click();
  await page.locator('.tabs-container .tab', { hasText: `${nodeName}.json` }).waitFor({ timeout: 30000 });
  await page.locator('.editor-instance .view-lines').first().click();
  await page.waitForFunction(() =>
    document.querySelector('.editor-instance .view-lines')?.textContent.includes('"version"'),
  );
  const opened = valuesOf(before);
  assert.match(await editorText(), new RegExp(`"version":\\s*${before.version}`));

  // 4. Rename; add a tag; start an asset reference by typing its name, and pick it from completion.
  const assets = (
    await call('/models/instances/list', {
      instanceType: 'node',
      sources: [{ source: ASSET_VIEW }],
      filter: { hasData: [ASSET_VIEW] },
      limit: 1000,
    })
  ).items;
  const linked = new Set((opened.assets ?? []).map(key));
  // An asset whose name is no part of another's, so typing it leaves one obvious suggestion.
  const named = assets.filter((a) => typeof valuesOf(a, ASSET_VIEW).name === 'string');
  const nameOf = (a) => valuesOf(a, ASSET_VIEW).name;
  const asset = named.find((a) => !linked.has(key(a)) && !named.some((b) => b !== a && nameOf(b).includes(nameOf(a))));
  assert.ok(asset, 'the demo has an asset node this file is not linked to');
  const assetName = valuesOf(asset, ASSET_VIEW).name;
  const newName = `${nodeName} (renamed in the UI)`;

  await selectLine('"name": ');
  await page.keyboard.insertText(`"name": ${JSON.stringify(newName)},`);
  await selectLine('"tags": ');
  await page.keyboard.insertText(opened.tags?.length ? '"tags": [ "ui-tag",' : '"tags": [ "ui-tag" ],');
  await selectLine('"assets": ');
  await page.keyboard.insertText(`"assets": [ ${JSON.stringify(assetName)}`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Control+Space');
  const escaped = assetName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const suggestion = page
    .locator('.suggest-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escaped}$`) }) })
    .first();
  await suggestion.waitFor({ timeout: 20000 });
  await shot('31-asset-completion');
  await suggestion.click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(opened.assets?.length ? ',' : ' ],');
  await page.keyboard.press('Escape'); // a typed comma asks for completion again
  await dirtyTab.first().waitFor();
  assert.match(
    await editorText(),
    new RegExp(`"externalId":\\s*"${asset.externalId}"`),
    'the picked asset is inserted',
  );
  await page.waitForTimeout(1500); // live validation settles
  assert.equal(await page.locator('.squiggly-error').count(), 0, 'the edited document is valid');

  // 5. Save with Ctrl+S: one upsert with exactly the three changed properties and the opened version.
  const upsertsBefore = upserts().length;
  await page.keyboard.press('Control+S');
  await dirtyTab.waitFor({ state: 'detached', timeout: 20000 });
  await shot('32-node-saved');
  const sent = upserts().slice(upsertsBefore);
  assert.equal(sent.length, 1, 'exactly one upsert');
  const [item, ...others] = sent[0].body.items;
  assert.equal(others.length, 0, 'one node in the upsert');
  assert.equal(sent[0].body.autoCreateDirectRelations, false);
  assert.deepEqual(
    { ...item, sources: undefined },
    { instanceType: 'node', space: spaceName, externalId, existingVersion: before.version, sources: undefined },
  );
  assert.deepEqual(
    item.sources.map((s) => s.source),
    [VIEW],
  );
  const properties = item.sources[0].properties;
  assert.deepEqual(Object.keys(properties).sort(), ['assets', 'name', 'tags']);
  assert.equal(properties.name, newName);
  assert.deepEqual([...properties.tags].sort(), [...(opened.tags ?? []), 'ui-tag'].sort());
  assert.deepEqual(
    properties.assets.map(key).sort(),
    [...(opened.assets ?? []), { space: asset.space, externalId: asset.externalId }].map(key).sort(),
  );
  const after = await fileNode(spaceName, externalId);
  assert.equal(after.version, before.version + 1);
  assert.equal(valuesOf(after).name, newName);
  // The document is clean and shows what CDF now holds.
  assert.equal(await dirtyTab.count(), 0, 'the document is clean');
  await page.waitForFunction(
    (v) =>
      document
        .querySelector('.editor-instance .view-lines')
        ?.textContent.replace(/\u00a0/g, ' ')
        .includes(`"version": ${v}`),
    after.version,
    { timeout: 10000 },
  );
}
