import type * as vscode from 'vscode';
import type { UpdateReport } from '../core/ports';
import type { RecordKind } from '../core/records';
import type { RecordSaveResult, SavePlan } from '../core/save';

/** A save that reached CDF (or found nothing left to send): what became of each changed record. */
export interface SaveDone<R = object> {
  results: RecordSaveResult<R, unknown>[];
  report?: UpdateReport<unknown, R>;
  /** The records as CDF holds them now, for the tree. */
  records: R[];
  /** The text of the next read differs from the text written: the editor should read it back. */
  reload: boolean;
  /** The version of the records the written text shows (the stat of that text until it is read back). */
  textMtime: number;
  /** A selection's element positions by record key (empty for a record's document: it has no elements). */
  elements: ReadonlyMap<string, number>;
}

export type SaveEnd<R = object> = 'cancelled' | 'unchanged' | SaveDone<R>;

/** What saving a text would send: the plan, and each change as the kind's wire item (Preview Update's body). */
export type PlannedSave<R = object> = SavePlan<R> & { items: unknown[] };

/**
 * One kind of URI behind the one file system provider (a record, a selection, of one record kind):
 * how to describe, read and save a document of that kind. A record kind adds one of each, made from
 * its entry in EDITOR_KINDS (record-kinds.ts).
 */
export interface UriHandler<R extends object = object> {
  /** The record kind's name (RecordKind.name) of the records its documents hold. */
  readonly kindName: string;
  owns(uri: vscode.Uri): boolean;
  /** Describes what a read returns now. */
  stat(uri: vscode.Uri): Promise<vscode.FileStat>;
  read(uri: vscode.Uri): Promise<string>;
  /** Runs the one save; throws a refusal (keeping the text) for problems and failures. */
  save(uri: vscode.Uri, text: string): Promise<SaveEnd<R>>;
  /** What saving `text` would send, without sending: for live problems and the preview. */
  plan(uri: vscode.Uri, text: string): PlannedSave<R> | undefined;
  /** The project a document of this handler belongs to. */
  projectOf(uri: vscode.Uri): string | undefined;
  /**
   * CDF holds `records` (of this handler's kind) of `project` now (saved elsewhere, a bulk action):
   * true when the document shows one of them and its next read (and stat) changes.
   */
  learned(uri: vscode.Uri, project: string, records: readonly R[]): boolean;
}

/** A plan with its wire items: each change encoded by its kind against the record it was opened from. */
export function plannedSave<R extends object, U>(kind: RecordKind<R, U>, plan: SavePlan<R>): PlannedSave<R> {
  return { ...plan, items: plan.changes.map((c) => kind.encodeUpdate(c.base, c.update)) };
}
