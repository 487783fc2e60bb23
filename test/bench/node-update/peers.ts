/**
 * The two ways of making the same CogniteFile bulk change, both starting from the node ids: read the
 * nodes, add the tag to each node's tags (a list property is a whole value), upsert with the
 * version read as `existingVersion`. Each returns what the client itself reports.
 */
import type { CogniteClient, NodeOrEdge } from '@cognite/sdk';
import { chunk } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileRecordsApi } from '../../../src/app';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE } from '../../../src/core/records';
import { clientViewOf, type ClientView } from '../bulk-update/peers';
import { ourClient, sdkClient, type Endpoint } from '../support/clients';
import { NODE_CHUNK } from './scenarios';

export type NodePeerName = 'ours' | 'ours-job' | 'sdk';

export const NODE_PEER_LABELS: Record<NodePeerName, string> = {
  ours: 'CogniteFile records updateManyPlanned (ours: each chunk read, planned and upserted)',
  'ours-job':
    'CogniteFile records retrieve + updateMany (ours, as the bulk job sends today: every node read first, each chunk checked again right before its upsert)',
  sdk: '@cognite/sdk instances.retrieve + instances.upsert (chunks of 1000, all at once)',
};

type Ref = { space: string; externalId: string };
export type NodePeer = (endpoint: Endpoint, refs: Ref[], tag: string) => Promise<ClientView>;

const key = (r: Ref) => `${r.space}:${r.externalId}`;

export const NODE_PEERS: Record<NodePeerName, NodePeer> = {
  ours: async (endpoint, refs, tag) => {
    const api = cogniteFileRecordsApi(ourClient(endpoint).models);
    // Each chunk is read when a write slot is free, planned on that read and upserted at once with
    // the version read: the same work as the sdk's read-then-upsert, and the read is the guard.
    const report = await api.updateManyPlanned(
      refs.map(key),
      (records) =>
        records.map((r) =>
          COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, tags: [...(r.tags ?? []), tag] })!),
        ),
      {},
    );
    return clientViewOf(report);
  },
  'ours-job': async (endpoint, refs, tag) => {
    const api = cogniteFileRecordsApi(ourClient(endpoint).models);
    // What core's bulk job does today with a planned window: the records read first, the items
    // sent through updateMany, whose slim check reads each chunk's versions before its upsert.
    const records = await api.retrieve(refs.map(key));
    const items = records.map((r) =>
      COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, tags: [...(r.tags ?? []), tag] })!),
    );
    return clientViewOf(await api.updateMany(items, {}));
  },
  sdk: async (endpoint, refs, tag) => {
    const sdk = await sdkClient(endpoint);
    // instances.retrieve and .upsert send one request each; chunked here, every chunk at once, as
    // the SDK's own chunked endpoints send them.
    const outcomes = await Promise.allSettled(chunk(refs, NODE_CHUNK).map((c) => readAndWrite(sdk, c, tag)));
    const failed = outcomes.flatMap((o, i) =>
      o.status === 'rejected' ? [Math.min(NODE_CHUNK, refs.length - i * NODE_CHUNK)] : [],
    );
    const reasons = outcomes.flatMap((o) => (o.status === 'rejected' ? [statusOf(o.reason)] : []));
    return {
      itemsNotApplied: failed.reduce((a, b) => a + b, 0),
      detail: { failedChunks: failed.length, statuses: countBy(reasons) },
    };
  },
};

async function readAndWrite(sdk: CogniteClient, refs: Ref[], tag: string): Promise<void> {
  const read = await sdk.instances.retrieve({
    items: refs.map((r) => ({ instanceType: 'node' as const, ...r })),
    sources: [{ source: COGNITE_FILE_VIEW }],
  });
  const items = read.items.map((node: NodeOrEdge) => {
    const props =
      node.properties?.[COGNITE_FILE_VIEW.space]?.[`${COGNITE_FILE_VIEW.externalId}/${COGNITE_FILE_VIEW.version}`];
    const tags = Array.isArray(props?.['tags']) ? (props['tags'] as string[]) : [];
    return {
      instanceType: 'node' as const,
      space: node.space,
      externalId: node.externalId,
      existingVersion: node.version,
      sources: [{ source: COGNITE_FILE_VIEW, properties: { tags: [...tags, tag] } }],
    };
  });
  await sdk.instances.upsert({ items, autoCreateDirectRelations: false });
}

const statusOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'status' in error ? String(error.status) : 'no answer';

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}
