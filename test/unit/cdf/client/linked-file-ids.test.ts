import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../../src/cdf/client';
import { COGNITE_FILE_VIEW, type FileRecord } from '../../../../src/cdf/model';
import { useEmulator } from '../../emulator/helpers';

/**
 * A CogniteFile node's externalId follows data modeling's rule (1-256 characters, no NUL), looser
 * than the pattern the Files API documents for `instanceId`. CDF shows every such node as a classic
 * file, so one node named `doc-123` must not make the classic files unreadable.
 */
describe('cdf/client: classic files linked to nodes with any node externalId', () => {
  const ctx = useEmulator({ files: 60, seed: 12 });

  it('lists the classic files and reads the linked one by its instanceId', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const instanceId = { space: 'plant_a_documents', externalId: 'doc-123 rev.B' };
    const properties = { name: 'doc-123.pdf' };
    await client.models.upsertFileNodes([
      { instanceType: 'node', ...instanceId, sources: [{ source: COGNITE_FILE_VIEW, properties }] },
    ]);
    const all: FileRecord[] = [];
    for await (const page of client.listFiles({ limit: 1000 })) all.push(...page.items);
    const linked = all.find((r) => r.instanceId?.externalId === instanceId.externalId);
    assert.equal(linked?.name, 'doc-123.pdf');
    const [byInstance] = await client.retrieveFiles([{ instanceId }]);
    assert.equal(byInstance?.id, linked.id);
  });
});
