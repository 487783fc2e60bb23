import fs from 'node:fs/promises';
import * as z from 'zod/mini';
import type { FileRecord } from '../../cdf/model';
import type { FileStore } from './file-store';
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
  changedFiles: z.array(z.looseObject({ id: z.number() })),
  deletedFileIds: z.array(z.number()),
  contents: z.record(z.string(), z.string()),
  dataSets: tableDelta(z.number()),
  labels: tableDelta(z.string()),
  assets: tableDelta(z.number()),
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

export function snapshot(store: FileStore, origin: StateOrigin): StateFile {
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
    changedFiles,
    deletedFileIds,
    contents,
    dataSets: tableSnapshot(store.dataSets),
    labels: tableSnapshot(store.labels),
    assets: tableSnapshot(store.assets),
  };
}

/**
 * Saves after writes, debounced, one write at a time, atomically (temp file + rename) so a crash
 * mid-save never leaves half a file.
 */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  private dirty = false;

  constructor(
    private readonly store: FileStore,
    private readonly path: string,
    private readonly origin: StateOrigin,
    private readonly debounceMs = 200,
    private readonly onError: (e: unknown) => void = (e) =>
      console.error(`emulator: could not save state: ${String(e)}`),
  ) {}

  schedule(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(this.onError);
    }, this.debounceMs);
  }

  /** Writes now if anything changed; resolves when the file on disk is current. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    while (this.writing) await this.writing;
    if (!this.dirty) return;
    this.dirty = false;
    this.writing = this.write().finally(() => (this.writing = undefined));
    await this.writing;
  }

  private async write(): Promise<void> {
    const tmp = `${this.path}.${process.pid}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(snapshot(this.store, this.origin)));
    await fs.rename(tmp, this.path);
  }
}
