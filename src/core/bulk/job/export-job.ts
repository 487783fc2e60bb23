import { collectMetadataKeys, csvColumns, csvHeader, csvRows, toJsonLine } from '..';
import type { BulkSource } from './bulk-source';
import type { BulkTarget } from './bulk-target';
import { targetPages } from './target-pages';

export type ExportFormat = 'jsonl' | 'csv';

/**
 * Every metadata key of the target's records, read page by page (a CSV export's first pass: its
 * columns must be known before the first row is written, and the records are not kept).
 */
export async function targetMetadataKeys<R extends object, U>(
  source: BulkSource<R, U>,
  target: BulkTarget,
  signal?: AbortSignal,
): Promise<Set<string>> {
  const keys = new Set<string>();
  for await (const page of targetPages(source, target, signal)) collectMetadataKeys(page.records, keys);
  return keys;
}

/**
 * Writes the target's records as JSON Lines (streamed page by page) or CSV (one column per metadata
 * key: a first pass reads the keys, a second streams the rows). Holds no more than a page of
 * records; returns how many it wrote.
 */
export async function exportTarget<R extends object, U>(
  source: BulkSource<R, U>,
  target: BulkTarget,
  format: ExportFormat,
  write: (text: string) => Promise<void>,
  options: { signal?: AbortSignal; onCount?: (count: number) => void } = {},
): Promise<number> {
  const { signal } = options;
  const { kind } = source;
  const columns = format === 'csv' ? csvColumns(kind, await targetMetadataKeys(source, target, signal)) : undefined;
  if (columns) await write(csvHeader(columns));
  let count = 0;
  for await (const page of targetPages(source, target, signal)) {
    count += page.records.length;
    const text = columns
      ? csvRows(kind, page.records, columns).text
      : page.records.map((r) => toJsonLine(kind, r)).join('');
    await write(text);
    options.onCount?.(count);
  }
  return count;
}
