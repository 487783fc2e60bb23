import * as vscode from 'vscode';
import type { FileRecord } from '../cdf/model';
import { renderDocument } from '../core/document/render';
import type { MergeConflict } from '../core/merge';
import type { ConflictChoice } from '../core/save/save-record';
import type { SelectionConflict } from '../core/save/save-selection';

const COMPARE_SCHEME = 'cdf-record-compare';

/**
 * When a save finds fields changed both here and on the server, show the two versions side by side
 * and ask: keep mine (overwrite), take theirs, or cancel (nothing sent, edits kept).
 */
export class ConflictPrompt implements vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly registration: vscode.Disposable;
  /** In-editor tests answer here instead of clicking the modal (the Playwright suite clicks it). */
  answerForTests: ConflictChoice | undefined;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, {
      onDidChange: this.changed.event,
      provideTextDocumentContent: (uri) => this.texts.get(uri.path) ?? '',
    });
  }

  async ask(
    uri: vscode.Uri,
    conflicts: MergeConflict[],
    theirs: FileRecord,
    mine: FileRecord,
  ): Promise<ConflictChoice> {
    const left = this.put(`/${theirs.id}/server/${baseName(uri)}`, renderDocument(theirs));
    const right = this.put(`/${theirs.id}/yours/${baseName(uri)}`, renderDocument(mine));
    const fields = conflicts.map((c) => (c.key !== undefined ? `${c.field}.${c.key}` : c.field)).join(', ');
    if (this.answerForTests) return this.answerForTests;
    await vscode.commands.executeCommand(
      'vscode.diff',
      left,
      right,
      vscode.l10n.t('{0}: in CDF now ↔ yours', baseName(uri)),
      { preview: true },
    );
    const overwrite = vscode.l10n.t('Overwrite with Mine');
    const theirsChoice = vscode.l10n.t('Take Theirs');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Someone else changed {0} in CDF since you opened this file.', fields),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Changes to other fields are merged either way. Overwrite sends your values for these fields; Take Theirs keeps the values in CDF and saves the rest of your edits. Cancel sends nothing.',
        ),
      },
      overwrite,
      theirsChoice,
    );
    await this.closeComparisons();
    return answer === overwrite ? 'overwrite' : answer === theirsChoice ? 'theirs' : 'cancel';
  }

  /** A selection save: one question for every file whose changed fields someone else changed too. */
  async askForSelection(conflicts: SelectionConflict[]): Promise<ConflictChoice> {
    if (this.answerForTests) return this.answerForTests;
    const lines = conflicts
      .slice(0, 10)
      .map(
        (c) =>
          `${c.file.name}: ${c.conflicts.map((x) => (x.key !== undefined ? `${x.field}.${x.key}` : x.field)).join(', ')}`,
      );
    const more = conflicts.length > 10 ? `\n… and ${conflicts.length - 10} more` : '';
    const overwrite = vscode.l10n.t('Overwrite with Mine');
    const theirs = vscode.l10n.t('Take Theirs');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Someone else changed {0} of these files in CDF since you opened them.', conflicts.length),
      { modal: true, detail: lines.join('\n') + more },
      overwrite,
      theirs,
    );
    return answer === overwrite ? 'overwrite' : answer === theirs ? 'theirs' : 'cancel';
  }

  /** The comparison served its purpose once the user chose. */
  private async closeComparisons(): Promise<void> {
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputTextDiff && t.input.original.scheme === COMPARE_SCHEME);
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
  }

  private put(path: string, text: string): vscode.Uri {
    this.texts.set(path, text);
    const uri = vscode.Uri.from({ scheme: COMPARE_SCHEME, path });
    this.changed.fire(uri);
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}

const baseName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);
