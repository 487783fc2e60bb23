// The product as a new user meets it: open the demo project, browse, filter, open a file, edit it
// with completion, save; an invalid edit, concurrent changes and a duplicated external id.
import assert from 'node:assert/strict';
import { demoProject, openDemo } from './demo-project.mjs';
import { editorTextMatching, selectLine } from './editor-lines.mjs';
import { openWalkthrough, runPaletteCommand, treeRow, walkthroughStepDone } from './workbench.mjs';

/** The line of a record document that shows `externalId`. */
const externalIdLine = (externalId) =>
  new RegExp(`"externalId":\\s*"${externalId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);

const demo = demoProject();
const { call } = demo;

export const name = 'demo project: browse, filter, open, edit with completion, save, conflicts, errors';
export const options = demo.options;

const updates = () => demo.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/files/update'));
const record = async (id) => (await call('/files/byids', { items: [{ id }] })).items[0];

export async function scenario({ page, shot }) {
  const editorText = () => page.locator('.editor-instance .view-lines').first().innerText();
  /** Go to the line containing `text`, select it, type over it. */
  const replaceLine = async (text, replacement) => {
    await selectLine(page, text);
    await page.keyboard.insertText(replacement);
  };
  const save = () => page.keyboard.press('Control+S');
  const dirtyTab = page.locator('.tabs-container .tab.dirty');

  // 0. The walkthrough, as VS Code opens it for a newly installed extension.
  const stepDone = (id) => walkthroughStepDone(page, id);
  await openWalkthrough(page);
  assert.equal(await stepDone('openDemo'), false);
  await runPaletteCommand(page, 'View: Close Editor');

  // 1. A new user opens the demo project from the welcome view.
  await openDemo(page);

  // 2. Expand a folder of the directory tree.
  const plant = treeRow(page, 'plant-a');
  await plant.first().click();
  await page.locator('.monaco-list-row[role="treeitem"][aria-level="2"]').first().waitFor();
  await shot('10-tree-expanded');

  // 3. Filter to PDFs from the view's title bar.
  await page.locator('.part.sidebar .action-label[aria-label^="Filter"]').first().click();
  await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'Mime type' }).first().click();
  await page.locator('.quick-input-message', { hasText: 'Mime type' }).waitFor();
  await page.keyboard.insertText('application/pdf');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'Apply' }).first().click();
  await page.locator('.part.sidebar', { hasText: 'application/pdf' }).first().waitFor();
  await page.locator('.part.sidebar .action-label[aria-label^="Group By"]').first().click();
  await page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'Flat list' }).first().click();
  const firstFile = page.locator('.monaco-list-row[role="treeitem"]').first();
  await firstFile.waitFor();
  await shot('11-filtered-flat');

  // 4. Open a file: a JSON document named after the file.
  await page.waitForTimeout(500); // the list settles after regrouping
  const fileName = (await firstFile.locator('.label-name').innerText()).trim();
  await treeRow(page, fileName).first().click();
  await page.locator('.tabs-container .tab', { hasText: `${fileName}.json` }).waitFor({ timeout: 30000 });
  let text = await editorTextMatching(page, /"id":\s*\d+/);
  await page.waitForTimeout(300); // inlay hints with the dates
  await shot('11b-record-open');
  const id = Number(/"id":\s*(\d+)/.exec(text)?.[1]);
  assert.ok(id > 0, 'the document shows the id');
  const before = await record(id);
  assert.equal(before.mimeType, 'application/pdf');

  // 5. Edit: a metadata value, a label picked from completion, and clear the source.
  const [metaKey] = Object.keys(before.metadata ?? {});
  assert.ok(metaKey, 'the demo file has metadata');
  await replaceLine(
    `"${metaKey}": `,
    `"${metaKey}": "changed in the UI",`.replace(/,$/, Object.keys(before.metadata).length > 1 ? ',' : ''),
  );
  await replaceLine('"source": ', '"source": null,');
  if (before.labels?.length) {
    await replaceLine('"labels": [', '"labels": [ { "externalId": ');
  } else {
    await replaceLine('"labels": null', '"labels": [ { "externalId": ');
  }
  await page.keyboard.press('Control+Space');
  const suggestion = page.locator('.suggest-widget .monaco-list-row').first();
  await suggestion.waitFor({ timeout: 15000 });
  await shot('12-label-completion');
  const picked = (await suggestion.locator('.label-name').innerText()).replace(/"/g, '').trim();
  await page.keyboard.press('Enter');
  await page.keyboard.insertText(before.labels?.length ? ' },' : ' } ],');
  await dirtyTab.first().waitFor();
  // A remote or browser VS Code (this one is code-server) rewrites `file` inside resourceScheme
  // conditions: Preview Update must still be offered in the editor title and the palette.
  await page.locator('.editor-actions .action-label[aria-label^="Preview Update"]').first().waitFor({ timeout: 10000 });
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>CDF Files: Preview Update');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'CDF Files: Preview Update' })
    .first()
    .waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  // The preview opens beside the record; close it and go back to the record.
  const previewTab = page.locator('.tabs-container .tab', { hasText: 'update-request.json' }).first();
  await previewTab.waitFor({ timeout: 15000 });
  await previewTab.hover();
  await previewTab.locator('.tab-actions .action-label').first().click();
  await previewTab.waitFor({ state: 'detached', timeout: 10000 });
  await page
    .getByRole('tab', { name: `${fileName}.json` })
    .first()
    .click();
  const updatesBefore = updates().length;
  await save();
  await dirtyTab.waitFor({ state: 'detached', timeout: 15000 });
  await shot('13-saved');

  // The walkthrough has followed along: the demo, a record opened, previewed, saved; then a look at
  // connecting a project of one's own (the bulk step is the bulk edit scenario's).
  await runPaletteCommand(page, 'CDF Files: Connect to CDF');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Connect' }).waitFor({ timeout: 10000 });
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
  await openWalkthrough(page);
  await shot('13b-walkthrough');
  for (const id of ['openDemo', 'openRecord', 'saveRecord', 'previewUpdate', 'connect'])
    assert.ok(await stepDone(id), `walkthrough step ${id}`);
  assert.equal(await stepDone('bulkEdit'), false, 'walkthrough step bulkEdit');
  await runPaletteCommand(page, 'View: Close Editor');
  // The walkthrough took the record's preview tab: open the record again, kept this time.
  await treeRow(page, fileName).first().dblclick();
  await page.locator('.tabs-container .tab', { hasText: `${fileName}.json` }).waitFor({ timeout: 30000 });
  const sent = updates().slice(updatesBefore);
  assert.equal(sent.length, 1, 'exactly one update request');
  const expectedLabels = before.labels?.some((l) => l.externalId === picked)
    ? undefined
    : { add: [{ externalId: picked }] };
  assert.deepEqual(sent[0].body, {
    items: [
      {
        id,
        update: {
          ...(expectedLabels ? { labels: expectedLabels } : {}),
          metadata: { add: { [metaKey]: 'changed in the UI' } },
          source: { setNull: true },
        },
      },
    ],
  });
  const after = await record(id);
  assert.equal(after.source, undefined);
  assert.equal(after.metadata[metaKey], 'changed in the UI');
  assert.ok(after.labels.some((l) => l.externalId === picked));

  // 5b. An edit the API would refuse is marked at its field while typing, before any save.
  await replaceLine('"name": ', '"name": "renamed in the UI",');
  await page.locator('.squiggly-error').first().waitFor({ timeout: 10000 });
  await runPaletteCommand(page, 'View: Toggle Problems');
  await page.locator('.markers-panel', { hasText: 'cannot rename' }).first().waitFor({ timeout: 10000 });
  await shot('13c-live-problem');
  await runPaletteCommand(page, 'View: Toggle Problems');
  await replaceLine('"name": ', `"name": ${JSON.stringify(before.name)},`);
  await page.locator('.squiggly-error').first().waitFor({ state: 'detached', timeout: 10000 });

  // 6. An invalid edit: a diagnostic at the field, nothing sent, the edit kept; the notification
  // says why in one sentence naming the file and the field (no "Unknown (FileSystemError)").
  await replaceLine('"source": ', '"source": 5,');
  await save();
  const refusal = page.locator('.notifications-toasts', { hasText: 'nothing was sent' }).first();
  await refusal.waitFor({ timeout: 15000 });
  const refusalText = await refusal.innerText();
  assert.doesNotMatch(refusalText, /FileSystemError/, refusalText);
  // One sentence naming the file and the field, as a selection says it (VS Code adds its own wrapper).
  assert.ok(refusalText.includes(`(${before.name}: source must be a string`), refusalText);
  assert.match(refusalText, /; nothing was sent\.\)/, refusalText);
  await page.locator('.squiggly-error').first().waitFor();
  await shot('14-invalid-edit');
  assert.equal(updates().length, updatesBefore + 1, 'nothing sent for the invalid edit');
  assert.ok(await dirtyTab.count(), 'still dirty');
  text = await editorText();
  assert.match(text, /"source":\s*5/);

  // 7. Someone else changes another field meanwhile: my save merges with theirs.
  await call('/files/update', { items: [{ id, update: { mimeType: { set: 'application/x-pdf-merged' } } }] });
  await replaceLine('"source": ', '"source": "UI source",');
  await save();
  await dirtyTab.waitFor({ state: 'detached', timeout: 15000 });
  const merged = await record(id);
  assert.equal(merged.source, 'UI source');
  assert.equal(merged.mimeType, 'application/x-pdf-merged', 'their change was kept');

  // 8. Someone else changes the same field: VS Code shows both versions and asks, naming both values.
  await page.waitForTimeout(500); // the document reloads the merged record
  await runPaletteCommand(page, 'Notifications: Clear All Notifications');
  await call('/files/update', { items: [{ id, update: { source: { set: 'Their source' } } }] });
  await replaceLine('"source": ', '"source": "My source",');
  const updatesBeforeConflict = updates().length;
  await save();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 15000 });
  assert.match(await dialog.innerText(), /source: Theirs "Their source", Mine "My source"/);
  await page.locator('.tabs-container .tab', { hasText: 'Theirs (in CDF now) ↔ Mine' }).first().waitFor();
  await shot('15-conflict-dialog');

  // Cancel is no error: no red "Failed to save", the edits stay unsaved, a quiet note in the status bar.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached', timeout: 10000 });
  await page.locator('.statusbar-item', { hasText: 'Save cancelled' }).first().waitFor({ timeout: 10000 });
  await page.waitForTimeout(1000);
  assert.equal(await page.locator('.notifications-toasts', { hasText: 'Failed to save' }).count(), 0);
  assert.ok(await dirtyTab.count(), 'the edits stay unsaved');
  assert.match(await editorText(), /"source":\s*"My\ssource"/); // Monaco draws spaces as U+00A0
  assert.equal(updates().length, updatesBeforeConflict, 'a cancelled save sends nothing');
  await shot('15b-conflict-cancelled');

  // Enter picks the safe answer: their value stays, and the status bar says whose value came in.
  await save();
  await dialog.waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.dirty', { hasText: fileName })
    .waitFor({ state: 'detached', timeout: 15000 });
  assert.equal((await record(id)).source, 'Their source', 'Enter did not overwrite their change');
  await page
    .locator('.statusbar-item', { hasText: "merged with someone else's change to source in CDF" })
    .first()
    .waitFor({ timeout: 10000 });
  await shot('15c-kept-theirs');

  // Use Mine overwrites their value.
  await page.waitForTimeout(500); // the document reloads their value
  await call('/files/update', { items: [{ id, update: { source: { set: 'Their source again' } } }] });
  await replaceLine('"source": ', '"source": "My source",');
  await save();
  await dialog.waitFor({ timeout: 15000 });
  await dialog.getByRole('button', { name: 'Use Mine' }).click();
  await page
    .locator('.tabs-container .tab.dirty', { hasText: fileName })
    .waitFor({ state: 'detached', timeout: 15000 });
  assert.equal((await record(id)).source, 'My source');

  // 9. A duplicated external id is reported on its line and the edit survives.
  const other = (await call('/files/list', { limit: 5, filter: { uploaded: true } })).items.find(
    (r) => r.externalId && r.id !== id,
  );
  await page.getByRole('tab', { name: `${fileName}.json`, exact: true }).click();
  await replaceLine('"externalId": ', `"externalId": "${other.externalId}",`);
  await save();
  const duplicate = page.locator('.notifications-toasts', { hasText: 'already used' }).first();
  await duplicate.waitFor({ timeout: 15000 });
  assert.doesNotMatch(await duplicate.innerText(), /FileSystemError/);
  await shot('16-duplicated-external-id');
  assert.ok(await dirtyTab.count(), 'the edit survives');
  assert.match(await editorText(), externalIdLine(other.externalId));
  await runPaletteCommand(page, 'View: Toggle Problems');
  await page.locator('.markers-panel', { hasText: 'already used' }).waitFor({ timeout: 10000 });
  await shot('17-problems-panel');

  // 10. Reload the window with the edit unsaved: VS Code restores the dirty editor, the extension
  // reconnects to the demo project, and the edit can still be fixed and saved.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(2500); // VS Code writes the backup of a dirty editor a moment after the edit
  await page.reload();
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const restored = page.locator('.tabs-container .tab.dirty', { hasText: `${fileName}.json` });
  await restored.waitFor({ timeout: 60000 });
  await restored.click();
  await editorTextMatching(page, externalIdLine(other.externalId));
  await page.locator('.statusbar-item', { hasText: 'CDF: Demo project' }).waitFor({ timeout: 30000 });
  await shot('18-restored-after-reload');
  await replaceLine('"externalId": ', `"externalId": "${before.externalId}-renamed",`);
  await save();
  await restored.waitFor({ state: 'detached', timeout: 15000 });
  assert.equal((await record(id)).externalId, `${before.externalId}-renamed`);
}
