import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import type { FileRecord } from '../../cdf/model';
import type { FileStore, StoreWrite } from './file-store';
import { journalLine, JournalWriter } from './journal';
import type { LookupTable } from './lookup-table';

const FORMAT = 'cdf-files-emulator-state';

/**
 * What a state file holds: the generator settings the project was made from and only what changed
 * since: changed or created records, deleted keys, uploaded contents. Saving a 1M-record demo
 * after one edit writes a few kilobytes.
 */
const tableDelta = <K extends z.ZodMiniType>(key: K) =>
  z.object({ changed: z.array(z.looseObject({})), deleted: z.array(key) });
const stateSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  project: z.string(),
  seed: z.number().check(z.int()),
  files: z.number().check(z.int(), z.minimum(0)),
  savedAt: z.string(),
  /** The last journal entry this file includes (entries up to it are skipped on replay). */
  journalSeq: z.optional(z.number().check(z.int())),
  changedFiles: z.array(z.looseObject({ id: z.number() })),
  deletedFileIds: z.array(z.number()),
  contents: z.record(z.string(), z.string()),
  dataSets: tableDelta(z.number()),
  labels: tableDelta(z.string()),
  assets: tableDelta(z.number()),
  /** Absent in state files written before the emulator served data modeling. */
  nodes: z.optional(tableDelta(z.string())),
  spaces: z.optional(tableDelta(z.string())),
});
export type StateFile = z.infer<typeof stateSchema>;

export interface StateOrigin {
  project: string;
  seed: number;
  files: number;
}

/** Reads a state file; undefined when it does not exist. A malformed file is an error, not silently ignored. */
export async function readStateFile(path: string): Promise<StateFile | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const parsed = stateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path} is not an emulator state file: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

export function applyState(store: FileStore, state: StateFile): void {
  store.files.deleteMany(state.deletedFileIds);
  // Deleted first, then written: a record may have taken over an externalId a deleted one had.
  store.files.putMany(state.changedFiles as FileRecord[]);
  for (const [id, base64] of Object.entries(state.contents))
    store.contents.set(Number(id), Buffer.from(base64, 'base64'));
  applyTableDelta(store.dataSets, state.dataSets);
  applyTableDelta(store.labels, state.labels);
  applyTableDelta(store.assets, state.assets);
  // Spaces first: the nodes live in them.
  if (state.spaces) applyTableDelta(store.spaces, state.spaces);
  if (state.nodes) applyTableDelta(store.nodes, state.nodes);
}

function applyTableDelta<T extends { externalId?: string }, K extends string | number>(
  table: LookupTable<T, K>,
  delta: { changed: Record<string, unknown>[]; deleted: K[] },
): void {
  for (const key of delta.deleted) table.delete(key);
  for (const row of delta.changed) table.put(row as unknown as T);
}

function tableSnapshot<T extends { externalId?: string }, K extends string | number>(table: LookupTable<T, K>) {
  const changed: Record<string, unknown>[] = [];
  const deleted: K[] = [];
  for (const key of table.touched) {
    const row = table.get(key);
    if (row) changed.push(row);
    else deleted.push(key);
  }
  return { changed, deleted };
}

export function snapshot(store: FileStore, origin: StateOrigin, journalSeq = 0): StateFile {
  const changedFiles: FileRecord[] = [];
  const deletedFileIds: number[] = [];
  for (const id of store.files.touched) {
    const record = store.files.get(id);
    if (record) changedFiles.push(record);
    else deletedFileIds.push(id);
  }
  const contents: Record<string, string> = {};
  for (const [id, bytes] of store.contents) if (store.files.get(id)) contents[String(id)] = bytes.toString('base64');
  return {
    format: FORMAT,
    version: 1,
    ...origin,
    savedAt: new Date().toISOString(),
    journalSeq,
    changedFiles,
    deletedFileIds,
    contents,
    dataSets: tableSnapshot(store.dataSets),
    labels: tableSnapshot(store.labels),
    assets: tableSnapshot(store.assets),
    nodes: tableSnapshot(store.nodes),
    spaces: tableSnapshot(store.spaces),
  };
}

