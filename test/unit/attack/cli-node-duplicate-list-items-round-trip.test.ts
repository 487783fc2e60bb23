// Attack (issue 12): data modeling lists are ordered lists, and CDF accepts repeated items in a text
// list (tags, aliases); any other client (the SDKs, Toolkit, a migration) may have written them. The
// CLI's promise is "render, edit, diff": `render` of such a node prints a document that `diff` of the
// same node then refuses ("tags[1] repeats the label ..."), although the edit (a rename) never
// touched the lists. The same rule stops the editor's save of any such node. Expected: a rename of a
// node with repeated tags/aliases gives the upsert of `name` alone (exit 0).
import assert from 'node:assert/strict';
import { main, type CliIo } from '../../../src/cli/cli';

function run(argv: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => {
      if (!(p in files)) throw new Error(`no ${p}`);
      return files[p]!;
    },
  };
  const status = main(argv, io);
  return { status, stdout, stderr };
}

const node = {
  instanceType: 'node',
  space: 'plant_a',
  externalId: 'doc:with:colons',
  version: 4,
  createdTime: 1_700_000_000_000,
  lastUpdatedTime: 1_700_000_100_000,
  properties: {
    cdf_cdm: { 'CogniteFile/v1': { name: 'old.pdf', tags: ['P&ID', 'P&ID', 'rev B'], aliases: ['A-1', 'A-1'] } },
  },
};

describe('attack: CLI render then diff of a node whose lists repeat an item', () => {
  it('a rename of the rendered document diffs to an upsert of name alone', () => {
    const original = JSON.stringify(node);
    const rendered = run(['render', '--kind', 'cognite-file', 'o.json'], { 'o.json': original });
    assert.equal(rendered.status, 0, rendered.stderr);
    const doc = JSON.parse(rendered.stdout) as Record<string, unknown>;
    assert.deepEqual(doc.tags, ['P&ID', 'P&ID', 'rev B'], 'the document shows the list as CDF holds it');
    const edited = JSON.stringify({ ...doc, name: 'new.pdf' }, null, 2);
    const diff = run(['diff', '--kind', 'cognite-file', 'o.json', 'e.json'], { 'o.json': original, 'e.json': edited });
    assert.equal(diff.status, 0, `diff refused the untouched lists:\n${diff.stderr}`);
    const body = JSON.parse(diff.stdout) as { items: { sources: { properties: object }[] }[] };
    assert.deepEqual(body.items[0]!.sources[0]!.properties, { name: 'new.pdf' });
  });
});
