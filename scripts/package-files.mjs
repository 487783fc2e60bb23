// Which files `npm run package` hands to vsce, shared with the package tests.

/**
 * The README the .vsix carries (the extension's page in VS Code and on the Marketplace): short and for
 * users; README.md at the root is the developers'. It has no image: the Marketplace web page cannot
 * resolve a relative one, and there is no public URL to point an absolute one at.
 */
export const PACKAGE_README = 'docs/marketplace-readme.md';
