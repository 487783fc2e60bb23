import type { FileFilter, FileRecord } from '../../cdf/model';
import { recordFitsFilter } from '../../core/browse';
import type { FileNode, TreeNode } from './nodes';
import type { FilePager } from './pager';

/** A count asked for and not answered yet: only the request that set it may fill it in. */
export type CountRequest = { readonly asked: true };

/** The results of a name search, once they have come. */
export interface SearchResults {
  filter: FileFilter;
  promise: Promise<FileRecord[]>;
  records?: FileRecord[];
}

/**
 * What one generation of the files view has loaded: the lists (one pager per expanded parent), the
 * counts, the nodes handed out and a name search's results. A reset drops the whole object, so an
 * answer that comes back to an older one never enters the new generation.
 */
export class Loaded {
  readonly pagers = new Map<string, FilePager>();
  readonly counts = new Map<string, number | CountRequest>();
  readonly nodes = new Map<string, TreeNode>();
  search: SearchResults | undefined;

  remember<T extends TreeNode>(node: T): T {
    this.nodes.set(node.id, node);
    return node;
  }

  fileNode(parentId: string, record: FileRecord): FileNode {
    return this.remember<FileNode>({ kind: 'file', id: `${parentId}/f${record.id}`, record });
  }

  /**
   * Records were saved: each list and count that still holds the same files shows the new versions
   * in place; a list or count whose files changed (a record left it or entered it) loads again.
   */
  update(records: readonly FileRecord[]): void {
    for (const record of records) {
      const old = this.loadedVersion(record.id);
      for (const [id, pager] of this.pagers) {
        const after = listAfterSave(pager, record, old);
        if (after === 'reload') this.pagers.delete(id);
        if (after === 'swap') pager.items.forEach((r, i) => r.id === record.id && (pager.items[i] = record));
      }
      for (const node of this.nodes.values()) {
        if (node.kind === 'file' && node.record.id === record.id) node.record = record;
        if (node.kind === 'group' && node.countFilter && !(old && sameFit(node.countFilter, old, record)))
          this.counts.delete(node.id);
      }
      this.updateSearch(record);
    }
  }

  private updateSearch(record: FileRecord): void {
    const found = this.search?.records;
    const at = found?.findIndex((r) => r.id === record.id) ?? -1;
    if (!found || at < 0) return;
    // A new name may no longer match the search: only CDF's search can tell.
    if (found[at]!.name !== record.name || recordFitsFilter(record, this.search!.filter) !== true)
      this.search = undefined;
    else found[at] = record;
  }

  /** The version of a record this generation shows, if any list shows it. */
  private loadedVersion(id: number): FileRecord | undefined {
    for (const pager of this.pagers.values()) {
      const found = pager.items.find((r) => r.id === id);
      if (found) return found;
    }
    return this.search?.records?.find((r) => r.id === id);
  }
}

/**
 * What becomes of a loaded list when `record` is saved (`old`: the version shown before, if any):
 * the record swapped in place, the list kept as it is, or loaded again because the record left or
 * entered it. A list that has more pages may hold the record further on: only a record known to
 * have entered loads it again.
 */
function listAfterSave(pager: FilePager, record: FileRecord, old: FileRecord | undefined): 'swap' | 'keep' | 'reload' {
  const listed = pager.items.some((r) => r.id === record.id);
  if (old && sameFit(pager.filter, old, record)) return listed ? 'swap' : 'keep';
  const fits = recordFitsFilter(record, pager.filter);
  if (listed) return fits === true ? 'swap' : 'reload';
  if (fits === false) return 'keep';
  return !pager.hasMore || old ? 'reload' : 'keep';
}

/** The filter lists both versions alike (both or neither). */
function sameFit(filter: FileFilter, old: FileRecord, record: FileRecord): boolean {
  const before = recordFitsFilter(old, filter);
  const after = recordFitsFilter(record, filter);
  if (before !== undefined) return before === after;
  // Only CDF can tell; the fields it would look at (assets, data set, place) did not change.
  return after === undefined && sameRemoteKeys(old, record);
}

const sameRemoteKeys = (a: FileRecord, b: FileRecord): boolean =>
  a.dataSetId === b.dataSetId &&
  JSON.stringify(a.assetIds ?? []) === JSON.stringify(b.assetIds ?? []) &&
  JSON.stringify(a.geoLocation) === JSON.stringify(b.geoLocation);
