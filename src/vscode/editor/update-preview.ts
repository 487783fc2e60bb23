import * as vscode from 'vscode';
import type { PlannedSave } from '../uri-handler';
import { COMMANDS, FILE_SCHEME, VIEWS } from '../command-ids';
import { CommandRefusal } from '../command-runner';
import type { RecordFileSystem } from '../record-fs';
import type { ReadOnlyDocuments } from '../read-only-documents';
import { editorKindOf } from '../record-kinds';
import { problemCount, refusalSentence } from '../save-refusal';

/** How long typing pauses before an open preview is drawn again (each keystroke would redraw it). */
const FOLLOW_DELAY_MS = 300;

/**
 * "Preview update": the exact `POST /files/update` body saving would send (against the records as
 * they were opened), as a command and as a CodeLens on the first line of a dirty record or selection.
 * An open preview follows the record's later edits, so it never shows a request that is no longer true.
 */
export class UpdatePreview implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly shown = new vscode.EventEmitter<void>();
  /** A preview was really shown (the walkthrough's step completes on it, not on the command). */
  readonly onDidShowPreview = this.shown.event;
  /** Record URI -> the path of its open preview. */
  private readonly following = new Map<string, string>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly fs: RecordFileSystem,
    /** Where the request body shows (read-only). */
    private readonly documents: ReadOnlyDocuments,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme !== FILE_SCHEME) return;
        this.lensesChanged.fire();
        this.follow(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        for (const [record, path] of this.following)
          if (d.uri.path === path || d.uri.toString() === record) this.stopFollowing(record);
      }),
    ];
  }

  /** What saving `document` (a record or a selection) would send, or why nothing would be. */
  describe(document: vscode.TextDocument): { body?: object; summary: string; refusal?: string } {
    const plan = this.fs.planOf(document.uri, document.getText());
    if (!plan) return { summary: vscode.l10n.t('The record is not loaded.') };
    return describePlan(plan, document);
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const plan = document.isDirty ? this.fs.planOf(document.uri, document.getText()) : undefined;
    if (!plan) return [];
    const { summary } = describePlan(plan, document);
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title: `$(eye) ${summary}`,
        command: COMMANDS.previewUpdate,
        arguments: [document.uri],
      }),
    ];
  }

  /**
   * Shows the request beside the record. Without a record (the walkthrough's button, the palette
   * over another editor) it says what to do instead of failing; undefined when nothing was shown.
   */
  async show(uri?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const document = uri ? this.openDocument(uri) : this.activeRecord();
    if (!document) {
      const showFiles = vscode.l10n.t('Show the Files View');
      const choice = await vscode.window.showInformationMessage(
        vscode.l10n.t(
          'Open a record first (click a file in the Files view), then Preview Update shows what saving it would send.',
        ),
        showFiles,
      );
      if (choice === showFiles) await vscode.commands.executeCommand(`${VIEWS.files}.focus`);
      return undefined;
    }
    const { body, summary, refusal } = this.describe(document);
    if (!body) throw new CommandRefusal(refusal ?? summary);
    const path = previewPath(document.uri);
    const shown = await this.documents.show(path, render(body), 'jsonc', {
      viewColumn: vscode.ViewColumn.Beside,
      preview: true,
      preserveFocus: true,
    });
    this.following.set(document.uri.toString(), path);
    this.shown.fire();
    return shown;
  }

  static register(preview: UpdatePreview): vscode.Disposable[] {
    return [vscode.languages.registerCodeLensProvider({ scheme: FILE_SCHEME }, preview)];
  }

  dispose(): void {
    for (const record of [...this.following.keys()]) this.stopFollowing(record);
    for (const s of this.subscriptions) s.dispose();
    this.lensesChanged.dispose();
    this.shown.dispose();
  }

  private openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    return doc?.uri.scheme === FILE_SCHEME ? doc : undefined;
  }

  /** The active editor's record, else the one visible record (the walkthrough may be the active editor). */
  private activeRecord(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active?.uri.scheme === FILE_SCHEME) return active;
    const visible = vscode.window.visibleTextEditors.filter((e) => e.document.uri.scheme === FILE_SCHEME);
    return visible.length === 1 ? visible[0]!.document : undefined;
  }

  /** Redraws the open preview of `document` once typing pauses. */
  private follow(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const path = this.following.get(key);
    if (!path) return;
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        if (this.following.get(key) !== path) return;
        const { body, summary, refusal } = this.describe(document);
        // A document that cannot be saved shows why, where the request was: never a stale request.
        this.documents.put(path, body ? render(body) : `// ${refusal ?? summary}\n`);
      }, FOLLOW_DELAY_MS),
    );
  }

  private stopFollowing(record: string): void {
    clearTimeout(this.pending.get(record));
    this.pending.delete(record);
    this.following.delete(record);
  }
}

const previewPath = (record: vscode.Uri): string =>
  `/update-request${record.path.replace(/\.json$/, '')}.update-request.json`;

const render = (body: object): string => JSON.stringify(body, null, 2) + '\n';

function describePlan(
  plan: PlannedSave,
  document: vscode.TextDocument,
): { body?: object; summary: string; refusal?: string } {
  if (!plan.ok) {
    // The lens is short (a count); the command says the whole sentence, like a refused save.
    const summary = vscode.l10n.t('{0}: nothing would be sent', problemCount(plan.problems.length));
    return { summary, refusal: refusalSentence(document.uri, document.getText(), plan.problems, 'would be') };
  }
  if (!plan.changes.length) return { body: { items: [] }, summary: vscode.l10n.t('No changes: saving sends nothing') };
  const fields = [...new Set(plan.changes.flatMap((c) => Object.keys(c.update)))];
  // The exact body the save sends: the kind's request envelope (a node's upsert names its options).
  const { kind } = editorKindOf(document.uri);
  return {
    body: kind.requestBody?.(plan.items) ?? { items: plan.items },
    summary: vscode.l10n.t('Preview update: {0}', fields.join(', ')),
  };
}
