import * as vscode from 'vscode';
import { describeFailure } from '../app/describe-failure';
import { LIMITS, type FileRecord } from '../cdf/model';
import { documentFromRecord } from '../core/document/render';
import { saveSelection, type SelectionSaveOutcome } from '../core/save/save-selection';
import { lastUpdatedTimesById, TextBase } from '../core/save/text-base';
import type { ConflictPrompt } from './conflict-prompt';
import type { SelectionRef } from './record-uri';
import type { SaveDiagnostics } from './save-diagnostics';
import { saveRefused } from './save-refusal';
import type { Sessions } from './sessions';

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
 * "Edit selection as JSON": several records as one array document; saving diffs every element
 * against its base and sends the batched updates through the same save loop and conflict rules.
 */
export class SelectionFiles {
  /** Per selection, per file in the order opened: what the text shows of it, and any newer record (see TextBase). */
  private readonly bases = new Map<string, Map<number, TextBase>>();

  constructor(
    private readonly store: SelectionStore,
    private readonly sessions: Sessions,
    private readonly diagnostics: SaveDiagnostics,
    private readonly conflicts: ConflictPrompt,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The newest records known (what a read renders, and the stat describes). */
  cached(ref: SelectionRef): FileRecord[] | undefined {
    const bases = this.bases.get(ref.key);
    return bases && [...bases.values()].map((b) => b.latest);
  }

  async read(uri: vscode.Uri, ref: SelectionRef): Promise<FileRecord[]> {
    const ids = this.store.ids(ref.key);
    if (!ids) throw vscode.FileSystemError.FileNotFound(uri);
    const session = await this.sessions.whenReady();
    if (!session || session.project !== ref.project)
      throw vscode.FileSystemError.Unavailable(
        vscode.l10n.t('Connect to CDF project "{0}" to open this selection.', ref.project),
      );
    const records: FileRecord[] = [];
    for (let i = 0; i < ids.length; i += LIMITS.itemsPerRequest)
      records.push(
        ...(await session.api.retrieveExisting(ids.slice(i, i + LIMITS.itemsPerRequest).map((id) => ({ id })))),
      );
    // The text now shows these records; a base it replaces stays known for an older text (see TextBase).
    const known = this.bases.get(ref.key);
    this.bases.set(
      ref.key,
      new Map(
        records.map((r) => {
          const base = known?.get(r.id) ?? new TextBase(r);
          base.shows(r);
          return [r.id, base];
        }),
      ),
    );
    return records;
  }

  /**
   * Returns the records as CDF holds them after the save, or 'cancelled' when the user cancelled the
   * conflict question; throws (keeping the edits) on any problem or failure.
   */
  async save(uri: vscode.Uri, ref: SelectionRef, text: string): Promise<FileRecord[] | 'cancelled' | undefined> {
    const session = this.sessions.active;
    if (!this.bases.has(ref.key)) await this.read(uri, ref);
    const known = this.bases.get(ref.key)!;
    // Each element's base is what that element shows (its lastUpdatedTime picks an earlier base).
    const times = lastUpdatedTimesById(text);
    const bases = new Map([...known].map(([id, b]) => [id, b.baseAt(times.get(id))]));
    if (!session) throw saveRefused(vscode.l10n.t('Not saved: open the CDF project first.'));
    let outcome: SelectionSaveOutcome;
    try {
      outcome = await saveSelection({
        bases,
        text,
        api: {
          retrieveFiles: (ids, signal) => session.api.retrieveFiles(ids, signal),
          updateMany: (items, o) => session.api.updateMany(items, o),
        },
        resolveConflicts: (conflicts) => this.conflicts.askForSelection(conflicts),
      });
    } catch (err) {
      throw saveRefused(describeFailure(err).message);
    }
    switch (outcome.kind) {
      case 'invalid':
        throw this.diagnostics.refuse(uri, text, outcome.problems, 'selection');
      case 'cancelled':
        return 'cancelled';
      case 'unchanged':
        this.diagnostics.clear(uri);
        return undefined;
      case 'sent': {
        // The text is kept as written: an applied file's base is what the text shows of it, and CDF's
        // answer is what the next read renders. Saving the same text again then sends only what is missing.
        const shown = new Map(outcome.shown.map((r) => [r.id, r]));
        for (const r of outcome.records) {
          const textShows = shown.get(r.id);
          if (textShows) known.get(r.id)?.saved(textShows, r, false);
          else known.get(r.id)?.learned(r);
        }
        const { report } = outcome;
        this.log.info(
          `selection save: ${report.applied.length} applied, ${report.failed.length} failed, ${report.unknown.length} unknown`,
        );
        const notApplied = report.failed.length + report.unknown.length + report.notSent.length;
        if (!notApplied) {
          this.diagnostics.clear(uri);
          return [...known.values()].map((b) => b.latest);
        }
        const reasons = [
          ...report.failed.map((f) => `file ${idOf(f.item)}: ${f.failure.reason}: ${f.failure.message}`),
          ...report.unknown.map((u) => `file ${idOf(u.item)}: no answer (${u.why})`),
          ...report.notSent.map((n) => `file ${idOf(n.item)}: not sent`),
        ];
        throw saveRefused(
          vscode.l10n.t(
            '{0} of {1} changed files saved; {2} not: {3}. Your edits are kept; save again to retry them.',
            report.applied.length,
            report.total,
            notApplied,
            reasons.slice(0, 5).join('; '),
          ),
        );
      }
    }
  }
}

const idOf = (item: { id?: number } | object): string => ('id' in item ? String(item.id) : '?');