/**
 * Writes a state file atomically and durably: a temp file, fsync'ed, renamed over the old one, then
 * the directory fsync'ed, so a crash at any moment leaves either the old file or the new one.
 * Returns the size written.
 */
export function writeStateFileSync(file: string, state: StateFile): number {
  const tmp = `${file}.${process.pid}.tmp`;
  const bytes = Buffer.from(JSON.stringify(state));
  const fd = fsSync.openSync(tmp, 'w');
  try {
    let offset = 0;
    while (offset < bytes.length) offset += fsSync.writeSync(fd, bytes, offset);
    fsSync.fsyncSync(fd);
  } finally {
    fsSync.closeSync(fd);
  }
  fsSync.renameSync(tmp, file);
  try {
    const dir = fsSync.openSync(dirname(file), 'r');
    try {
      fsSync.fsyncSync(dir);
    } finally {
      fsSync.closeSync(dir);
    }
  } catch {
    // Not every platform can fsync a directory (Windows); the rename itself is still atomic.
  }
  return bytes.length;
}

export interface DurableStateOptions {
  /** fdatasync every journal append (survives a power cut, not only a crash). Default false. */
  fsync?: boolean;
  /** Compact this long after the last write. Default 1000 ms. */
  idleCompactMs?: number;
  /** Compact at once when the journal passes this size (or twice the state file's). Default 8 MiB. */
  compactAtBytes?: number;
  onError?: (e: unknown) => void;
}

/**
 * Keeps the state file current without rewriting it per write: each store write is appended to the
 * journal synchronously (before its request is answered) and the journal is folded into the state
 * file when it grows past a size or the store has been idle a moment, and on close.
 */
export class DurableState {
  private readonly journal: JournalWriter;
  private seq: number;
  private timer: NodeJS.Timeout | undefined;
  private compactAt: number;
  private readonly options: Required<DurableStateOptions>;

  constructor(
    private readonly store: FileStore,
    private readonly file: string,
    journalFile: string,
    private readonly origin: StateOrigin,
    lastSeq: number,
    options: DurableStateOptions = {},
  ) {
    this.options = {
      fsync: false,
      idleCompactMs: 1000,
      compactAtBytes: 8 * 1024 * 1024,
      onError: (e) => console.error(`emulator: could not save state: ${String(e)}`),
      ...options,
    };
    this.seq = lastSeq;
    this.compactAt = this.options.compactAtBytes;
    this.journal = new JournalWriter(journalFile, this.options.fsync);
  }

  /** The store's write listener. Throws when the write cannot be journaled: its request fails. */
  readonly record = (write: StoreWrite): void => {
    this.seq += 1;
    this.journal.append(journalLine(this.seq, write));
    if (this.journal.bytes >= this.compactAt) {
      try {
        this.compact();
      } catch (e) {
        // The write itself is journaled, so it is safe; compaction is retried later.
        this.options.onError(e);
      }
    } else this.scheduleIdleCompaction();
  };

  /** Folds the journal into the state file (atomically) and empties it. */
  compact(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const size = writeStateFileSync(this.file, snapshot(this.store, this.origin, this.seq));
    this.journal.truncate();
    // Rewriting a large state file for a small journal would cost more than it saves.
    this.compactAt = Math.max(this.options.compactAtBytes, 2 * size);
  }

  /** Compacts a last time and closes the journal. */
  close(): void {
    try {
      this.compact();
    } finally {
      this.journal.close();
    }
  }

  private scheduleIdleCompaction(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.compact();
      } catch (e) {
        this.options.onError(e);
      }
    }, this.options.idleCompactMs);
    this.timer.unref();
  }
}
