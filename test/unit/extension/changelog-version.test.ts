// The Marketplace's Changelog tab is CHANGELOG.md from the package: its first section must be the version
// the package carries, with a date (new-user walk: it opened with "## Unreleased" above "## 0.1.0").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

describe('CHANGELOG and package.json', () => {
  it("open with the packaged version and the release's date", () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const first = /^## (.+)$/m.exec(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'))?.[1]?.trim();
    assert.match(first ?? '', /^(\S+) - (\d{4}-\d{2}-\d{2})$/, `first section: "${first}"`);
    const [, heading, date] = /^(\S+) - (\S+)$/.exec(first!)!;
    assert.equal(heading, version);
    assert.ok(!Number.isNaN(Date.parse(date!)), date);
  });
});
