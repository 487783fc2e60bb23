import assert from 'node:assert/strict';
import fc from 'fast-check';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client';
import { cogniteFileValues, nodeKeyOf, type CogniteFileNode } from '../../../../src/cdf/model';
import { describeNodeFilter, nodeFitsFilter, toInstanceFilter, type NodeFilter } from '../../../../src/core/browse';
import { useEmulator } from '../../emulator/helpers';

/**
 * The files view's CogniteFile filter, translated into the instances filter language: for filters
 * drawn from the demo's own values, CDF (the emulator) lists exactly the nodes the filter's plain
 * reading (`nodeFitsFilter`) keeps, and counts as many.
 */
describe('core/browse: the CogniteFile filter in the instances filter language', () => {
  const ctx = useEmulator({ files: 3000, seed: 9 });
  let client: CdfClient;
  const all: CogniteFileNode[] = [];
  before(async () => {
    const { baseUrl, project, token } = ctx.emulator;
    client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    for await (const page of client.models.listAllFileNodes()) all.push(...page.items);
    assert.ok(all.length > 100, `${all.length} nodes`);
  });

  /** A filter built around one node's own values (so it keeps at least that node), some keys dropped. */
  function filterAround(node: CogniteFileNode, keep: (keyof NodeFilter)[]): NodeFilter {
    const v = cogniteFileValues(node);
    const full: NodeFilter = {
      spaces: [node.space],
      ...(v.directory ? { directoryPrefix: v.directory.slice(0, 1 + (v.directory.length >> 1)) } : {}),
      mimeType: v.mimeType ?? null,
      category: v.category ?? null,
      ...(v.tags?.length ? { tags: v.tags.slice(0, 1) } : {}),
      ...(v.assets?.length ? { assets: v.assets.slice(-1) } : {}),
      uploaded: v.isUploaded === true,
      ...(v.source ? { source: v.source } : {}),
    };
    return Object.fromEntries(Object.entries(full).filter(([k]) => keep.includes(k as keyof NodeFilter)));
  }

  const KEYS: (keyof NodeFilter)[] = [
    'spaces',
    'directoryPrefix',
    'mimeType',
    'category',
    'tags',
    'assets',
    'uploaded',
    'source',
  ];

  /** Filters around a node, and filters mixing two nodes' values (which may keep none). */
  function filters(): fc.Arbitrary<NodeFilter> {
    const node = fc.nat(all.length - 1).map((i) => all[i]!);
    const keys = fc.subarray(KEYS, { minLength: 1, maxLength: 3 });
    return fc.oneof(
      fc.tuple(node, keys).map(([n, k]) => filterAround(n, k)),
      fc.tuple(node, keys, node, keys).map(([a, ka, b, kb]) => ({ ...filterAround(a, ka), ...filterAround(b, kb) })),
    );
  }

  it('lists and counts exactly the nodes the filter keeps', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(filters(), async (f) => {
        const expected = all.filter((n) => nodeFitsFilter(n, f)).map(nodeKeyOf);
        if (expected.length > 0 && expected.length < all.length) nonEmpty++;
        const listed: string[] = [];
        for await (const page of client.models.listAllFileNodes({ filter: toInstanceFilter(f) }))
          listed.push(...page.items.map(nodeKeyOf));
        assert.deepEqual(listed.sort(), expected.sort(), describeNodeFilter(f, undefined));
        assert.equal(await client.models.countFileNodes(toInstanceFilter(f)), expected.length);
      }),
      { numRuns: 80 },
    );
    assert.ok(nonEmpty >= 10, `only ${nonEmpty} runs kept some nodes but not all`);
  });

  it('counts "not uploaded" nodes whose isUploaded is unset too', async () => {
    const node = all.find((n) => cogniteFileValues(n).isUploaded === true)!;
    ctx.emulator.store.nodes.put({
      ...ctx.emulator.store.nodes.get(nodeKeyOf(node))!,
      data: { ...ctx.emulator.store.nodes.get(nodeKeyOf(node))!.data, 'cdf_cdm/CogniteFile': {} },
    });
    const notUploaded = toInstanceFilter({ uploaded: false, spaces: [node.space] });
    const page = await client.models.listFileNodes({ filter: notUploaded });
    assert.ok(page.items.some((n) => nodeKeyOf(n) === nodeKeyOf(node)));
  });

  it('narrows nothing when empty', () => {
    assert.equal(toInstanceFilter({}), undefined);
    assert.equal(describeNodeFilter({}, undefined), '');
  });
});
