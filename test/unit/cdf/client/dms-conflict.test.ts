/**
 * Which nodes a refused upsert (409) names (src/cdf/client/dms-conflict.ts), over HTTP against the
 * emulator: a node deleted and made again under its key counts its versions from 1 again, so it may
 * be read back at the very version it was sent with; only its createdTime (or a version below the one
 * sent) tells it from an untouched neighbour, which must never be blamed.
 */
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient, VersionConflictError } from '../../../../src/cdf/client';
import { COGNITE_FILE_VIEW, nodeKeyOf, type CogniteFileUpsertItem } from '../../../../src/cdf/model';
import { client as http, useEmulator } from '../../emulator/helpers';

const SPACE = 'plant_a_documents';
const item = (externalId: string, description: string, existingVersion?: number): CogniteFileUpsertItem => ({
  instanceType: 'node',
  space: SPACE,
  externalId,
  ...(existingVersion === undefined ? {} : { existingVersion }),
  sources: [{ source: COGNITE_FILE_VIEW, properties: { name: `${externalId}.pdf`, description } }],
});

describe('cdf/client: the nodes a 409 names when one of them was deleted and made again', () => {
  const ctx = useEmulator({ files: 10, seed: 3 });
  let models: CdfClient['models'];
  before(() => {
    const { baseUrl, project, token } = ctx.emulator;
    models = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) }).models;
  });

  /** Deletes `externalId` and makes it again (version 1, a new createdTime). */
  const makeAgain = async (externalId: string) => {
    const api = http(ctx.emulator);
    const ref = { instanceType: 'node', space: SPACE, externalId };
    assert.equal((await api.post('/models/instances/delete', { items: [ref] })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 5)); // another millisecond: another createdTime
    assert.equal((await models.upsertFileNodes([item(externalId, 'theirs, made again')])).length, 1);
  };

  const refusal = async (items: CogniteFileUpsertItem[], createdTimes?: Map<string, number>) => {
    try {
      await models.upsertFileNodes(items, createdTimes ? { createdTimes } : {});
    } catch (err) {
      assert.ok(err instanceof VersionConflictError, String(err));
      return err.nodes.map(nodeKeyOf).sort();
    }
    assert.fail('the upsert was not refused');
  };

  it('names the node made again at the version sent (other createdTime) and the newer one, not the neighbour', async () => {
    const [a, b, c] = await models.upsertFileNodes(['again-a', 'again-b', 'again-c'].map((x) => item(x, 'mine')));
    await makeAgain('again-a'); // version 1 again: the version sent
    await models.upsertFileNodes([item('again-c', 'theirs', 1)]); // newer: the 409's cause
    const lives = new Map([a!, b!, c!].map((n) => [nodeKeyOf(n), n.createdTime]));
    const named = await refusal(
      [a!, b!, c!].map((n) => item(n.externalId, 'mine again', 1)),
      lives,
    );
    assert.deepEqual(named, [`${SPACE}:again-a`, `${SPACE}:again-c`]);
  });

  it('names a node read back below the version sent (made again) without being told its createdTime', async () => {
    await models.upsertFileNodes(['below-a', 'below-b', 'below-c'].map((x) => item(x, 'mine')));
    await models.upsertFileNodes([item('below-a', 'mine, second', 1)]); // version 2
    await makeAgain('below-a'); // version 1: below the 2 sent
    await models.upsertFileNodes([item('below-c', 'theirs', 1)]);
    const named = await refusal([item('below-a', 'x', 2), item('below-b', 'x', 1), item('below-c', 'x', 1)]);
    assert.deepEqual(named, [`${SPACE}:below-a`, `${SPACE}:below-c`]);
  });
});
