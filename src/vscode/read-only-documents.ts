import * as vscode from 'vscode';

/** The one scheme of the read-only documents the extension shows (nothing to save, nothing on disk). */
export const VIEW_SCHEME = 'cdf-view';

/**
 * The one read-only virtual-document provider: bulk previews and reports, the update request a save
 * would send, the two sides of a save conflict. Each caller names its documents by path; showing a
 * path again replaces its text.
 */
export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, this);

  /** Sets the text of the document at `path` and returns its URI (without opening it). */
  put(path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: VIEW_SCHEME, path: path.startsWith('/') ? path : `/${path}` });
    this.texts.set(uri.path, text);
    this.changed.fire(uri);
    return uri;
  }

  /** Puts the text and shows it in an editor, in `language`. */
  async show(
    path: string,
    text: string,
    language: string,
    options: vscode.TextDocumentShowOptions = { preview: true, preserveFocus: false },
  ): Promise<vscode.TextDocument> {
    const doc = await vscode.workspace.openTextDocument(this.put(path, text));
    await vscode.languages.setTextDocumentLanguage(doc, language);
    await vscode.window.showTextDocument(doc, options);
    return doc;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.path) ?? '';
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
