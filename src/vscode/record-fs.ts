import * as vscode from 'vscode';
import type { FileRecord } from '../cdf/model';
import { renderDocument } from '../core/document/render';
import { saveRecord, type SaveOutcome } from '../core/save/save-record';
import { TextBase } from '../core/save/text-base';
import { describeFailure } from '../app/describe-failure';
import type { ConflictPrompt } from './conflict-prompt';
import { parseRecordUri, parseSelectionUri, type RecordRef } from './record-uri';
import { renderSelection, type SelectionFiles } from './selection-files';
import type { SaveDiagnostics } from './save-diagnostics';
import { keepUnsaved, saveRefused } from './save-refusal';
import type { Sessions } from './sessions';

/** VS Code calls stat() right before readFile() on open; one fetch serves both. */
const FRESH_MS = 2000;
/** How long a status bar note (a cancelled save, a merge) stays. */
const NOTICE_MS = 10000;

/** The user chose Cancel in the conflict question: not an error. */
const CANCELLED = 'cancelled' as const;

/**
 * Records as JSON documents on the `cdf-record:` scheme. readFile fetches the record (the base);
 * writeFile runs the save loop and throws on every failure, so VS Code keeps the buffer dirty with
 * the user's text and offers to retry; a save the user cancelled returns quietly and stays dirty.
 */
