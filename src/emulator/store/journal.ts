import fs from 'node:fs';
import * as z from 'zod/mini';
import type { FileRecord } from '../../cdf/model';
import type { FileStore, StoreWrite } from './file-store';
import type { Asset, DataSet, LabelDefinition } from './lookup-types';
import type { NodeRecord, SpaceRecord } from '../dms/instance-types';

/**
 * The state journal: every write to the store, appended to `STATE.journal` as one JSON line before
 * the request that made it is answered. A `kill -9` right after an answer therefore loses nothing
 * the client was told had been applied; the state file itself is rewritten only now and then
 * (compaction). Entries hold whole records, never deltas, and carry a sequence number that the
 * state file remembers, so an entry already folded into the state file is skipped on replay.
 */
const seq = z.number().check(z.int());
const entrySchema = z.discriminatedUnion('t', [
  z.object({
    s: seq,
    t: z.literal('files'),
    put: z.optional(z.array(z.looseObject({ id: z.number() }))),
    del: z.optional(z.array(z.number())),
  }),
  z.object({ s: seq, t: z.literal('dataSets'), put: z.optional(z.looseObject({})), del: z.optional(z.number()) }),
  z.object({ s: seq, t: z.literal('labels'), put: z.optional(z.looseObject({})), del: z.optional(z.string()) }),
  z.object({ s: seq, t: z.literal('assets'), put: z.optional(z.looseObject({})), del: z.optional(z.number()) }),
  z.object({ s: seq, t: z.literal('nodes'), put: z.optional(z.looseObject({})), del: z.optional(z.string()) }),
  z.object({ s: seq, t: z.literal('spaces'), put: z.optional(z.looseObject({})), del: z.optional(z.string()) }),
  z.object({ s: seq, t: z.literal('contents'), id: z.number(), b64: z.string() }),
]);
export type JournalEntry = z.infer<typeof entrySchema>;

export const journalPathOf = (stateFile: string): string => `${stateFile}.journal`;

/** The line for one store write. */
export function journalLine(seq: number, write: StoreWrite): string {
  let entry: Record<string, unknown>;
  switch (write.table) {
    case 'files':
      entry = 'put' in write ? { s: seq, t: 'files', put: write.put } : { s: seq, t: 'files', del: write.deleted };
      break;
    case 'contents':
      entry = { s: seq, t: 'contents', id: write.id, b64: write.bytes.toString('base64') };
      break;
    default:
      entry =
        'put' in write ? { s: seq, t: write.table, put: write.put } : { s: seq, t: write.table, del: write.deleted };
  }
  return `${JSON.stringify(entry)}\n`;
}

/**
 * The entries of a journal file, in order; none when it does not exist. A last line without its
 * newline was being written when the process died: its request was never answered, so it is
 * dropped. Any other line that does not parse is corruption, reported rather than skipped.
 */
export function readJournal(path: string): JournalEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const lines = text.split('\n');
  // After the last newline: '' for a complete journal, a torn entry otherwise.
  lines.pop();
  return lines.map((line, i) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${path} line ${i + 1} is not a journal entry (not JSON)`);
    }
    const entry = entrySchema.safeParse(parsed);
    if (!entry.success)
      throw new Error(`${path} line ${i + 1} is not a journal entry: ${entry.error.issues[0]?.message}`);
    return entry.data;
  });
}

/** Applies one entry the way the original write changed the store. */
export function applyJournalEntry(store: FileStore, entry: JournalEntry): void {
  switch (entry.t) {
    case 'files':
      if (entry.put) store.files.putMany(entry.put as unknown as FileRecord[]);
      if (entry.del) {
        store.files.deleteMany(entry.del);
        for (const id of entry.del) store.contents.delete(id);
      }
      return;
    case 'contents':
      store.contents.set(entry.id, Buffer.from(entry.b64, 'base64'));
      return;
    case 'dataSets':
      if (entry.put) store.dataSets.put(entry.put as unknown as DataSet);
      if (entry.del !== undefined) store.dataSets.delete(entry.del);
      return;
    case 'labels':
      if (entry.put) store.labels.put(entry.put as unknown as LabelDefinition);
      if (entry.del !== undefined) store.labels.delete(entry.del);
      return;
    case 'assets':
      if (entry.put) store.assets.put(entry.put as unknown as Asset);
      if (entry.del !== undefined) store.assets.delete(entry.del);
      return;
    case 'nodes':
      if (entry.put) store.nodes.put(entry.put as unknown as NodeRecord);
      if (entry.del !== undefined) store.nodes.delete(entry.del);
      return;
    case 'spaces':
      if (entry.put) store.spaces.put(entry.put as unknown as SpaceRecord);
      if (entry.del !== undefined) store.spaces.delete(entry.del);
      return;
  }
}

/** Appends lines to the journal with plain synchronous writes: on disk (the OS's) when it returns. */
export class JournalWriter {
  private fd: number;
  /** Bytes in the journal since the last compaction. */
  bytes: number;

  constructor(
    private readonly path: string,
    private readonly fsync: boolean,
  ) {
    this.fd = fs.openSync(path, 'a');
    this.bytes = fs.fstatSync(this.fd).size;
  }

  append(line: string): void {
    const buffer = Buffer.from(line);
    let offset = 0;
    while (offset < buffer.length) offset += fs.writeSync(this.fd, buffer, offset);
    // fsync survives a power cut too; a killed process needs only the write above.
    if (this.fsync) fs.fdatasyncSync(this.fd);
    this.bytes += buffer.length;
  }

  /** Empties the journal once the state file holds everything in it. */
  truncate(): void {
    fs.ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
