import * as vscode from 'vscode';
import {
  asKept,
  headerOf,
  isHeader,
  restoreAction,
  savedActionBytes,
  type ActionStore,
  type BulkActionRecord,
  type LoadedAction,
} from '../../core/bulk';
import { CLASSIC_FILE_BULK } from '../../core/classic-file';
import { COGNITE_FILE_BULK } from '../../core/cognite-file';

/** The kind a saved action names (an action saved before record kinds changed classic files). */
const kindOf = (saved: unknown) =>
  (saved as { kind?: unknown } | null)?.kind === COGNITE_FILE_BULK.name
    ? (COGNITE_FILE_BULK as unknown as typeof CLASSIC_FILE_BULK)
    : CLASSIC_FILE_BULK;

const HEADER_KEY = 'cdfFiles.lastBulkAction';
const FILE_NAME = 'last-bulk-action.json';

/**
 * Keeps the last bulk action across window reloads: a small header in the workspace state, the
 * entries (before and after images, outcomes) in a file of the workspace storage. The file goes
 * through `vscode.workspace.fs`, so it works in remote and web VS Code too.
 */
export class LastActionStore implements ActionStore {
  constructor(
    private readonly state: vscode.Memento,
    private readonly storageUri: vscode.Uri | undefined,
  ) {}

  private get file(): vscode.Uri | undefined {
    return this.storageUri && vscode.Uri.joinPath(this.storageUri, FILE_NAME);
  }

  /** Entries first, then the header, so a header never names entries older than itself. */
  async save(record: BulkActionRecord): Promise<void> {
    const file = this.file;
    if (file) {
      await vscode.workspace.fs.createDirectory(this.storageUri!);
      await vscode.workspace.fs.writeFile(file, savedActionBytes(record));
    }
    await this.state.update(HEADER_KEY, headerOf(record));
  }

  async load(): Promise<LoadedAction> {
    const header: unknown = this.state.get(HEADER_KEY);
    if (!isHeader(header)) return { kind: 'none' };
    const file = this.file;
    if (!file)
      return { kind: 'gone', header, why: 'with no folder open, VS Code gives it no workspace storage to be kept in' };
    let text: string;
    try {
      text = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
    } catch {
      return { kind: 'gone', header, why: 'its saved record is no longer in the workspace storage' };
    }
    try {
      const saved: unknown = JSON.parse(text);
      const record = restoreAction(saved, kindOf(saved));
      if (record.startedAt !== header.startedAt) return { kind: 'gone', header, why: 'its saved record was replaced' };
      return { kind: 'found', record: asKept(record) };
    } catch (err) {
      return { kind: 'gone', header, why: err instanceof Error ? err.message : String(err) };
    }
  }

  async clear(): Promise<void> {
    await this.state.update(HEADER_KEY, undefined);
    const file = this.file;
    if (file) await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
  }
}
