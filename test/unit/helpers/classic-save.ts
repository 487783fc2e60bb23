/**
 * The one save as the product runs it for a classic file (src/vscode/record-files.ts and
 * selection-files.ts with CLASSIC_EDITOR_KIND): the generic requests of core/save with CLASSIC_FILE
 * and the classic records port over a files port (`classicRecordsApi`), in the shapes tests write
 * (bases by id, the files port's methods). Only the shape differs from the product's path.
 */
import { classicRecordsApi } from '../../../src/app';
import type { FileRecord, FileUpdateItem } from '../../../src/cdf/model';
import type { MergeConflict } from '../../../src/core/merge';
import type { FilesApi, RecordsApi } from '../../../src/core/ports';
import { CLASSIC_FILE } from '../../../src/core/records';
import {
  planSelectionSave as planSelection,
  recordSaveRequest as recordRequest,
  refusalSentence as sentence,
  selectionSaveRequest as selectionRequest,
  versionsByKey,
  type ConflictChoice,
  type RecordConflict,
  type RefusalProblem,
  type SavePlan,
  type SaveRecordsRequest,
} from '../../../src/core/save';

export type FilesPort = Partial<Pick<FilesApi, 'retrieveExisting' | 'updateFiles' | 'updateMany'>>;
export type ClassicRequest = SaveRecordsRequest<FileRecord, FileUpdateItem>;

/** The classic records port over whichever files-port methods a test gives (a missing one is never called). */
export function recordsApi(files: FilesPort): RecordsApi<FileRecord, FileUpdateItem> {
  const missing = (name: string) => () => Promise.reject(new Error(`the test's port has no ${name}`));
  return classicRecordsApi({
    retrieveExisting: files.retrieveExisting?.bind(files) ?? missing('retrieveExisting'),
    updateFiles: files.updateFiles?.bind(files) ?? missing('updateFiles'),
    updateMany: files.updateMany?.bind(files) ?? missing('updateMany'),
  } as FilesApi);
}

const byKey = (bases: ReadonlyMap<number, FileRecord>): Map<string, FileRecord> =>
  new Map([...bases].map(([id, r]) => [String(id), r]));

export interface SaveRequest {
  base: FileRecord;
  text: string;
  api: FilesPort;
  resolveConflicts: (
    conflicts: MergeConflict[],
    theirs: FileRecord,
    mine: FileRecord,
    wouldSave: FileRecord,
  ) => Promise<ConflictChoice>;
  signal?: AbortSignal;
}

export const recordSaveRequest = (req: SaveRequest): ClassicRequest =>
  recordRequest({ ...req, kind: CLASSIC_FILE, api: recordsApi(req.api) });

export interface SelectionSaveRequest {
  bases: ReadonlyMap<number, FileRecord>;
  text: string;
  api: FilesPort;
  resolveConflicts: (conflicts: RecordConflict<FileRecord>[]) => Promise<ConflictChoice>;
  signal?: AbortSignal;
}

export const selectionSaveRequest = (req: SelectionSaveRequest): ClassicRequest =>
  selectionRequest({ ...req, kind: CLASSIC_FILE, bases: byKey(req.bases), api: recordsApi(req.api) });

export const planSelectionSave = (bases: ReadonlyMap<number, FileRecord>, text: string): SavePlan<FileRecord> =>
  planSelection(CLASSIC_FILE, byKey(bases), text);

export const refusalSentence = (
  documentFile: string,
  text: string,
  problems: readonly RefusalProblem[],
  sent: 'was' | 'would be',
): string => sentence(CLASSIC_FILE, documentFile, text, problems, sent);

/** Each element's lastUpdatedTime, by id. */
export const lastUpdatedTimesById = (text: string): Map<number, number> =>
  new Map([...versionsByKey(CLASSIC_FILE, text)].map(([k, v]) => [Number(k), v]));

/** A conflict of a classic file (what the selection's question lists). */
export type SelectionConflict = RecordConflict<FileRecord>;
export type { SelectionConflict as ClassicConflict };
