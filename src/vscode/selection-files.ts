import * as vscode from 'vscode';
import { LIMITS } from '../cdf/model';
import { selectionText } from '../core/document';
import {
  planSelectionSave,
  saveRecords,
  selectionSaveRequest,
  versionsByKey,
  elementIndexesByKey,
  TextBase,
} from '../core/save';
import type { ConflictPrompt } from './conflict-prompt';
import { sessionFor } from './project-session';
import type { EditorKind } from './record-kinds';
import { parseSelectionUriOf, type SelectionRef } from './record-uri';
import type { SaveDiagnostics } from './save-diagnostics';
import { runSave, type SaveReporter } from './save-results';
import type { Sessions } from './sessions';
import { plannedSave, type PlannedSave, type SaveEnd, type UriHandler } from './uri-handler';

/** The record keys of each opened selection, kept in workspace state so a reloaded window finds them again. */
export class SelectionStore {
  constructor(private readonly state: vscode.Memento) {}

  create(keys: readonly (string | number)[]): string {
    const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    void this.state.update(`cdfFiles.selection.${key}`, keys.map(String));
    return key;
  }

  /** The keys, as text (a selection saved by an earlier version holds numeric ids). */
  keys(key: string): string[] | undefined {
    return this.state.get<(string | number)[]>(`cdfFiles.selection.${key}`)?.map(String);
  }
}

/**
 * "Edit selection as JSON": several records of one kind as one array document,
 * `cdf-record:/PROJECT/SELECTION/KEY/N files.json`. Saving runs the one save of every element
 * that changed, with a record's rules; the updates go through the chunked updater.
 */
export class SelectionFiles<R extends object, U> implements UriHandler<R> {
  /** Per selection, per record in the order opened: what the text shows of it, and any newer record (see TextBase). */
  private readonly bases = new Map<string, Map<string, TextBase<R>>>();
  private readonly reporter: SaveReporter;

  constructor(
    readonly editorKind: EditorKind<R, U>,
    private readonly store: SelectionStore,
    private readonly sessions: Sessions,
    diagnostics: SaveDiagnostics,
    private readonly conflicts: ConflictPrompt,
    log: vscode.LogOutputChannel,
  ) {
    this.reporter = { diagnostics, log };
  }

  get kindName(): string {
    return this.editorKind.kind.name;
  }

  owns(uri: vscode.Uri): boolean {
    return this.parse(uri) !== undefined;
  }

  projectOf(uri: vscode.Uri): string | undefined {
    return this.parse(uri)?.project;
  }

  /** The newest records known (what a read renders, and the stat describes). */
  cached(ref: SelectionRef): R[] | undefined {
    const bases = this.bases.get(ref.key);
    return bases && [...bases.values()].map((b) => b.latest);
  }

  plan(uri: vscode.Uri, text: string): PlannedSave<R> | undefined {
    const ref = this.parse(uri);
    const known = ref && this.bases.get(ref.key);
    const { kind } = this.editorKind;
    return known && plannedSave(kind, planSelectionSave(kind, this.basesFor(known, text), text));
  }

  learned(uri: vscode.Uri, project: string, records: readonly R[]): boolean {
    const { kind } = this.editorKind;
    const ref = this.parse(uri);
    if (ref?.project !== project) return false;
    const known = this.bases.get(ref.key);
    // Not read yet: the next stat and read fetch every record.
    if (!known) return records.some((r) => this.store.keys(ref.key)?.includes(kind.key(r)));
    // Every element learns (not only the first): the stat's newest version and the next read show them all.
    return records.map((r) => known.get(kind.key(r))?.learned(r) ?? false).includes(true);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const ref = this.ref(uri);
    const records = this.cached(ref) ?? (await this.fetch(uri, ref));
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: this.newest(records),
      size: Buffer.byteLength(selectionText(this.editorKind.kind, records)),
    };
  }

  async read(uri: vscode.Uri): Promise<string> {
    return selectionText(this.editorKind.kind, await this.fetch(uri, this.ref(uri)));
  }

  async save(uri: vscode.Uri, text: string): Promise<SaveEnd<R>> {
    const { kind } = this.editorKind;
    const ref = this.ref(uri);
    const session = await sessionFor(this.sessions, ref.project, uri);
    if (!this.bases.has(ref.key)) await this.fetch(uri, ref);
    const known = this.bases.get(ref.key)!;
    const bases = this.basesFor(known, text);
    const settled = await runSave(this.reporter, uri, text, 'selection', (signal) =>
      saveRecords(
        selectionSaveRequest({
          kind,
          bases,
          text,
          api: this.editorKind.api(session),
          resolveConflicts: (conflicts) => this.conflicts.askForSelection(kind, conflicts),
          signal,
        }),
      ),
    );
    if (typeof settled === 'string') return settled;
    // The text is kept as written: a saved record's base is what the text shows of it, and CDF's
    // answer is what the next read renders. Saving the same text again then sends only what is missing.
    const landed = settled.results.filter((r) => r.status === 'saved' || r.status === 'up-to-date');
    for (const r of landed) known.get(r.key)?.saved(r.shown, r.record, false);
    const latest = [...known.values()].map((b) => b.latest);
    return {
      ...settled,
      records: landed.map((r) => r.record),
      reload: selectionText(kind, latest) !== text,
      textMtime: this.newest([...bases.values()]),
      elements: elementIndexesByKey(kind, text),
    };
  }

  private parse(uri: vscode.Uri): SelectionRef | undefined {
    return parseSelectionUriOf(this.editorKind.uri, uri);
  }

  private ref(uri: vscode.Uri): SelectionRef {
    const ref = this.parse(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  /** Reads every record of the selection; the text now shows them. */
  private async fetch(uri: vscode.Uri, ref: SelectionRef): Promise<R[]> {
    const { kind } = this.editorKind;
    const keys = this.store.keys(ref.key);
    if (!keys) throw vscode.FileSystemError.FileNotFound(uri);
    const api = this.editorKind.api(await sessionFor(this.sessions, ref.project, uri));
    const records: R[] = [];
    for (let i = 0; i < keys.length; i += LIMITS.itemsPerRequest)
      records.push(...(await api.retrieveExisting(keys.slice(i, i + LIMITS.itemsPerRequest))));
    // A base it replaces stays known for an older text (see TextBase).
    const known = this.bases.get(ref.key);
    const next = records.map((r): [string, TextBase<R>] => [
      kind.key(r),
      known?.get(kind.key(r)) ?? new TextBase(kind, r),
    ]);
    next.forEach(([, base], i) => base.shows(records[i]!));
    this.bases.set(ref.key, new Map(next));
    return records;
  }

  /** Each element's base is what that element shows (its version picks an earlier base). */
  private basesFor(known: ReadonlyMap<string, TextBase<R>>, text: string): Map<string, R> {
    const versions = versionsByKey(this.editorKind.kind, text);
    return new Map([...known].map(([key, b]) => [key, b.baseAt(versions.get(key))]));
  }

  private newest(records: readonly R[]): number {
    return Math.max(0, ...records.map(this.editorKind.kind.version));
  }
}
