import * as vscode from 'vscode';
import { classicRecordsApi } from '../app';
import type { CogniteFileUpsertItem, FileRecord, FileUpdateItem } from '../cdf/model';
import { countOf } from '../core/bulk';
import type { RecordsApi } from '../core/ports';
import { CLASSIC_FILE, COGNITE_FILE, type CogniteFileRecord, type RecordKind } from '../core/records';
import { CLASSIC_URI, NODE_URI, parseRecordUriOf, parseSelectionUriOf, type UriKind } from './record-uri';
import type { ProjectSession } from './sessions';

/**
 * What the editor layer knows of a record kind: the kind (core), its URI kind, the API of the open
 * project that serves it, and how a record is named in a tab. The record and selection handlers of
 * the one file system provider take one of these, so a second record kind is one more entry in
 * {@link EDITOR_KINDS}, not an edit of the handlers.
 */
export interface EditorKind<R extends object, U> {
  readonly kind: RecordKind<R, U>;
  readonly uri: UriKind;
  readonly api: (session: ProjectSession) => RecordsApi<R, U>;
  /** When the record was created (a stat's ctime). */
  readonly createdTime: (record: R) => number;
  /** The tab title of a selection of `count` such records. */
  readonly selectionTitle: (count: number) => string;
}

export const CLASSIC_EDITOR_KIND: EditorKind<FileRecord, FileUpdateItem> = {
  kind: CLASSIC_FILE,
  uri: CLASSIC_URI,
  api: (session) => classicRecordsApi(session.api),
  createdTime: (record) => record.createdTime,
  selectionTitle: (count) => countOf(CLASSIC_FILE, count),
};

/** A CogniteFile node: `/PROJECT/nodes/SPACE:EXTERNALID/NAME.json`, saved by upserts with `existingVersion`. */
export const COGNITE_EDITOR_KIND: EditorKind<CogniteFileRecord, CogniteFileUpsertItem> = {
  kind: COGNITE_FILE,
  uri: NODE_URI,
  api: (session) => {
    if (!session.cogniteFiles) throw new Error(vscode.l10n.t('This connection does not read CDF data modeling.'));
    return session.cogniteFiles;
  },
  createdTime: (record) => record.createdTime,
  selectionTitle: (count) => countOf(COGNITE_FILE, count),
};

/** Every record kind the editor opens: one handler for its records and one for its selections each. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table of kinds, each checked where it is built
export const EDITOR_KINDS: readonly EditorKind<any, any>[] = [CLASSIC_EDITOR_KIND, COGNITE_EDITOR_KIND];

/** The entry whose URI kind a document's URI is (a record or a selection of it); the classic file otherwise. */
export function editorKindOf(uri: vscode.Uri): EditorKind<object, unknown> {
  const owner = EDITOR_KINDS.find((k) => parseRecordUriOf(k.uri, uri) ?? parseSelectionUriOf(k.uri, uri));
  return (owner ?? CLASSIC_EDITOR_KIND) as unknown as EditorKind<object, unknown>;
}

/** The classic files among saved records (what the files tree shows); none for another kind. */
export const classicRecords = (saved: { kind: string; records: readonly object[] }): FileRecord[] =>
  saved.kind === CLASSIC_FILE.name ? (saved.records as FileRecord[]) : [];
