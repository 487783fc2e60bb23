import * as vscode from 'vscode';
import { describeFailure } from '../app';
import type { FileRecord } from '../cdf/model';
import { renderDocument } from '../core/document';
import { planRecordSave, recordSaveRequest, saveRecords, type SavePlan, TextBase } from '../core/save';
import type { ConflictPrompt } from './conflict-prompt';
import { sessionFor } from './project-session';
import { parseRecordUri, type RecordRef } from './record-uri';
import { runSave, type SaveReporter } from './save-results';
import type { Sessions } from './sessions';
import type { SaveEnd, UriHandler } from './uri-handler';

/** VS Code calls stat() right before readFile() on open; one fetch serves both. */
const FRESH_MS = 2000;

/** One record as its JSON document: `cdf-record:/PROJECT/files/ID/NAME.json`. */
export class RecordFiles implements UriHandler {
  /** Per open record: what its text shows, and any newer record not read yet (see TextBase). */
  private readonly bases = new Map<string, TextBase>();

  constructor(
    private readonly sessions: Sessions,
    private readonly conflicts: ConflictPrompt,
    private readonly reporter: SaveReporter,
  ) {}

  owns(uri: vscode.Uri): boolean {
    return parseRecordUri(uri) !== undefined;
  }

  /** The record a document was opened from (what a save diffs against). */
  baseOf(uri: vscode.Uri): FileRecord | undefined {
    const ref = parseRecordUri(uri);
    return ref && this.bases.get(key(ref))?.current;
  }

  learned(uri: vscode.Uri, project: string, records: readonly FileRecord[]): boolean {
    const ref = parseRecordUri(uri);
    const record = ref?.project === project ? records.find((r) => r.id === ref.id) : undefined;
    if (!ref || !record) return false;
    // The editor may be edited before it reloads: until it reads the record, its text has the old base.
    // Not read yet: the next stat and read fetch it.
    return this.bases.get(key(ref))?.learned(record) ?? true;
  }

  plan(uri: vscode.Uri, text: string): SavePlan | undefined {
    const ref = parseRecordUri(uri);
    const base = ref && this.bases.get(key(ref))?.baseFor(text);
    return base && planRecordSave(base, text);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const ref = this.ref(uri);
    // The newest record known: a newer one moves the mtime, so VS Code reads it into a clean editor.
    const record = this.bases.get(key(ref))?.latest ?? (await this.fetch(uri, ref));
    return {
      type: vscode.FileType.File,
      ctime: record.createdTime,
      mtime: record.lastUpdatedTime,
      size: Buffer.byteLength(renderDocument(record)),
    };
  }

  async read(uri: vscode.Uri): Promise<string> {
    const ref = this.ref(uri);
    const cached = this.bases.get(key(ref));
    const record =
      cached && (cached.hasNewer || Date.now() - cached.fetchedAt < FRESH_MS)
        ? cached.read()
        : await this.fetch(uri, ref);
    return renderDocument(record);
  }

  async save(uri: vscode.Uri, text: string): Promise<SaveEnd> {
    const ref = this.ref(uri);
    const session = await sessionFor(this.sessions, ref.project, uri);
    const base = this.bases.get(key(ref))?.baseFor(text) ?? (await this.fetch(uri, ref));
    const settled = await runSave(this.reporter, uri, text, 'document', (signal) =>
      saveRecords(
        recordSaveRequest({
          base,
          text,
          api: session.api,
          resolveConflicts: (conflicts, theirs, _mine, wouldSave) =>
            this.conflicts.ask(uri, conflicts, theirs, wouldSave),
          signal,
        }),
      ),
    );
    if (typeof settled === 'string') return settled;
    const [result] = settled.results;
    // Deleted meanwhile: nothing was sent, and the report says so at the document.
    if (result!.status !== 'saved' && result!.status !== 'up-to-date')
      return { ...settled, records: [], reload: false, textMtime: base.lastUpdatedTime };
    // The response is the document's next content, but until VS Code reads it back the text is what
    // the user wrote, and its base is what that text shows (see TextBase).
    const sameText = renderDocument(result!.record) === text;
    this.entry(ref, base).saved(result!.shown, result!.record, sameText);
    return { ...settled, records: [result!.record], reload: !sameText, textMtime: base.lastUpdatedTime };
  }

  private ref(uri: vscode.Uri): RecordRef {
    const ref = parseRecordUri(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  private async fetch(uri: vscode.Uri, ref: RecordRef): Promise<FileRecord> {
    const session = await sessionFor(this.sessions, ref.project, uri);
    let record: FileRecord | undefined;
    try {
      [record] = await session.api.retrieveFiles([ref.id]);
    } catch (err) {
      const failure = describeFailure(err);
      if (failure.code === 'record-deleted') throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(failure.message);
    }
    if (!record) throw vscode.FileSystemError.FileNotFound(uri);
    return this.entry(ref, record).shows(record);
  }

  private entry(ref: RecordRef, record: FileRecord): TextBase {
    let known = this.bases.get(key(ref));
    if (!known) this.bases.set(key(ref), (known = new TextBase(record)));
    return known;
  }
}

const key = (ref: RecordRef): string => `${ref.project}/${ref.id}`;
