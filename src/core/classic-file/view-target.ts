import { LIMITS, type FileFilter, type FileIdentifier } from '../../cdf/model';
import type { FilesApi } from '../ports';
import type { BulkTarget } from '../bulk';

/** What the files view shows: its filter, its name search if any, and the line describing both. */
export interface ViewState {
  filter: FileFilter;
  search?: string;
  /** The view's description line ('' when nothing narrows it). */
  description: string;
}

export interface ViewTarget {
  target: BulkTarget<FileIdentifier, FileFilter>;
  /** How many files the target holds, when known without listing (a search's answer). */
  count?: number;
  /** The name search returned as many files as the API gives in one answer: more may match. */
  capped: boolean;
}

/**
 * "Every file the view shows" as a bulk target. A name search (`files/search`) is run once, here,
 * and the target is exactly the files it returned: what the user confirms, with its count, is what
 * is acted on, and a resume later works on the same files whatever the search would say then.
 * The API returns at most {@link LIMITS.searchLimitMax} files for a search and no cursor, so when
 * it returns that many the label says so. Without a search, the target is the filter (streamed).
 */
export async function viewTarget(api: FilesApi, view: ViewState, signal?: AbortSignal): Promise<ViewTarget> {
  if (!view.search)
    return { target: { kind: 'filter', label: view.description || 'all files', filter: view.filter }, capped: false };
  const records = await api.searchFiles(
    {
      search: { name: view.search },
      ...(Object.keys(view.filter).length ? { filter: view.filter } : {}),
      limit: LIMITS.searchLimitMax,
    },
    signal,
  );
  const capped = records.length >= LIMITS.searchLimitMax;
  const ids = [...new Set(records.map((r) => r.id))];
  return {
    target: { kind: 'ids', label: searchLabel(ids.length, view.description, capped), refs: ids.map((id) => ({ id })) },
    count: ids.length,
    capped,
  };
}

export function searchLabel(count: number, description: string, capped: boolean): string {
  // A name search matches loosely (any of the words, best first): the label says so, so the user
  // looks at every change before applying rather than at the best matches only.
  const found = `${count === 1 ? '1 file' : `${count} files`} found by ${description} (loose match: check every change)`;
  return capped ? `${found}; the search's limit, more may match` : found;
}
