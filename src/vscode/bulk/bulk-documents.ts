import type * as vscode from 'vscode';
import type { ReadOnlyDocuments } from '../read-only-documents';

/** Bulk previews and reports: Markdown documents of the one read-only provider, under `/bulk/`. */
export class BulkDocuments {
  constructor(private readonly documents: ReadOnlyDocuments) {}

  show(name: string, text: string): Promise<vscode.TextDocument> {
    return this.documents.show(`/bulk/${name}.md`, text, 'markdown');
  }
}
