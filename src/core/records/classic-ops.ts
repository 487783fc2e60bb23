/**
 * The generic pipeline bound to the classic file, under the names its callers (the emulator, the
 * CLI, the bulk operations, tests) use: each is one line over the generic function with CLASSIC_FILE.
 */
import type { FileChangeUpdate, FileRecord, FileUpdateItem } from '../../cdf/model';
import { applyRecord } from '../apply';
import { diffRecord, planDocumentSave } from '../diff';
import { documentText, validateRecordDocument } from '../document';
import { mergeRecordsOf, type MergeResult } from '../merge';
import type { DocumentProblem, SaveProblem } from '../problems';
import type { FileDocument } from './classic-document';
import { CLASSIC_FILE } from './classic-file';

/** The minimal `files/update` update from `base` to `edited`; `undefined` when nothing changed. */
export const diff = (base: FileRecord, edited: FileDocument | FileRecord): FileChangeUpdate | undefined =>
  diffRecord(CLASSIC_FILE, base, edited);

/** The update item for `base`, always by internal id (an externalId may be the very thing being changed). */
export function diffToUpdateItem(
  base: FileRecord,
  edited: FileDocument,
): { id: number; update: FileChangeUpdate } | undefined {
  const update = diff(base, edited);
  return update && { id: base.id, update };
}

/** What `POST /files/update` does to one record. */
export const applyUpdate = (record: FileRecord, update: FileChangeUpdate): FileRecord =>
  applyRecord(CLASSIC_FILE, record, update);

export const mergeRecords = (
  base: FileRecord,
  mine: FileRecord,
  theirs: FileRecord,
  prefer: 'mine' | 'theirs' = 'theirs',
): MergeResult<FileRecord> => mergeRecordsOf(CLASSIC_FILE, base, mine, theirs, prefer);

export const validateDocument = (base: FileRecord, edited: unknown): DocumentProblem[] =>
  validateRecordDocument(CLASSIC_FILE, base, edited);

/** The document object of a record: every editable field present, `null` when unset. */
export const documentFromRecord = (record: FileRecord): FileDocument => CLASSIC_FILE.document.render(record);

/** The text of a record's document: 2-space indent, stable field order, a trailing newline. */
export const renderDocument = (record: FileRecord): string => documentText(CLASSIC_FILE, record);

export type SavePlan =
  | { ok: true; document: FileDocument; update?: FileChangeUpdate; item?: { id: number; update: FileChangeUpdate } }
  | { ok: false; problems: SaveProblem[] };

/** Parse, validate and diff a classic file's document: what the CLI runs on its files. */
export const planSave = (base: FileRecord, text: string): SavePlan =>
  planDocumentSave(CLASSIC_FILE, base, text) as SavePlan & { item?: FileUpdateItem };
