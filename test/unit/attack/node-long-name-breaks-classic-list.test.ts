// Attack (issue 12, both kinds side by side): a CogniteFile node's name is DMS text (up to 128 KB;
// the node document's schema and the node port accept 300 characters). CDF shows the node in the
// classic Files API as the linked file, and the emulator mirrors the name there. The classic client
// reads `name` with the Files API's 256-character limit, so ONE renamed node makes every files/list
// page holding its linked file, and files/byids of it, fail as "unexpected response from CDF": the
// classic files view and every classic bulk job over that page stop working (the same class of
// failure as the instanceId fix in 7247737). Expected: either the node save refuses a name the linked
// file cannot carry, or the classic files list still reads.
import assert from 'node:assert/strict';
import { StaticTokenProvider } from '../../../src/cdf/auth/static-token';
import { CdfClient } from '../../../src/cdf/client';
import { cogniteFileRecordsApi, filesApiOf } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE } from '../../../src/core/records';
import { useEmulator } from '../emulator/helpers';

describe('attack: a node renamed beyond 256 characters and the classic files list', () => {
  const ctx = useEmulator({ files: 300, seed: 6 });

  it('the classic list still reads after the node port accepted the rename', async () => {
    const { baseUrl, project, token } = ctx.emulator;
    const client = new CdfClient({ baseUrl, project, tokenProvider: new StaticTokenProvider(token) });
    const nodes = cogniteFileRecordsApi(client.models);
    const files = filesApiOf(client);
    const linked = [...ctx.emulator.store.files.values()].find((f) => f.instanceId)!;
    const key = `${linked.instanceId!.space}:${linked.instanceId!.externalId}`;
    const [node] = await nodes.retrieve([key]);
    const renamed = await nodes
      .update([COGNITE_FILE.encodeUpdate(node!, diffRecord(COGNITE_FILE, node!, { ...node!, name: 'N'.repeat(300) })!)])
      .then(
        () => 'accepted',
        (e: unknown) => `refused: ${String(e)}`,
      );
    if (renamed !== 'accepted') return; // refusing the name the linked file cannot carry is a fix too
    const list = await files.listFiles({ limit: 1000 }).then(
      (p) => `read ${p.items.length}`,
      (e: unknown) => `failed: ${String(e)}`,
    );
    assert.match(list, /^read /, `the node port accepted the rename, and then the classic list ${list}`);
  });
});
