// A real VS Code (code-server) with this extension under development, driven by Playwright in Debian's
// Chromium, the way a person uses it. Shared by the UI scenarios.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CODE_SERVER, startCodeServer, launchBrowser } from '../../scripts/vscode-harness/harness.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = process.env.SHOTS || path.join(ROOT, 'test-artifacts', 'e2e');

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Installs a .vsix into the extensions folder a workbench under `root` uses, as a user would. */
function installVsix(root, vsix) {
  const r = spawnSync(CODE_SERVER, ['--extensions-dir', path.join(root, 'extensions'), '--install-extension', vsix], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CONFIG_HOME: path.join(root, 'xdg-config') },
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * Starts code-server + Chromium and opens the workbench with the extension loaded from ROOT, or,
 * with `installVsix`, with that package installed instead (no development folder at all).
 */
export async function openWorkbench({ env = {}, settings = {}, installVsix: vsix } = {}) {
  const port = await freePort();
  const root = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'cdf-ui-'));
  if (vsix) installVsix(root, vsix);
  const ws = path.join(root, 'ws');
  fs.mkdirSync(ws, { recursive: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  // Monaco's auto-closing doubles quotes and brackets typed by Playwright; turn it off for exact text.
  const editorSettings = {
    'editor.autoClosingQuotes': 'never',
    'editor.autoClosingBrackets': 'never',
    'editor.autoSurround': 'never',
    'editor.autoIndent': 'none',
    'editor.formatOnType': false,
    ...settings,
  };
  const cs = await startCodeServer({ port, root, env, settings: editorSettings });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const payload = encodeURIComponent(
    JSON.stringify([
      ...(vsix ? [] : [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${ROOT}`]]),
      ['skipWelcome', 'true'],
    ]),
  );
  await page.goto(`${cs.url}?folder=${encodeURIComponent(ws)}&payload=${payload}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
  const close = async (keep) => {
    await browser.close().catch(() => {});
    await cs.stop();
    if (!keep) fs.rmSync(root, { recursive: true, force: true });
  };
  return { page, root, close, shot: (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) }) };
}

/** Runs a palette command by its title, as a person would (F1, type, Enter). */
export async function runPaletteCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  // A quick pick that is still closing (a row was just clicked) looks visible for a moment, and a
  // loaded machine can swallow an F1 while focus moves between parts: wait for any closing picker to
  // go, then press F1 and type, and try again if the palette vanished in between.
  for (let attempt = 1; ; attempt++) {
    await input.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ timeout: 4000 });
      await input.fill(`>${title}`, { timeout: 4000 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
      break;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await page.keyboard.press('Enter');
}

export const treeRow = (page, text) => page.locator('.monaco-list-row[role="treeitem"]').filter({ hasText: text });

/** Opens the Get Started with CDF Files walkthrough (as VS Code does for a newly installed extension). */
export async function openWalkthrough(page) {
  await runPaletteCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with CDF Files' }).first().click();
  await page.locator('.getting-started-step').first().waitFor({ timeout: 15000 });
}

/** Whether the walkthrough (open) shows step `id` as done. */
export async function walkthroughStepDone(page, id) {
  return (await page.locator(`.getting-started-step[data-step-id$="#${id}"]`).getAttribute('aria-checked')) === 'true';
}

/**
 * Right-clicks `row` and chooses the context-menu entry named `label`. The entry is hovered (it takes
 * the focus), then chosen with Enter, as a keyboard user would: a click landing right after the menu
 * opened can be swallowed by the workbench (the menu stays open with the entry highlighted).
 */
export async function chooseFromContextMenu(page, row, label) {
  await row.click({ button: 'right' });
  const entry = page.getByRole('menuitem', { name: label });
  await entry.hover();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await entry.waitFor({ state: 'hidden', timeout: 5000 });
}
