// New-user walk (test-artifacts/newuser/nu5-connecting-30s.png): Add a Connection… with a base URL
// nothing answers on (a typo'd port), a token, then Connect. "Connecting to Broken…" spins for about
// 45 s with no Cancel button, then: "CDF Files: POST /api/v1/projects/myproject/files/aggregate: no
// answer from CDF (fetch failed: bad port)" (with port 9): an HTTP method and API path, and the raw
// fetch error, where a sentence saying the address did not answer (check the base URL) belongs.
import assert from 'node:assert/strict';
import net from 'node:net';
import { runPaletteCommand } from './workbench.mjs';

export const name = 'connect: an unreachable base URL fails soon or can be cancelled, in a sentence';

const closedPort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

export async function scenario({ page, shot }) {
  const port = await closedPort();
  const input = page.locator('.quick-input-widget input');
  const message = page.locator('.quick-input-message');
  await runPaletteCommand(page, 'CDF Files: Add a Connection');
  await message.filter({ hasText: 'A name for this connection' }).waitFor({ timeout: 15000 });
  // Finding 11: every step titled like the bulk wizard's, "Add a CDF Connection (n/m)".
  const title = page.locator('.quick-input-widget .quick-input-title');
  assert.equal(await title.innerText(), 'Add a CDF Connection (1/5)');
  await page.keyboard.insertText('Broken');
  await page.keyboard.press('Enter');
  await message.filter({ hasText: 'base URL' }).waitFor({ timeout: 10000 });
  await page.keyboard.insertText(`http://127.0.0.1:${port}`);
  await page.keyboard.press('Enter');
  await message.filter({ hasText: 'CDF project' }).waitFor({ timeout: 10000 });
  await page.keyboard.insertText('myproject');
  await page.keyboard.press('Enter');
  const token = page.locator('.quick-input-list .monaco-list-row:visible', { hasText: 'Token' }).first();
  await token.waitFor({ timeout: 10000 });
  assert.equal(await title.innerText(), 'Add a CDF Connection (4/5)');
  await token.click();
  await message.filter({ hasText: 'Access token' }).waitFor({ timeout: 10000 });
  assert.equal(await title.innerText(), 'Add a CDF Connection (5/5)');
  await input.fill('not-a-real-token');
  await page.keyboard.press('Enter');
  await page
    .locator('.notifications-toasts')
    .getByRole('button', { name: 'Connect' })
    .first()
    .click({ timeout: 15000 });
  const started = Date.now();
  const progress = page.locator('.notifications-toasts .notification-list-item', { hasText: 'Connecting to Broken' });
  await progress.first().waitFor({ timeout: 10000 });
  // Within 15 s the user either has an answer or a way out.
  let outcome = '';
  while (Date.now() - started < 15000) {
    if (await progress.first().getByRole('button', { name: 'Cancel' }).count()) {
      outcome = 'cancellable';
      break;
    }
    const error = page.locator('.notifications-toasts .notification-list-item', { hasText: 'CDF Files:' });
    if (await error.count()) {
      outcome = await error.first().innerText();
      break;
    }
    await page.waitForTimeout(500);
  }
  await shot('connect-unreachable');
  assert.ok(outcome, 'after 15 s: still "Connecting to Broken…", no Cancel and no answer');
  // Cancellable, and (added with the fix) an answer within seconds: one sentence naming the address,
  // saying the connection was not saved, with the explicit choice to save it anyway.
  const error = page.locator('.notifications-toasts .notification-list-item', { hasText: 'CDF Files:' });
  await error.first().waitFor({ timeout: 10000 });
  outcome = await error.first().innerText();
  assert.ok(Date.now() - started < 12000, `the answer took ${Date.now() - started} ms`);
  assert.match(outcome, new RegExp(`127\\.0\\.0\\.1:${port} refused the connection`), outcome);
  assert.match(outcome, /"Broken" is not saved/, outcome);
  assert.ok(await error.first().getByRole('button', { name: 'Save Anyway' }).count(), outcome);
  await shot('connect-unreachable-answer');
  {
    assert.doesNotMatch(outcome, /\b(POST|GET) \/api\/v1\//, outcome);
    assert.doesNotMatch(outcome, /fetch failed|ECONNREFUSED/, outcome);
  }
}
