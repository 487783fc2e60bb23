import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient, VersionConflictError } from '../../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../../src/cdf/model';
import { cdfError, json, startScriptedServer, type ScriptedServer } from './helpers/scripted-server';

/** Answers of data modeling the emulator does not give: how the client reads them. */
describe('cdf/client: data modeling answers beyond the emulator', () => {
  let server: ScriptedServer;
  let client: CdfClient;
  before(async () => {
    server = await startScriptedServer();
    // A token long enough that the shared redactor, which learns it, masks nothing else in later tests.
    client = new CdfClient({
      baseUrl: server.baseUrl,
      project: 'p',
      tokenProvider: new StaticTokenProvider('dms-answers-test-token-0123456789'),
    });
  });
  after(() => server.close());

  it('reads a grouped count whose group of nodes without a value comes as null, and leaves it out', async () => {
    server.script((_req, res) =>
      json(res, 200, {
        items: [
          {
            instanceType: 'node',
            group: { mimeType: 'application/pdf' },
            aggregates: [{ aggregate: 'count', property: 'externalId', value: 3 }],
          },
          {
            instanceType: 'node',
            group: { mimeType: null },
            aggregates: [{ aggregate: 'count', property: 'externalId', value: 2 }],
          },
        ],
      }),
    );
    assert.deepEqual(await client.models.countFileNodesBy('mimeType', undefined), [
      { value: 'application/pdf', count: 3 },
    ]);
  });

  it('names every versioned item of a 409 when the nodes cannot be read back', async () => {
    server.script(
      (_req, res) => json(res, 409, cdfError(409, 'A version conflict caused the ingest to fail.')),
      (_req, res) => json(res, 403, cdfError(403, 'Forbidden')),
    );
    const item = (externalId: string, existingVersion?: number) => ({
      instanceType: 'node' as const,
      space: 'docs',
      externalId,
      ...(existingVersion === undefined ? {} : { existingVersion }),
      sources: [{ source: COGNITE_FILE_VIEW, properties: { name: externalId } }] as [
        { source: typeof COGNITE_FILE_VIEW; properties: { name: string } },
      ],
    });
    await assert.rejects(client.models.upsertFileNodes([item('a', 4), item('b')]), (e: unknown) => {
      assert.ok(e instanceof VersionConflictError);
      assert.deepEqual(e.nodes, [{ space: 'docs', externalId: 'a', existingVersion: 4, currentVersion: undefined }]);
      return true;
    });
  });
});
