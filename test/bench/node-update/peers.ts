/**
 * The ways of making the same CogniteFile bulk change, all starting from the node ids: read the
 * nodes, add the tag to each node's tags (a list property is a whole value), upsert with the
 * version read as `existingVersion`. Each peer does what comes before the user's Apply untimed
 * (ours: the preview) and returns the timed part, which reports what the client itself reports.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CogniteClient, NodeOrEdge } from '@cognite/sdk';
import { chunk } from '../../../src/cdf/client';
import { COGNITE_FILE_VIEW } from '../../../src/cdf/model';
import { cogniteFileBulkSource, cogniteFileRecordsApi } from '../../../src/app';
import {
  BulkJobs,
  savedActionBytes,
  type ActionStore,
  type BulkActionRecord,
  type LoadedAction,
} from '../../../src/core/bulk';
import { diffRecord } from '../../../src/core/diff';
import { COGNITE_FILE } from '../../../src/core/records';
import { clientViewOf, type ClientView } from '../bulk-update/peers';
import { ourClient, sdkClient, type Endpoint } from '../support/clients';
import { NODE_CHUNK } from './scenarios';

export type NodePeerName = 'ours' | 'ours-port' | 'sdk';

export const NODE_PEER_LABELS: Record<NodePeerName, string> = {
  ours: "the product's CogniteFile bulk job (ours: BulkJobs.run, Apply pressed 1 s after the preview is shown, as Bulk Edit runs it, until its report: each chunk's versions read, planned and upserted when a write slot is free; undo kept as JSON in a file, saved before each chunk is sent; the outcomes' last save lands after the report)",
  'ours-port':
    'CogniteFile records updateManyPlanned alone (ours, the port the job sends through: no preview, no undo images, no kept action)',
  sdk: '@cognite/sdk instances.retrieve + instances.upsert (chunks of 1000, all at once)',
};

type Ref = { space: string; externalId: string };
/** Gets ready untimed (what a person waits for before Apply), then returns the timed run. */
export type NodePeer = (endpoint: Endpoint, refs: Ref[], tag: string) => Promise<() => Promise<ClientView>>;

/** How long the bench's person reads the preview before Apply (untimed, as the preview). */
export const READS_PREVIEW_MS = 1000;

const key = (r: Ref) => `${r.space}:${r.externalId}`;

export const NODE_PEERS: Record<NodePeerName, NodePeer> = {
  ours: async (endpoint, refs, tag) => {
    // What the Bulk Edit CogniteFile Nodes command runs, without its UI: the preview plans the
    // selection (untimed: the person reads it), Apply sends the job; undo is kept as the editor
    // keeps it (the action as JSON in a file of the workspace storage), here in a temp dir.
    const scope = {
      ...cogniteFileBulkSource(ourClient(endpoint).models),
      project: { baseUrl: endpoint.baseUrl, project: endpoint.project },
    };
    const store = await TempFileStore.make();
    const jobs = new BulkJobs(store);
    const target = { kind: 'ids' as const, label: 'bench nodes', refs };
    const previewStart = performance.now();
    const job = await jobs.planEdit(scope, target, [{ op: 'add', field: 'tags', values: [tag] }]);
    const previewMs = performance.now() - previewStart;
    // A person reads the preview before pressing Apply; the product uses that time (undo's JSON is
    // made on idle timers). Apply pressed at once would be a press no one makes.
    await new Promise((resolve) => setTimeout(resolve, READS_PREVIEW_MS));
    return async () => {
      const report = await jobs.run(job, scope).catch(async (err: unknown) => {
        await store.dispose();
        throw err;
      });
      // Timed to the report, as the person sees it; the kept action's last save (its outcomes) lands
      // after it, untimed: how long after is in the detail (filled in when it lands, before the
      // results are written), and the store is removed only then.
      const view = clientViewOf(report);
      const detail: Record<string, unknown> = { ...view.detail, previewMs: Math.round(previewMs) };
      const reported = performance.now();
      void jobs.settled().then(async () => {
        Object.assign(detail, { saves: store.saves, keptMsAfterReport: Math.round(performance.now() - reported) });
        await store.dispose();
      });
      return { ...view, detail };
    };
  },
  'ours-port': (endpoint, refs, tag) =>
    Promise.resolve(async () => {
      const api = cogniteFileRecordsApi(ourClient(endpoint).models);
      const report = await api.updateManyPlanned(
        refs.map(key),
        (records) =>
          records.map((r) =>
            COGNITE_FILE.encodeUpdate(r, diffRecord(COGNITE_FILE, r, { ...r, tags: [...(r.tags ?? []), tag] })!),
          ),
        {},
      );
      return clientViewOf(report);
    }),
  sdk: (endpoint, refs, tag) =>
    Promise.resolve(async () => {
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
    }),
};

/** The kept action as the editor's store writes it (its JSON, whole, in one file), in a temp dir. */
class TempFileStore implements ActionStore {
  saves = 0;
  private kept: BulkActionRecord | undefined;
  private constructor(private readonly dir: string) {}

  static async make(): Promise<TempFileStore> {
    return new TempFileStore(await mkdtemp(join(tmpdir(), 'bench-undo-')));
  }

  async save(record: BulkActionRecord): Promise<void> {
    this.saves++;
    await writeFile(join(this.dir, 'last-bulk-action.json'), savedActionBytes(record));
    this.kept = record;
  }

  load(): Promise<LoadedAction> {
    return Promise.resolve(this.kept ? { kind: 'found', record: this.kept } : { kind: 'none' });
  }

  clear(): Promise<void> {
    this.kept = undefined;
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

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
