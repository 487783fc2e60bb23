// New-user walk: after Search File Names… "pump" the tree shows the hits, but nothing in the view
// says a search is on (test-artifacts/e2e/05-search-results.png: the header reads "CDF FILES: FILES").
// The extension sets the TreeView's description, which VS Code does not draw when the view's title
// is merged into its container's title (the Files view is the container's only view). The user
// cannot tell the tree is partial, nor what it was searched for. (The text 'search "pump"' is in the
// DOM, in the hidden pane header, with a width of 0.)
import assert from 'node:assert/strict';
import { openDemo } from './demo-project.mjs';

const port = 20000 + Math.floor(Math.random() * 20000);
export const name = 'search: the Files view shows what it is searched for';
export const options = { env: { CDF_FILES_DEMO_PORT: String(port) } };

export async function scenario({ page, shot }) {
  await openDemo(page);
  await page.locator('.part.sidebar .action-label[aria-label^="Search"]').first().click();
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.insertText('pump');
  await page.keyboard.press('Enter');
  await page.locator('.part.sidebar .action-label[aria-label^="Clear Filter"]').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(1000);
  await shot('search-visible');
  // Anywhere but the rows (whose names contain "pump" anyway), and on screen: the text may sit in the
  // title's DOM yet be clipped to nothing by the narrow sidebar and the title's seven actions.
  const seen = await page.evaluate(() => {
    const out = [];
    const sidebar = document.querySelector('.part.sidebar');
    const actions = sidebar.querySelector('.composite.title .title-actions, .composite.title .actions-container');
    const limit = actions ? actions.getBoundingClientRect().left : sidebar.getBoundingClientRect().right;
    for (const el of sidebar.querySelectorAll(
      '.composite.title *, .pane-header *, .tree-explorer-viewlet-tree-view .message',
    )) {
      if (el.children.length || !/pump/i.test(el.textContent)) continue;
      const r = el.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      // Visible: has a box, and the word is not pushed past the clipping edge.
      const clip = el.closest('.title-label, .composite.title .title') ?? el.parentElement;
      // The title's actions clip only the title row; the message line below spans the view's width.
      const inTitleRow = !!el.closest('.composite.title, .pane-header');
      const clipRight = Math.min(clip.getBoundingClientRect().right, inTitleRow ? limit : Infinity);
      out.push({
        text: el.textContent,
        width: r.width,
        visibleWidth: Math.max(0, Math.min(text.right, clipRight) - text.left),
        full: text.width,
      });
    }
    return out;
  });
  const visible = seen.filter((s) => s.visibleWidth >= s.full - 1 && s.full > 0);
  assert.ok(
    visible.length,
    `the view says, visibly, it is searched for "pump"; in its header: ${JSON.stringify(seen)}`,
  );
}
