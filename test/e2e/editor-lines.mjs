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
