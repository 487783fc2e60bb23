import * as vscode from 'vscode';
import { describeFailure } from '../app';
import { documentText } from '../core/document';
import { planRecordSave, recordSaveRequest, saveRecords, TextBase } from '../core/save';
import type { ConflictPrompt } from './conflict-prompt';
import { sessionFor } from './project-session';
import type { EditorKind } from './record-kinds';
import { parseRecordUriOf, type RecordKeyRef } from './record-uri';
import { runSave, type SaveReporter } from './save-results';
import type { Sessions } from './sessions';
import { plannedSave, type PlannedSave, type SaveEnd, type UriHandler } from './uri-handler';

/** VS Code calls stat() right before readFile() on open; one fetch serves both. */
const FRESH_MS = 2000;

/** One record of a kind as its JSON document: `cdf-record:/PROJECT/SEGMENT/KEY/NAME.json`. */
export class RecordFiles<R extends object, U> implements UriHandler<R> {
  /** Per open record: what its text shows, and any newer record not read yet (see TextBase). */
  private readonly bases = new Map<string, TextBase<R>>();

  constructor(
    readonly editorKind: EditorKind<R, U>,
    private readonly sessions: Sessions,
    private readonly conflicts: ConflictPrompt,
    private readonly reporter: SaveReporter,
  ) {}

  get kindName(): string {
    return this.editorKind.kind.name;
  }

  owns(uri: vscode.Uri): boolean {
    return this.parse(uri) !== undefined;
  }

  projectOf(uri: vscode.Uri): string | undefined {
    return this.parse(uri)?.project;
  }

  /** The record a document was opened from (what a save diffs against). */
  baseOf(uri: vscode.Uri): R | undefined {
    const ref = this.parse(uri);
    return ref && this.bases.get(mapKey(ref))?.current;
  }

  learned(uri: vscode.Uri, project: string, records: readonly R[]): boolean {
    const ref = this.parse(uri);
    const { kind } = this.editorKind;
    const record = ref?.project === project ? records.find((r) => kind.key(r) === ref.key) : undefined;
    if (!ref || !record) return false;
    // The editor may be edited before it reloads: until it reads the record, its text has the old base.
    // Not read yet: the next stat and read fetch it.
    return this.bases.get(mapKey(ref))?.learned(record) ?? true;
  }

  plan(uri: vscode.Uri, text: string): PlannedSave<R> | undefined {
    const ref = this.parse(uri);
    const base = ref && this.bases.get(mapKey(ref))?.baseFor(text);
    return base && plannedSave(this.editorKind.kind, planRecordSave(this.editorKind.kind, base, text));
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const ref = this.ref(uri);
    // The newest record known: a newer one moves the mtime, so VS Code reads it into a clean editor.
    const record = this.bases.get(mapKey(ref))?.latest ?? (await this.fetch(uri, ref));
    return {
      type: vscode.FileType.File,
      ctime: this.editorKind.createdTime(record),
      mtime: this.editorKind.kind.version(record),
      size: Buffer.byteLength(documentText(this.editorKind.kind, record)),
    };
  }

  async read(uri: vscode.Uri): Promise<string> {
    const ref = this.ref(uri);
    const cached = this.bases.get(mapKey(ref));
    const record =
      cached && (cached.hasNewer || Date.now() - cached.fetchedAt < FRESH_MS)
        ? cached.read()
        : await this.fetch(uri, ref);
    return documentText(this.editorKind.kind, record);
  }

  async save(uri: vscode.Uri, text: string): Promise<SaveEnd<R>> {
    const { kind } = this.editorKind;
    const ref = this.ref(uri);
    const session = await sessionFor(this.sessions, ref.project, uri);
    const base = this.bases.get(mapKey(ref))?.baseFor(text) ?? (await this.fetch(uri, ref));
    const settled = await runSave(this.reporter, uri, text, 'document', (signal) =>
      saveRecords(
        recordSaveRequest({
          kind,
          base,
          text,
          api: this.editorKind.api(session),
          resolveConflicts: (conflicts, theirs, _mine, wouldSave) =>
            this.conflicts.ask(kind, uri, conflicts, theirs, wouldSave),
          signal,
        }),
      ),
    );
    if (typeof settled === 'string') return settled;
    const [result] = settled.results;
    // Deleted meanwhile: nothing was sent, and the report says so at the document.
    if (result!.status !== 'saved' && result!.status !== 'up-to-date')
      return { ...settled, records: [], reload: false, textMtime: kind.version(base), elements: new Map() };
    // The response is the document's next content, but until VS Code reads it back the text is what
    // the user wrote, and its base is what that text shows (see TextBase).
    const sameText = documentText(kind, result!.record) === text;
    this.entry(ref, base).saved(result!.shown, result!.record, sameText);
    return {
      ...settled,
      records: [result!.record],
      reload: !sameText,
      textMtime: kind.version(base),
      elements: new Map(),
    };
  }

  private parse(uri: vscode.Uri): RecordKeyRef | undefined {
    return parseRecordUriOf(this.editorKind.uri, uri);
  }

  private ref(uri: vscode.Uri): RecordKeyRef {
    const ref = this.parse(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  private async fetch(uri: vscode.Uri, ref: RecordKeyRef): Promise<R> {
    const session = await sessionFor(this.sessions, ref.project, uri);
    let record: R | undefined;
    try {
      [record] = await this.editorKind.api(session).retrieve([ref.key]);
    } catch (err) {
      const failure = describeFailure(err);
      if (failure.code === 'record-deleted') throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(failure.message);
    }
    if (!record) throw vscode.FileSystemError.FileNotFound(uri);
    return this.entry(ref, record).shows(record);
  }

  private entry(ref: RecordKeyRef, record: R): TextBase<R> {
    let known = this.bases.get(mapKey(ref));
    if (!known) this.bases.set(mapKey(ref), (known = new TextBase(this.editorKind.kind, record)));
    return known;
  }
}

const mapKey = (ref: RecordKeyRef): string => `${ref.project}/${ref.key}`;
