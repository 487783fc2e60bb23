// A new user searches file names, bulk-edits "every file the name search found" and undoes it: the
// action must change exactly the files files/search returns for that text (not the rows the tree
// happens to draw, not the whole project), say so before anything is sent, and undo must restore all.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runPaletteCommand } from './workbench.mjs';
import { openDemo } from './demo-project.mjs';

const port = 20000 + Math.floor(Math.random() * 20000);
const requestLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdf-ui-search-')), 'requests.jsonl');
const api = `http://127.0.0.1:${port}/api/v1/projects/demo`;

export const name = 'bulk edit on a name search: exactly the files the search found, then undo';
export const options = { env: { CDF_FILES_DEMO_PORT: String(port), CDF_FILES_DEMO_REQUEST_LOG: requestLog } };

const call = async (route, body) => {
  const res = await fetch(`${api}${route}`, {
    method: 'POST',
    headers: { authorization: 'Bearer demo', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 200, await res.clone().text());
  return res.json();
};
const updates = () =>
  (fs.existsSync(requestLog) ? fs.readFileSync(requestLog, 'utf8').trim().split('\n').filter(Boolean) : [])
    .map((l) => JSON.parse(l))
    .filter((r) => r.method === 'POST' && r.path.endsWith('/files/update'));

export async function scenario({ page, shot }) {
  const pick = (text) => page.locator('.quick-input-list .monaco-list-row:visible', { hasText: text }).first();
  const dialog = page.locator('.monaco-dialog-box');
  await openDemo(page);

  // Search from the view's title bar.
  const text = 'vessel datasheet';
  await page.locator('.part.sidebar .action-label[aria-label^="Search File Names"]').first().click();
  await page.locator('.quick-input-box input').waitFor();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Enter');
  await page.locator('.monaco-list-row[role="treeitem"]', { hasText: 'vessel datasheet' }).first().waitFor();
  const found = (await call('/files/search', { search: { name: text }, limit: 1000 })).items;
  assert.ok(found.length > 1, 'the search finds files');
  const count = found.length.toLocaleString('en-US');

  // The wizard offers the search's files, with their number, before anything else.
  await runPaletteCommand(page, 'CDF Files: Bulk Edit Files');
  const viewItem = pick(`Every file the name search found (${count})`);
  await viewItem.waitFor({ timeout: 30000 });
  assert.equal(
    await page.locator('.quick-input-widget .quick-input-title').innerText(),
    'Bulk Edit (1/3): Which files?',
  );
  await viewItem.click();
  await pick('Add metadata key').click();
  await page.locator('.quick-input-message', { hasText: 'Metadata key' }).waitFor();
  await page.keyboard.insertText('reviewedBy');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-message', { hasText: 'Value for' }).waitFor();
  await page.keyboard.insertText('search');
  await page.keyboard.press('Enter');
  await pick('Preview 1 operation').click();

  // The preview names the count, and the first file by name beside its id.
  await dialog.waitFor({ timeout: 30000 });
  assert.match(await dialog.innerText(), new RegExp(`${found.length} files? matched`));
  await page.locator('.tabs-container .tab', { hasText: 'bulk-preview.md' }).waitFor();
  const preview = (await page.locator('.editor-instance .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  assert.ok(preview.includes(`${found[0].name} (id ${found[0].id})`), preview);
  await shot('50-search-bulk-preview');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const result = page.locator('.notifications-toasts .notification-list-item', {
    hasText: `${found.length} applied of ${found.length}`,
  });
  await result.first().waitFor({ timeout: 30000 });

  // Exactly the files the search found were sent, each once.
  const sentIds = updates().flatMap((u) => u.body.items.map((i) => i.id));
  assert.deepEqual([...sentIds].sort(), found.map((f) => f.id).sort());
  const tagged = async () =>
    (await call('/files/list', { limit: 1000, filter: { metadata: { reviewedBy: 'search' } } })).items.length;
  assert.equal(await tagged(), found.length);

  // Undo restores every one of them.
  await result.first().getByRole('button', { name: 'Undo' }).click();
  await dialog.waitFor({ timeout: 30000 });
  await dialog.getByRole('button', { name: 'Undo', exact: true }).click();
  for (let i = 0; i < 60 && (await tagged()); i++) await page.waitForTimeout(250);
  assert.equal(await tagged(), 0, 'undo restored every file');
  await shot('51-search-bulk-undone');
}
