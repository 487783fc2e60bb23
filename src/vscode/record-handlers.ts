import type * as vscode from 'vscode';
import type { ConflictPrompt } from './conflict-prompt';
import { RecordFiles } from './record-files';
import { EDITOR_KINDS } from './record-kinds';
import type { SaveDiagnostics } from './save-diagnostics';
import { SelectionFiles, type SelectionStore } from './selection-files';
import type { Sessions } from './sessions';
import type { UriHandler } from './uri-handler';

export interface HandlerParts {
  sessions: Sessions;
  store: SelectionStore;
  diagnostics: SaveDiagnostics;
  conflicts: ConflictPrompt;
  log: vscode.LogOutputChannel;
}

/**
 * The handlers behind the one file system provider: for each record kind of EDITOR_KINDS, one for its
 * records and one for its selections. `selections` by kind name, for what asks about open selections.
 */
export function uriHandlers(parts: HandlerParts): {
  handlers: UriHandler[];
  selections: ReadonlyMap<string, SelectionFiles<object, unknown>>;
} {
  const { sessions, store, diagnostics, conflicts, log } = parts;
  const selections = new Map<string, SelectionFiles<object, unknown>>();
  const handlers = EDITOR_KINDS.flatMap((editorKind): UriHandler[] => {
    const selection = new SelectionFiles(editorKind, store, sessions, diagnostics, conflicts, log);
    selections.set(editorKind.kind.name, selection as SelectionFiles<object, unknown>);
    return [new RecordFiles(editorKind, sessions, conflicts, { diagnostics, log }), selection];
  });
  return { handlers, selections };
}
