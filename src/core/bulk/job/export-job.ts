import { csvColumns, csvHeader, csvRows, toJsonLine } from '..';
import type { FilesApi } from '../../ports';
import type { BulkTarget } from './bulk-target';
import { targetMetadataKeys, targetPages } from './target-pages';

export type ExportFormat = 'jsonl' | 'csv';

/**
 * Writes the target's records as JSON Lines (streamed page by page) or CSV (one column per metadata
 * key: a first pass reads the keys, a second streams the rows). Holds no more than a page of
 * records; returns how many it wrote.
 */
export async function exportTarget(
  api: FilesApi,
  target: BulkTarget,
  format: ExportFormat,
  write: (text: string) => Promise<void>,
  options: { signal?: AbortSignal; onCount?: (count: number) => void } = {},
): Promise<number> {
  const { signal } = options;
  const columns = format === 'csv' ? csvColumns(await targetMetadataKeys(api, target, signal)) : undefined;
  if (columns) await write(csvHeader(columns));
  let count = 0;
  for await (const page of targetPages(api, target, signal)) {
    count += page.records.length;
    await write(columns ? csvRows(page.records, columns).text : page.records.map(toJsonLine).join(''));
    options.onCount?.(count);
  }
  return count;
}
