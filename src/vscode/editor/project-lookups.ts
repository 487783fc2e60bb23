import * as vscode from 'vscode';
import type { AssetSummary, DataSetSummary, LabelSummary } from '../../core/ports';
import type { Sessions } from '../sessions';

const TTL_MS = 60_000;

/** A name to show beside an id, and what else identifies it. */
export interface ReferenceName {
  name: string;
  externalId?: string;
}

/**
 * Data sets, labels and assets of the active project, for completion and for the names shown beside
 * ids: fetched once a minute at most, and again after the tree is refreshed.
 */
export class ProjectLookups implements vscode.Disposable {
  private cache = new Map<string, { at: number; value: Promise<unknown> }>();
  /** Asset names by id; `null` for an id the project does not have. Assets are too many to list. */
  private assetNames = new Map<number, { at: number; value: ReferenceName | null }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** The cached names were dropped (another project, or a refresh): ask again. */
  readonly onDidChange = this.changed.event;

  private readonly subscription: vscode.Disposable;

  constructor(private readonly sessions: Sessions) {
    this.subscription = sessions.onDidChange(() => this.invalidate());
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  invalidate(): void {
    this.cache = new Map();
    this.assetNames = new Map();
    this.changed.fire();
  }

  async dataSetName(id: number): Promise<ReferenceName | undefined> {
    const d = (await this.dataSets()).find((x) => x.id === id);
    return d?.name ? { name: d.name, externalId: d.externalId } : undefined;
  }

  async labelName(externalId: string): Promise<ReferenceName | undefined> {
    const l = (await this.labels()).find((x) => x.externalId === externalId);
    return l ? { name: l.name, externalId: l.externalId } : undefined;
  }

  /** Names of the assets among `ids`, fetched in one request for those not cached. */
  async assetNamesOf(ids: readonly number[]): Promise<Map<number, ReferenceName>> {
    const session = this.sessions.active;
    const fresh = (id: number) => {
      const hit = this.assetNames.get(id);
      return hit && Date.now() - hit.at < TTL_MS ? hit : undefined;
    };
    const missing = [...new Set(ids)].filter((id) => !fresh(id));
    if (session && missing.length > 0) {
      const found = await session.api.retrieveAssets(missing);
      const at = Date.now();
      for (const id of missing) this.assetNames.set(id, { at, value: null });
      for (const a of found) this.assetNames.set(a.id, { at, value: { name: a.name, externalId: a.externalId } });
    }
    const out = new Map<number, ReferenceName>();
    for (const id of ids) {
      const value = fresh(id)?.value;
      if (value) out.set(id, value);
    }
    return out;
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
