import * as vscode from 'vscode';
import type { FileRecord } from '../cdf/model';
import { CLASSIC_FILE } from '../core/records';
import type { SaveDiagnostics } from './save-diagnostics';
import { keepUnsaved, saveRefused } from './save-refusal';
import { reportDone } from './save-results';
import type { PlannedSave, UriHandler } from './uri-handler';
import type { UserPort } from './user-port';

/** Records a save changed or found changed, of one record kind (by its RecordKind.name). */
export interface SavedRecords {
  kind: string;
  records: readonly object[];
}

/**
 * Every document on the `cdf-record:` scheme, each URI kind served by its handler (a record, a
 * selection, of each record kind in EDITOR_KINDS: see uriHandlers in record-handlers.ts). writeFile runs the one save and throws on every failure, so VS Code keeps the buffer
 * dirty with the user's text and offers to retry; a save the user cancelled returns quietly and
 * stays dirty.
 *
 * The stat is honest: it describes what a read returns now. After a save, until VS Code has
 * finished saving, the file holds the text VS Code wrote (VS Code stats it right after writing and
 * notes that as the text's version); then, when CDF's records render differently (a merge, a
 * selection's new times), the provider announces the change and the file holds their rendering,
 * which a clean editor reads back.
 */
export class RecordFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly saving = new Map<string, Promise<unknown>>();
  /** What VS Code wrote, while the file holds it (until the newer rendering is announced). */
  private readonly written = new Map<string, { text: string; mtime: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly treeRefresh = new vscode.EventEmitter<SavedRecords>();
  /** Records a save changed or found changed (the tree and the walkthrough listen). */
  readonly onDidSaveRecords = this.treeRefresh.event;
  /** Documents whose save the user cancelled: dirty again once VS Code has finished "saving" them. */
  private readonly keepUnsavedAfterSave = new Set<string>();
  private readonly onSaved: vscode.Disposable;

  constructor(
    private readonly handlers: readonly UriHandler[],
    private readonly diagnostics: SaveDiagnostics,
    private readonly log: vscode.LogOutputChannel,
    /** Where a quiet note goes (the status bar in production). */
    private readonly user: Pick<UserPort, 'note'>,
  ) {
    this.onSaved = vscode.workspace.onDidSaveTextDocument((doc) => this.afterSave(doc.uri));
  }

  /** What saving `text` as the document `uri` would send, or undefined before it is loaded. */
  planOf(uri: vscode.Uri, text: string): PlannedSave | undefined {
    return this.handlerOf(uri)?.plan(uri, text);
  }

  /**
   * CDF holds newer `records` of `project` (saved from `except`, or a bulk action): every open,
   * clean document that shows one of them (a record, a selection) reads them again. A dirty one is
   * left alone: its save reads CDF and merges.
   */
  recordsChanged(project: string, records: readonly FileRecord[], except?: vscode.Uri): void {
    this.changed(project, { kind: CLASSIC_FILE.name, records }, except);
  }

  /** {@link recordsChanged} for records of any kind: documents of that kind learn them. */
  private changed(project: string, saved: SavedRecords, except?: vscode.Uri): void {
    if (!saved.records.length) return;
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.isDirty || doc.uri.toString() === except?.toString()) continue;
      const handler = this.handlerOf(doc.uri);
      if (handler?.kindName === saved.kind && handler.learned(doc.uri, project, saved.records)) this.announce(doc.uri);
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const written = this.written.get(uri.toString());
    if (written)
      return { type: vscode.FileType.File, ctime: 0, mtime: written.mtime, size: Buffer.byteLength(written.text) };
    const handler = this.handlerOf(uri);
    if (!handler) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    return handler.stat(uri);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const written = this.written.get(uri.toString());
    if (written) return Buffer.from(written.text, 'utf8');
    const handler = this.handlerOf(uri);
    if (!handler) throw vscode.FileSystemError.FileIsADirectory(uri);
    return Buffer.from(await handler.read(uri), 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const handler = this.handlerOf(uri);
    if (!handler) throw vscode.FileSystemError.NoPermissions(uri);
    const k = uri.toString();
    // A flag no save event consumed (the write did not come from saving the open document) is stale.
    this.keepUnsavedAfterSave.delete(k);
    if (this.written.has(k)) this.announce(uri);
    // Saves of one document run one after another: each must diff against the base the previous produced.
    const previous = this.saving.get(k) ?? Promise.resolve();
    const text = Buffer.from(content).toString('utf8');
    const next = previous.catch(() => undefined).then(() => this.save(handler, uri, text));
    this.saving.set(k, next);
    try {
      await next;
    } finally {
      if (this.saving.get(k) === next) this.saving.delete(k);
    }
  }

  private async save(handler: UriHandler, uri: vscode.Uri, text: string): Promise<void> {
    const end = await handler.save(uri, text);
    if (end === 'cancelled') return this.cancelled(uri);
    if (end === 'unchanged') return;
    const saved = { kind: handler.kindName, records: end.records };
    if (end.records.length) this.treeRefresh.fire(saved);
    this.changed(handler.projectOf(uri) ?? '', saved, uri);
    try {
      reportDone({ diagnostics: this.diagnostics, log: this.log }, uri, text, end, (t) => this.notice(t));
    } catch (refused) {
      // Partly saved: VS Code keeps its text unwritten, and the file now holds what CDF has.
      if (end.reload) this.announce(uri);
      throw refused;
    }
    // The file holds the written text until VS Code has noted it; then CDF's rendering is announced.
    if (end.reload) {
      this.written.set(uri.toString(), { text, mtime: end.textMtime });
      if (!isOpen(uri)) this.announce(uri);
    }
  }

  private cancelled(uri: vscode.Uri): void {
    // With auto save after a delay, the edit that keeps the document dirty would start the next
    // save and ask again and again; a thrown error stops auto save until the user types.
    const autoSave = vscode.workspace.getConfiguration('files', uri).get<string>('autoSave');
    if (autoSave === 'afterDelay' || !isOpen(uri)) throw saveRefused(cancelledText(true));
    // VS Code now marks the document saved; afterSave makes it dirty again.
    this.keepUnsavedAfterSave.add(uri.toString());
  }

  /** VS Code has finished saving (and noted the stat of what it wrote). */
  private afterSave(uri: vscode.Uri): void {
    if (this.keepUnsavedAfterSave.delete(uri.toString())) {
      void keepUnsaved(uri).then((kept) => this.notice(cancelledText(kept)));
      return;
    }
    if (this.written.has(uri.toString())) this.announce(uri);
  }

  /** The file now holds the newest rendering: a clean editor reads it back. */
  private announce(uri: vscode.Uri): void {
    this.written.delete(uri.toString());
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  private notice(text: string): void {
    this.user.note(text);
  }

  private handlerOf(uri: vscode.Uri): UriHandler | undefined {
    return this.handlers.find((h) => h.owns(uri));
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }
  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.onSaved.dispose();
    this.treeRefresh.dispose();
    this.emitter.dispose();
  }
}

const isOpen = (uri: vscode.Uri): boolean =>
  vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());

/** The one text of a save the user cancelled: `kept` when the editor still holds the edits unsaved. */
const cancelledText = (kept: boolean): string =>
  kept
    ? vscode.l10n.t('Save cancelled: nothing was sent, and your edits are kept unsaved.')
    : vscode.l10n.t('Save cancelled: nothing was sent.');
