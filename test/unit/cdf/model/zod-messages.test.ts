// The model uses `zod/mini`, which has no messages of its own: without the English locale a user reads
// "Invalid input" where they read "Invalid input: expected string, received number". In this test
// process the full `zod` (loaded by other modules) would set the locale anyway, so the check runs in a
// fresh Node process that loads only the model and the client's item check, as the extension bundle does.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');

const PROBE = `
const { fileRecord } = require('./src/cdf/model');
const { invalidItemReason } = require('./src/cdf/client/update/invalid-item');
const loadedFullZod = Object.keys(require.cache).some((f) => /[\\\\/]zod[\\\\/]v4[\\\\/]classic[\\\\/]/.test(f));
const issue = fileRecord.safeParse({ id: 1, name: 7, uploaded: false, createdTime: 0, lastUpdatedTime: 0 }).error.issues[0];
process.stdout.write(JSON.stringify({
  loadedFullZod,
  response: issue.path.join('.') + ': ' + issue.message,
  item: invalidItemReason({ id: 1, update: { source: { set: 5 } } }),
}));
`;

describe('zod messages with zod/mini alone', () => {
  it('API response and update-item problems keep zod’s English messages', function () {
    this.timeout(30_000);
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', PROBE], { cwd: root, encoding: 'utf8' });
    const result = JSON.parse(out) as { loadedFullZod: boolean; response: string; item: string };
    assert.equal(result.loadedFullZod, false, 'the probe must not load the full zod, which sets the locale itself');
    assert.equal(result.response, 'name: Invalid input: expected string, received number');
    assert.equal(result.item, 'update.source.set: Invalid input: expected string, received number');
  });
});
