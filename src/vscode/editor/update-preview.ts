import * as vscode from 'vscode';
import type { SavePlan } from '../../core/save';
import { COMMANDS, FILE_SCHEME } from '../command-ids';
import type { RecordFileSystem } from '../record-fs';
import type { ReadOnlyDocuments } from '../read-only-documents';
import { problemCount } from '../save-refusal';

/**
 * "Preview update": the exact `POST /files/update` body saving would send (against the records as
 * they were opened), as a command and as a CodeLens on the first line of a dirty record or selection.
 */
export class UpdatePreview implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly fs: RecordFileSystem,
    /** Where the request body shows (read-only). */
    private readonly documents: ReadOnlyDocuments,
  ) {
    this.subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme === FILE_SCHEME) this.lensesChanged.fire();
    });
  }

  /** What saving `document` (a record or a selection) would send, or why nothing would be. */
  describe(document: vscode.TextDocument): { body?: { items: unknown[] }; summary: string } {
    const plan = this.fs.planOf(document.uri, document.getText());
    if (!plan) return { summary: vscode.l10n.t('The record is not loaded.') };
    return describePlan(plan);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const plan = document.isDirty ? this.fs.planOf(document.uri, document.getText()) : undefined;
    if (!plan) return [];
    const { summary } = describePlan(plan);
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: `$(eye) ${summary}`,
        command: COMMANDS.previewUpdate,
        arguments: [document.uri],
      }),
    ];
  }

  async show(uri?: vscode.Uri): Promise<vscode.TextDocument> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target?.toString());
    if (!document || document.uri.scheme !== FILE_SCHEME)
      throw new Error(vscode.l10n.t('Open a CDF file record first.'));
    const { body, summary } = this.describe(document);
    if (!body) throw new Error(summary);
    const path = `/update-request${document.uri.path.replace(/\.json$/, '')}.update-request.json`;
    return this.documents.show(path, JSON.stringify(body, null, 2) + '\n', 'json', {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
  }

  static register(preview: UpdatePreview): vscode.Disposable[] {
    return [vscode.languages.registerCodeLensProvider({ scheme: FILE_SCHEME }, preview)];
  }

  dispose(): void {
    this.subscription.dispose();
    this.lensesChanged.dispose();
  }
}

function describePlan(plan: SavePlan): { body?: { items: unknown[] }; summary: string } {
  if (!plan.ok) return { summary: vscode.l10n.t('{0}: nothing would be sent', problemCount(plan.problems.length)) };
  if (!plan.changes.length) return { body: { items: [] }, summary: vscode.l10n.t('No changes: saving sends nothing') };
  const fields = [...new Set(plan.changes.flatMap((c) => Object.keys(c.update)))];
  return {
    body: { items: plan.changes.map((c) => ({ id: c.base.id, update: c.update })) },
    summary: vscode.l10n.t('Preview update: {0}', fields.join(', ')),
  };
}
