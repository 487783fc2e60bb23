import * as vscode from 'vscode';
import { LIMITS, type FileRecord } from '../cdf/model';
import { documentFromRecord } from '../core/document';
import {
  planSelectionSave,
  saveRecords,
  type SavePlan,
  selectionSaveRequest,
  lastUpdatedTimesById,
  TextBase,
} from '../core/save';
import type { ConflictPrompt } from './conflict-prompt';
import { sessionFor } from './project-session';
import { parseSelectionUri, type SelectionRef } from './record-uri';
import type { SaveDiagnostics } from './save-diagnostics';
import { runSave, type SaveReporter } from './save-results';
import type { Sessions } from './sessions';
import type { SaveEnd, UriHandler } from './uri-handler';

/** The file ids of each opened selection, kept in workspace state so a reloaded window finds them again. */
export class SelectionStore {
  constructor(private readonly state: vscode.Memento) {}

  create(ids: number[]): string {
    const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    void this.state.update(`cdfFiles.selection.${key}`, ids);
    return key;
  }

  ids(key: string): number[] | undefined {
    return this.state.get<number[]>(`cdfFiles.selection.${key}`);
  }
}

export const renderSelection = (records: readonly FileRecord[]): string =>
  JSON.stringify(records.map(documentFromRecord), null, 2) + '\n';

/**
 * "Edit selection as JSON": several records as one array document,
 * `cdf-record:/PROJECT/selection/KEY/N files.json`. Saving runs the one save of every element
 * that changed, with a record's rules; the updates go through the chunked updater.
 */
export class SelectionFiles implements UriHandler {
  /** Per selection, per file in the order opened: what the text shows of it, and any newer record (see TextBase). */
  private readonly bases = new Map<string, Map<number, TextBase>>();
  private readonly reporter: SaveReporter;

  constructor(
    private readonly store: SelectionStore,
    private readonly sessions: Sessions,
    diagnostics: SaveDiagnostics,
    private readonly conflicts: ConflictPrompt,
    log: vscode.LogOutputChannel,
  ) {
    this.reporter = { diagnostics, log };
  }

  owns(uri: vscode.Uri): boolean {
    return parseSelectionUri(uri) !== undefined;
  }

  /** The newest records known (what a read renders, and the stat describes). */
  cached(ref: SelectionRef): FileRecord[] | undefined {
    const bases = this.bases.get(ref.key);
    return bases && [...bases.values()].map((b) => b.latest);
  }

  plan(uri: vscode.Uri, text: string): SavePlan | undefined {
    const ref = parseSelectionUri(uri);
    const known = ref && this.bases.get(ref.key);
    return known && planSelectionSave(basesFor(known, text), text);
  }

  learned(uri: vscode.Uri, project: string, records: readonly FileRecord[]): boolean {
    const ref = parseSelectionUri(uri);
    if (ref?.project !== project) return false;
    const known = this.bases.get(ref.key);
    // Not read yet: the next stat and read fetch every file.
    if (!known) return records.some((r) => this.store.ids(ref.key)?.includes(r.id));
    // Every element learns (not only the first): the stat's newest time and the next read show them all.
    return records.map((r) => known.get(r.id)?.learned(r) ?? false).includes(true);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const ref = this.ref(uri);
    const records = this.cached(ref) ?? (await this.fetch(uri, ref));
    return {
      type: vscode.FileType.File,
      ctime: 0,
      mtime: newest(records),
      size: Buffer.byteLength(renderSelection(records)),
    };
  }

  async read(uri: vscode.Uri): Promise<string> {
    return renderSelection(await this.fetch(uri, this.ref(uri)));
  }

  async save(uri: vscode.Uri, text: string): Promise<SaveEnd> {
    const ref = this.ref(uri);
    const session = await sessionFor(this.sessions, ref.project, uri);
    if (!this.bases.has(ref.key)) await this.fetch(uri, ref);
    const known = this.bases.get(ref.key)!;
    const bases = basesFor(known, text);
    const settled = await runSave(this.reporter, uri, text, 'selection', (signal) =>
      saveRecords(
        selectionSaveRequest({
          bases,
          text,
          api: session.api,
          resolveConflicts: (conflicts) => this.conflicts.askForSelection(conflicts),
          signal,
        }),
      ),
    );
    if (typeof settled === 'string') return settled;
    // The text is kept as written: a saved file's base is what the text shows of it, and CDF's
    // answer is what the next read renders. Saving the same text again then sends only what is missing.
    const landed = settled.results.filter((r) => r.status === 'saved' || r.status === 'up-to-date');
    for (const r of landed) known.get(r.base.id)?.saved(r.shown, r.record, false);
    const latest = [...known.values()].map((b) => b.latest);
    return {
      ...settled,
      records: landed.map((r) => r.record),
      reload: renderSelection(latest) !== text,
      textMtime: newest([...bases.values()]),
    };
  }

  private ref(uri: vscode.Uri): SelectionRef {
    const ref = parseSelectionUri(uri);
    if (!ref) throw vscode.FileSystemError.FileNotFound(uri);
    return ref;
  }

  /** Reads every file of the selection; the text now shows them. */
  private async fetch(uri: vscode.Uri, ref: SelectionRef): Promise<FileRecord[]> {
    const ids = this.store.ids(ref.key);
    if (!ids) throw vscode.FileSystemError.FileNotFound(uri);
    const session = await sessionFor(this.sessions, ref.project, uri);
    const records: FileRecord[] = [];
    for (let i = 0; i < ids.length; i += LIMITS.itemsPerRequest)
      records.push(
        ...(await session.api.retrieveExisting(ids.slice(i, i + LIMITS.itemsPerRequest).map((id) => ({ id })))),
      );
    // A base it replaces stays known for an older text (see TextBase).
    const known = this.bases.get(ref.key);
    const next = records.map((r): [number, TextBase] => [r.id, known?.get(r.id) ?? new TextBase(r)]);
    next.forEach(([, base], i) => base.shows(records[i]!));
    this.bases.set(ref.key, new Map(next));
    return records;
  }
}

/** Each element's base is what that element shows (its lastUpdatedTime picks an earlier base). */
function basesFor(known: ReadonlyMap<number, TextBase>, text: string): Map<number, FileRecord> {
  const times = lastUpdatedTimesById(text);
  return new Map([...known].map(([id, b]) => [id, b.baseAt(times.get(id))]));
}

const newest = (records: readonly FileRecord[]): number => Math.max(0, ...records.map((r) => r.lastUpdatedTime));
