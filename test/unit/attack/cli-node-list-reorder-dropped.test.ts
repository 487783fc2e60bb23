// Attack (issue 12): a data modeling list property is an ordered list written whole ("List properties
// (tags, aliases, assets) are whole values in this API"). A document that only reorders a node's
// aliases (or assets) is a change of that value, but `diff --kind cognite-file` prints no item, and
// the editor's save of the same text says "unchanged" (the text-list field kind compares as a set):
// the user's edit is dropped silently and the document reloads in CDF's order. Expected: the upsert
// item with the list in the document's order.
import assert from 'node:assert/strict';
import { main, type CliIo } from '../../../src/cli/cli';

function run(argv: string[], files: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readFile: (p) => files[p]!,
  };
  return { status: main(argv, io), stdout, stderr };
}

const node = {
  instanceType: 'node',
  space: 'plant_a',
  externalId: 'doc-1',
  version: 2,
  createdTime: 1_700_000_000_000,
  lastUpdatedTime: 1_700_000_100_000,
  properties: {
    cdf_cdm: {
      'CogniteFile/v1': {
        name: 'a.pdf',
        aliases: ['primary-name', 'legacy-name'],
        assets: [
          { space: 'plant_a', externalId: 'main-asset' },
          { space: 'plant_a', externalId: 'other-asset' },
        ],
      },
    },
  },
};

describe('attack: CLI diff of a node whose list was only reordered', () => {
  for (const field of ['aliases', 'assets'] as const) {
    it(`${field}: the reordered list is the upsert`, () => {
      const original = JSON.stringify(node);
      const doc = JSON.parse(run(['render', '--kind', 'cognite-file', 'o'], { o: original }).stdout) as Record<
        string,
        unknown[]
      >;
      const reordered = [...doc[field]!].reverse();
      const out = run(['diff', '--kind', 'cognite-file', 'o', 'e'], {
        o: original,
        e: JSON.stringify({ ...doc, [field]: reordered }),
      });
      assert.equal(out.status, 0, out.stderr);
      const body = JSON.parse(out.stdout) as { items: { sources: { properties: Record<string, unknown> }[] }[] };
      assert.equal(body.items.length, 1, `the reorder was dropped: ${out.stdout}`);
      assert.deepEqual(body.items[0]!.sources[0]!.properties, { [field]: reordered });
    });
  }
});