export class RecordFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  /** Per open record: what its text shows, and any newer record not read yet (see TextBase). */
  private readonly bases = new Map<string, TextBase>();
  private readonly saving = new Map<string, Promise<unknown>>();
  /** Stat of the text VS Code just wrote, until VS Code has read it back once (see save()). */
  private readonly written = new Map<string, { mtime: number; size: number }>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly saved = new vscode.EventEmitter<{ uri: vscode.Uri; outcome: SaveOutcome }>();
  /** Fires after every save attempt that reached a verdict (tests and the tree listen). */
  readonly onDidSave = this.saved.event;
  private readonly treeRefresh = new vscode.EventEmitter<FileRecord[]>();
  /** Records a selection save changed. */
  readonly onDidSaveRecords = this.treeRefresh.event;

  private readonly reloadAfterSave = new Set<string>();
  /** Documents whose save the user cancelled: dirty again once VS Code has finished "saving" them. */
  private readonly keepUnsavedAfterSave = new Set<string>();
  /** The last status bar note, for tests (the status bar itself is not readable from an extension). */
  lastNotice: string | undefined;
  private readonly onSaved: vscode.Disposable;

  constructor(
    private readonly sessions: Sessions,
    private readonly diagnostics: SaveDiagnostics,
    private readonly conflicts: ConflictPrompt,
    private readonly log: vscode.LogOutputChannel,
    private readonly selections: SelectionFiles,
  ) {
    // Once VS Code has finished saving (and noted the stat of what it wrote), tell it the record
    // in CDF now reads differently, so a clean editor reloads it.
    this.onSaved = vscode.workspace.onDidSaveTextDocument((doc) => {
      if (this.keepUnsavedAfterSave.delete(doc.uri.toString())) {
        void keepUnsaved(doc.uri).then((kept) =>
          this.notice(
            kept
              ? vscode.l10n.t('Save cancelled: nothing was sent, and your edits are kept unsaved.')
              : vscode.l10n.t('Save cancelled: nothing was sent.'),
          ),
        );
        return;
      }
      if (this.reloadAfterSave.delete(doc.uri.toString()))
        this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri: doc.uri }]);
    });
  }

  /** The record a document was opened from (what a save diffs against). */
  baseOf(uri: vscode.Uri): FileRecord | undefined {
    const ref = parseRecordUri(uri);
    return ref && this.bases.get(key(ref))?.current;
  }

  /** Another part of the extension learned a newer record (bulk action, tree refresh): reload clean editors. */
  recordChanged(uri: vscode.Uri, record: FileRecord): void {
    const ref = parseRecordUri(uri);
    if (!ref) return;
    // The editor may be edited before it reloads: until it reads the record, its text has the old base.
    const known = this.bases.get(key(ref));
    if (known) known.learned(record);
    else this.bases.set(key(ref), new TextBase(record));
    this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const written = this.written.get(uri.toString());
    if (written) {
      this.written.delete(uri.toString());
      return { type: vscode.FileType.File, ctime: 0, mtime: written.mtime, size: written.size };
    }
    const selection = parseSelectionUri(uri);
    if (selection) {
      const records = this.selections.cached(selection) ?? (await this.selections.read(uri, selection));
      return {
        type: vscode.FileType.File,
        ctime: 0,
        mtime: Math.max(0, ...records.map((r) => r.lastUpdatedTime)),
        size: Buffer.byteLength(renderSelection(records)),
      };
    }
    const ref = parseRecordUri(uri);
    if (!ref) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    // The newest record known: a newer one moves the mtime, so VS Code reads it into a clean editor.
    const record = this.bases.get(key(ref))?.latest ?? (await this.fetch(uri, ref));
    return {
      type: vscode.FileType.File,
      ctime: record.createdTime,
      // VS Code compares mtimes before a save; ours only moves when we learn a newer record.
      mtime: record.lastUpdatedTime,
      size: Buffer.byteLength(renderDocument(record)),
    };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const selection = parseSelectionUri(uri);
    if (selection) return Buffer.from(renderSelection(await this.selections.read(uri, selection)), 'utf8');
    const ref = parseRecordUri(uri);
    if (!ref) throw vscode.FileSystemError.FileIsADirectory(uri);
    const cached = this.bases.get(key(ref));
    const record =
      cached && (cached.hasNewer || Date.now() - cached.fetchedAt < FRESH_MS)
        ? cached.read()
        : await this.fetch(uri, ref);
    return Buffer.from(renderDocument(record), 'utf8');
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const selection = parseSelectionUri(uri);
    const ref = parseRecordUri(uri);
    if (!ref && !selection) throw vscode.FileSystemError.NoPermissions(uri);
    // Saves of one document run one after another: each must diff against the base the previous produced.
    const k = uri.toString();
    // A flag no save event consumed (the write did not come from saving the open document) is stale.
    this.keepUnsavedAfterSave.delete(k);
    const previous = this.saving.get(k) ?? Promise.resolve();
    const text = Buffer.from(content).toString('utf8');
    const next = previous
      .catch(() => undefined)
      .then(() => (selection ? this.saveSelection(uri, selection, text) : this.save(uri, ref!, text)));
    this.saving.set(k, next);
    let result: typeof CANCELLED | void;
    try {
      result = await next;
    } finally {
      if (this.saving.get(k) === next) this.saving.delete(k);
    }
    if (result === CANCELLED) {
      // With auto save after a delay, the edit that keeps the document dirty would start the next
      // save and ask again and again; a thrown error stops auto save until the user types.
      const autoSave = vscode.workspace.getConfiguration('files', uri).get<string>('autoSave');
      if (autoSave === 'afterDelay' || !vscode.workspace.textDocuments.some((d) => d.uri.toString() === k))
        throw saveRefused(vscode.l10n.t('Save cancelled; nothing was sent and your edits are kept.'));
      // VS Code now marks the document saved; the handler of onDidSaveTextDocument makes it dirty again.
      this.keepUnsavedAfterSave.add(k);
    }
  }

  private notice(text: string): void {
    this.lastNotice = text;
    vscode.window.setStatusBarMessage(`$(info) ${text}`, NOTICE_MS);
  }

  private async save(uri: vscode.Uri, ref: RecordRef, text: string): Promise<typeof CANCELLED | void> {
    const session = await this.sessionFor(uri, ref);
    const base = this.bases.get(key(ref))?.baseFor(text) ?? (await this.fetch(uri, ref));
    let outcome: SaveOutcome;
    try {
      outcome = await saveRecord({
        base,
        text,
        api: session.api,
        resolveConflicts: (conflicts, theirs, _mine, wouldSave) =>
          this.conflicts.ask(uri, conflicts, theirs, wouldSave),
      });
    } catch (err) {
      const failure = describeFailure(err);
      this.log.error(`save of ${uri.toString()} failed: ${failure.logDetail}`);
      this.diagnostics.showApiFailure(uri, text, failure);
      throw saveRefused(failure.message);
    }
    this.saved.fire({ uri, outcome });
    switch (outcome.kind) {
      case 'invalid':
        throw this.diagnostics.refuse(uri, text, outcome.problems, 'document');
      case 'cancelled':
        return CANCELLED;
      case 'unchanged':
        this.diagnostics.clear(uri);
        return;
      case 'up-to-date':
      case 'saved':
        this.diagnostics.clear(uri);
        // The document is about to show values the user did not type: say whose they are.
        if (outcome.broughtIn.length)
          this.notice(
            vscode.l10n.t("Saved, merged with someone else's change to {0} in CDF.", outcome.broughtIn.join(', ')),
          );
        if (outcome.kind === 'saved') {
          this.log.info(
            `saved file ${ref.id}: ${JSON.stringify(outcome.sent.update)}${outcome.merged ? ' (merged)' : ''}`,
          );
        }
        // The response is the document's next content, but until VS Code reads it back the text is what
        // the user wrote, and its base is what that text shows (see TextBase). VS Code stats the file right
        // after writing and skips a reload when that stat is unchanged, so the first stat describes the
        // text it wrote; the change event that follows makes it read the record back.
        {
          const sameText = renderDocument(outcome.record) === text;
          this.baseEntry(ref, base).saved(outcome.shown, outcome.record, sameText);
          if (!sameText) this.reloadAfterwards(uri, base.lastUpdatedTime, text);
        }
        return;
    }
  }

  private async saveSelection(
    uri: vscode.Uri,
    ref: NonNullable<ReturnType<typeof parseSelectionUri>>,
    text: string,
  ): Promise<typeof CANCELLED | void> {
    const before = this.selections.cached(ref);
    const records = await this.selections.save(uri, ref, text);
    if (records === CANCELLED) return CANCELLED;
    if (records) {
      this.treeRefresh.fire(records);
      if (renderSelection(records) !== text)
        this.reloadAfterwards(uri, Math.max(0, ...(before ?? []).map((r) => r.lastUpdatedTime)), text);
    }
    return undefined;
  }

  /** See save(): the first stat after the write describes the written text, then the document reloads. */
  private reloadAfterwards(uri: vscode.Uri, previousMtime: number, text: string): void {
    this.written.set(uri.toString(), { mtime: previousMtime, size: Buffer.byteLength(text) });
    this.reloadAfterSave.add(uri.toString());
  }

  private async fetch(uri: vscode.Uri, ref: RecordRef): Promise<FileRecord> {
    const session = await this.sessionFor(uri, ref);
    let record: FileRecord | undefined;
    try {
      [record] = await session.api.retrieveFiles([ref.id]);
    } catch (err) {
      const failure = describeFailure(err);
      if (failure.code === 'record-deleted') throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(failure.message);
    }
    if (!record) throw vscode.FileSystemError.FileNotFound(uri);
    return this.baseEntry(ref, record).shows(record);
  }

  private baseEntry(ref: RecordRef, record: FileRecord): TextBase {
    let known = this.bases.get(key(ref));
    if (!known) this.bases.set(key(ref), (known = new TextBase(record)));
    return known;
  }

  private async sessionFor(uri: vscode.Uri, ref: RecordRef) {
    const session = await this.sessions.whenReady();
    if (!session || session.project !== ref.project) {
      throw vscode.FileSystemError.Unavailable(
        vscode.l10n.t('Connect to CDF project "{0}" to open {1}.', ref.project, uri.path),
      );
    }
    return session;
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
    this.saved.dispose();
  }
}

const key = (ref: RecordRef): string => `${ref.project}/${ref.id}`;
