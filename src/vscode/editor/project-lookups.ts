import type * as vscode from 'vscode';
import type { AssetSummary, DataSetSummary, LabelSummary } from '../../cdf/files-api';
import type { Sessions } from '../sessions';

const TTL_MS = 60_000;

/** Data sets and labels of the active project for completion, fetched once a minute at most. */
export class ProjectLookups implements vscode.Disposable {
  private cache = new Map<string, { at: number; value: Promise<unknown> }>();

  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: Sessions) {
    this.subscription = sessions.onDidChange(() => (this.cache = new Map()));
  }

  dispose(): void {
    this.subscription.dispose();
  }

  dataSets(): Promise<DataSetSummary[]> {
    return this.cached('dataSets', (api) => api.listDataSets());
  }

  labels(): Promise<LabelSummary[]> {
    return this.cached('labels', (api) => api.listLabels());
  }

  assets(query: string): Promise<AssetSummary[]> {
    return this.cached(`assets:${query}`, (api) => api.searchAssets(query, 50));
  }

  private cached<T>(key: string, load: (api: NonNullable<Sessions['active']>['api']) => Promise<T>): Promise<T> {
    const session = this.sessions.active;
    if (!session) return Promise.resolve([] as T);
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
    const value = load(session.api);
    this.cache.set(key, { at: Date.now(), value });
    value.catch(() => this.cache.delete(key));
    return value;
  }
}
