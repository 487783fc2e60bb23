/**
 * `deleteFileNodes` (src/cdf/client/node-delete.ts) over HTTP against the emulator: a node is deleted
 * only while it is not newer than the version named; a bad item is refused before anything is sent.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfApiError, CdfClient, CdfInvalidRequestError } from '../../../../src/cdf/client';
import { nodeKeyOf } from '../../../../src/cdf/model';
import { useEmulator } from '../../emulator/helpers';

describe('cdf/client: deleteFileNodes', () => {
  const ctx = useEmulator({ files: 200, seed: 5 });
  let models: CdfClient['models'];
  before(() => {
    const { baseUrl, project, token } = ctx.emulator;
    models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
  });
  const nodes = async (count: number) => (await models.listFileNodes({ limit: count })).items;
  const deletes = () => ctx.emulator.requests.filter((r) => r.path.endsWith('/models/instances/delete')).length;

  it('deletes a node at the version named, and ignores one that does not exist', async () => {
    const [node] = await nodes(1);
    const ref = { space: node!.space, externalId: node!.externalId };
    const ghost = { space: node!.space, externalId: 'no-such-node' };
    const named = await models.deleteFileNodes([{ ...ref, existingVersion: node!.version }, ghost]);
    assert.deepEqual(named.map(nodeKeyOf), [nodeKeyOf(ref), nodeKeyOf(ghost)]);
    assert.equal(ctx.emulator.store.nodes.get(nodeKeyOf(ref)), undefined);
  });

  it('refuses (409) a node newer than the version named, and deletes nothing of the request', async () => {
    const [a, b] = await nodes(2);
    const items = [
      { space: a!.space, externalId: a!.externalId, existingVersion: a!.version },
      { space: b!.space, externalId: b!.externalId, existingVersion: b!.version - 1 },
    ];
    const err = await models.deleteFileNodes(items).catch((e: unknown) => e);
    assert.ok(err instanceof CdfApiError && err.status === 409, String(err));
    assert.ok(ctx.emulator.store.nodes.get(nodeKeyOf(a!)), 'the other node of the request is kept');
    assert.ok(ctx.emulator.store.nodes.get(nodeKeyOf(b!)));
  });

  it('refuses a bad item before anything is sent', async () => {
    const [node] = await nodes(1);
    const sent = deletes();
    const bad = [{ space: node!.space, externalId: node!.externalId, existingVersion: -1 }];
    await assert.rejects(models.deleteFileNodes(bad), CdfInvalidRequestError);
    assert.equal(deletes(), sent);
    assert.ok(ctx.emulator.store.nodes.get(nodeKeyOf(node!)));
  });
});
