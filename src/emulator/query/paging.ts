import type { FileRecord } from '../../cdf/model';
import { badRequest } from '../http/api-error';
import type { FileTable } from '../store/file-table';
import type { FilePredicate } from './file-filter';

/**
 * Cursors are opaque to clients (the spec says so); inside they are "after this id", so the next
 * page starts with a binary search instead of a scan from the start.
 */
export function encodeCursor(afterId: number): string {
  return Buffer.from(`f1:${afterId}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^f1:(\d+)$/.exec(text);
  const id = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(id)) throw badRequest(`Invalid cursor: ${JSON.stringify(cursor)}`);
  return id;
}

/** `"M/N"` (already validated) → which ids belong: `id mod N = M-1`, stable while records change. */
export function partitionTest(partition: string | undefined): (id: number) => boolean {
  if (partition === undefined) return () => true;
  const [m, n] = partition.split('/').map(Number) as [number, number];
  return (id) => id % n === m - 1;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * One page of matching records in id order after the cursor. It looks one match ahead, so the last
 * page has no `nextCursor` (clients never fetch an empty trailing page).
 */
export function scanPage(
  table: FileTable,
  options: { predicate: FilePredicate; limit: number; cursor?: string; partition?: string },
): Page<FileRecord> {
  const inPartition = partitionTest(options.partition);
  const start = options.cursor === undefined ? 0 : table.ids.indexAfter(decodeCursor(options.cursor));
  const items: FileRecord[] = [];
  for (const id of table.ids.from(start)) {
    if (!inPartition(id)) continue;
    const record = table.get(id);
    if (!record || !options.predicate(record)) continue;
    if (items.length === options.limit) {
      const last = items[items.length - 1] as FileRecord;
      return { items, nextCursor: encodeCursor(last.id) };
    }
    items.push(record);
  }
  return { items };
}

/** Every matching record (aggregate, search). */
export function* scanAll(table: FileTable, predicate: FilePredicate): IterableIterator<FileRecord> {
  for (const record of table.values()) if (predicate(record)) yield record;
}
