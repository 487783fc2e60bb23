import type { BulkActionRecord } from './bulk-history';
import type { SavedActionHeader } from './saved-action';

export type LoadedAction =
  | { kind: 'none' }
  | { kind: 'found'; record: BulkActionRecord }
  /** A header names an action whose entries cannot be read: say so plainly, never guess. */
  | { kind: 'gone'; header: SavedActionHeader; why: string };

/** Where the last bulk action is kept across window reloads (the editor's workspace storage). */
export interface ActionStore {
  /** Any record kind's action (see `asKept`). */
  save(record: BulkActionRecord): Promise<void>;
  load(): Promise<LoadedAction>;
  clear(): Promise<void>;
}
