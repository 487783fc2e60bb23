import * as vscode from 'vscode';
import { rangeOfPath, parseDocument, formatPath } from '../core/document';
import type { JsonPath } from '../core/json-path';
import type { FailureDescription } from '../app';
import { refusalSentence, saveRefused } from './save-refusal';
import type { SaveProblem } from '../core/problems';

/** Save problems in the Problems panel, at the exact range of the field they concern. */
export class SaveDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('cdf-files');
  /** Documents whose last save was refused: their problems show in full until it is fixed. */
  private readonly refused = new Set<string>();

  showProblems(uri: vscode.Uri, text: string, problems: SaveProblem[]): void {
    const doc = documentFor(uri, text);
    const tree = parseDocument(text).tree;
    const diagnostics = problems.map((p) => {
      const span =
        p.offset !== undefined
          ? { offset: p.offset, length: p.length ?? 1 }
          : tree
            ? rangeOfPath(tree, p.path)
            : undefined;
      const range = span
        ? new vscode.Range(doc.positionAt(span.offset), doc.positionAt(span.offset + Math.max(span.length, 1)))
        : firstLine;
      const d = new vscode.Diagnostic(range, `${formatPath(p.path)}: ${p.message}`, vscode.DiagnosticSeverity.Error);
      d.source = 'CDF Files';
      d.code = p.code;
      return d;
    });
    this.collection.set(uri, diagnostics);
  }

  showApiFailure(uri: vscode.Uri, text: string, failure: FailureDescription): void {
    const tree = parseDocument(text).tree;
    const doc = documentFor(uri, text);
    // One diagnostic per place the failure names (each mistyped reference), else one at its field.
    const places = failure.places?.length ? failure.places : [{ field: failure.field, message: failure.message }];
    const diagnostics = places.map(({ field, message }) => {
      const span = field && tree ? rangeOfPath(tree, [field]) : undefined;
      const range = span
        ? new vscode.Range(doc.positionAt(span.offset), doc.positionAt(span.offset + span.length))
        : firstLine;
      const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
      d.source = 'CDF Files';
      d.code = failure.code;
      return d;
    });
    this.collection.set(uri, diagnostics);
  }

  /** Failures of single records of a save, each at its path (a selection's element, a field). */
  showFailures(uri: vscode.Uri, text: string, failures: { path: JsonPath; code: string; message: string }[]): void {
    const tree = parseDocument(text).tree;
    const doc = documentFor(uri, text);
    const diagnostics = failures.map((f) => {
      const span = tree && f.path.length ? rangeOfPath(tree, f.path) : undefined;
      const range = span
        ? new vscode.Range(doc.positionAt(span.offset), doc.positionAt(span.offset + Math.max(span.length, 1)))
        : firstLine;
      const d = new vscode.Diagnostic(range, f.message, vscode.DiagnosticSeverity.Error);
      d.source = 'CDF Files';
      d.code = f.code;
      return d;
    });
    this.collection.set(uri, diagnostics);
  }

  /** Shows why a save was refused and returns the error that keeps the editor dirty. */
  refuse(uri: vscode.Uri, text: string, problems: SaveProblem[]): vscode.FileSystemError {
    this.showProblems(uri, text, problems);
    this.refused.add(uri.toString());
    return saveRefused(refusalSentence(uri, text, problems, 'was'));
  }

  /** Whether the document's last save was refused (then every problem shows, not only the live ones). */
  wasRefused(uri: vscode.Uri): boolean {
    return this.refused.has(uri.toString());
  }

  has(uri: vscode.Uri): boolean {
    return (this.collection.get(uri)?.length ?? 0) > 0;
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  clear(uri: vscode.Uri): void {
    this.refused.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}

const firstLine = new vscode.Range(0, 0, 0, 1);

/** Offsets to positions for the text that was saved (the open document may have moved on since). */
function documentFor(uri: vscode.Uri, text: string): { positionAt(offset: number): vscode.Position } {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open && open.getText() === text) return open;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  return {
    positionAt(offset: number) {
      let line = 0;
      while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= offset) line++;
      return new vscode.Position(line, offset - (lineStarts[line] ?? 0));
    },
  };
}
