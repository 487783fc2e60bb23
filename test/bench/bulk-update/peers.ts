/** The three ways of sending the same bulk update; each returns what the client itself reports. */
import { CogniteMultiError, type FileChangeUpdate } from '@cognite/sdk';
import type { FileUpdateItem } from '../../../src/cdf/model';
import { ourClient, sdkClient, type Endpoint } from '../support/clients';
import { updateLikePythonSdk } from './python-sdk-strategy';

export type BulkPeerName = 'ours' | 'sdk' | 'python-strategy';

export const BULK_PEER_LABELS: Record<BulkPeerName, string> = {
  ours: 'CdfClient.updateFiles (ours)',
  sdk: '@cognite/sdk files.update (every chunk at once)',
  'python-strategy': 'Python SDK strategy, reimplemented in TS (2 at a time)',
};

export interface ClientView {
  /** Items the client says did not apply (failed, unknown or not sent). */
  itemsNotApplied: number;
  /** Requests and 429s as the client counted them, where it says. */
  requestsSent?: number;
  throttled?: number;
  detail: Record<string, unknown>;
}

export type BulkPeer = (endpoint: Endpoint & { apiBase: string }, items: FileUpdateItem[]) => Promise<ClientView>;

export const BULK_PEERS: Record<BulkPeerName, BulkPeer> = {
  ours: async (endpoint, items) => {
    const report = await ourClient(endpoint).updateFiles(items);
    return clientViewOf(report);
  },
  sdk: async (endpoint, items) => {
    // The same JSON as the others send; the SDK's types would make us add `remove: []`.
    const changes = items as unknown as FileChangeUpdate[];
    const sdk = await sdkClient(endpoint);
    try {
      await sdk.files.update(changes);
      return { itemsNotApplied: 0, detail: {} };
    } catch (error) {
      if (!(error instanceof CogniteMultiError)) throw error;
      return {
        itemsNotApplied: error.failed.length,
        detail: { failedChunks: error.errors.length, statuses: countBy(error.statuses) },
      };
    }
  },
  'python-strategy': async (endpoint, items) => {
    const report = await updateLikePythonSdk(items, { apiBase: endpoint.apiBase, token: endpoint.token });
    return {
      itemsNotApplied: report.failed + report.unknown,
      requestsSent: report.requestsSent,
      throttled: report.throttled,
      detail: { failed: report.failed, unknown: report.unknown, retries: report.retries },
    };
  },
};

function countBy(values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

/** What an updater's own report says, for the bench (ours for files and for CogniteFile nodes). */
export function clientViewOf(report: {
  total: number;
  applied: readonly unknown[];
  failed: readonly unknown[];
  unknown: readonly unknown[];
  notSent: readonly unknown[];
  stats: { requestsSent: number; throttled: number; peakConcurrency: number; finalConcurrency: number };
}): ClientView {
  return {
    itemsNotApplied: report.total - report.applied.length,
    requestsSent: report.stats.requestsSent,
    throttled: report.stats.throttled,
    detail: {
      failed: report.failed.length,
      unknown: report.unknown.length,
      notSent: report.notSent.length,
      peakConcurrency: report.stats.peakConcurrency,
      finalConcurrency: report.stats.finalConcurrency,
    },
  };
}
