// Finding and selecting a line of the active editor by its text, as a person would (Ctrl+G).
import assert from 'node:assert/strict';

/** The 1-based line number of the first line containing `text` (the document fits on one screen). */
export async function lineOf(page, text) {
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  // Monaco renders only what is on screen, in any DOM order: pair each rendered line with the
  // line number drawn at the same height in the gutter.
  const line = await page.evaluate((wanted) => {
    const editor = document.querySelector('.editor-instance');
    const numbers = new Map(
      [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((n) => [
        Math.round(n.parentElement.getBoundingClientRect().top),
        Number(n.textContent),
      ]),
    );
    const hit = [...editor.querySelectorAll('.view-lines .view-line')]
      .map((e) => ({ top: Math.round(e.getBoundingClientRect().top), text: e.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .find((l) => l.text.includes(wanted));
    return hit ? numbers.get(hit.top) : undefined;
  }, text);
  assert.ok(line, `a line with ${text}`);
  return line;
}

/** Goes to the line containing `text` (Ctrl+G) and selects the whole line. */
export async function selectLine(page, text) {
  const line = await lineOf(page, text);
  await page.keyboard.press('Control+G');
  await page.keyboard.insertText(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
}

/**
 * Waits until the active editor shows text matching `pattern` and returns that text. After a window
 * reload the restored editor draws its lines only once the extension has registered its file system
 * again, so one read can find it empty.
 */
export async function editorTextMatching(page, pattern, timeout = 30000) {
  const lines = page.locator('.editor-instance .view-lines').first();
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = (await lines.innerText().catch(() => '')).replace(/\u00a0/g, ' ');
    if (pattern.test(text)) return text;
    await page.waitForTimeout(250);
  }
  assert.match(text, pattern);
  return text;
}
