import type * as vscode from 'vscode';
import type { FileRecord } from '../cdf/model';
import type { SavePlan, RecordSaveResult } from '../core/save';
import type { UpdateReport } from '../core/ports';

/** A save that reached CDF (or found nothing left to send): what became of each changed record. */
export interface SaveDone {
  results: RecordSaveResult[];
  report?: UpdateReport;
  /** The records as CDF holds them now, for the tree. */
  records: FileRecord[];
  /** The text of the next read differs from the text written: the editor should read it back. */
  reload: boolean;
  /** The time of the records the written text shows (the stat of that text until it is read back). */
  textMtime: number;
}

export type SaveEnd = 'cancelled' | 'unchanged' | SaveDone;

/**
 * One kind of URI behind the one file system provider (a record, a selection): how to describe,
 * read and save a document of that kind. Adding a record kind adds one of these.
 */
export interface UriHandler {
  owns(uri: vscode.Uri): boolean;
  /** Describes what a read returns now. */
  stat(uri: vscode.Uri): Promise<vscode.FileStat>;
  read(uri: vscode.Uri): Promise<string>;
  /** Runs the one save; throws a refusal (keeping the text) for problems and failures. */
  save(uri: vscode.Uri, text: string): Promise<SaveEnd>;
  /** What saving `text` would send, without sending: for live problems and the preview. */
  plan(uri: vscode.Uri, text: string): SavePlan | undefined;
}
