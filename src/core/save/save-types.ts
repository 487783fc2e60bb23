import type { RecordPatches } from '../diff';
import type { MergeConflict } from '../merge';
import type { ItemOutcome, RecordsApi, UpdateReport } from '../ports';
import type { SaveProblem } from '../problems';
import type { RecordKind } from '../records';

/** How the user settles fields that both they and someone else changed since the document was opened. */
export type ConflictChoice = 'overwrite' | 'theirs' | 'cancel';

/** One record whose changed fields someone else changed too. */
export interface RecordConflict<R> {
  /** What CDF holds now ("Theirs"). */
  file: R;
  conflicts: MergeConflict[];
  /** The base with the document's edits ("Mine"). */
  mine: R;
  /** The merge with my values on the conflicting fields: what choosing mine sends. */
  wouldSave: R;
}

/** One record whose text differs from its base: the field kinds' patches from the base to the text. */
export interface Change<R> {
  base: R;
  update: RecordPatches;
}

/** What a document asks to change: one entry per record whose text differs from its base. */
export interface SavePlan<R> {
  ok: boolean;
  problems: SaveProblem[];
  changes: Change<R>[];
}

/**
 * What a save needs from CDF: the records as CDF holds them now (an unknown key is left out: the
 * record was deleted), and an update with a per-item report (a throw means nothing is known applied).
 */
export type SaveApi<R, U> = Pick<RecordsApi<R, U>, 'retrieveExisting' | 'updateMany'>;

export interface SaveRecordsRequest<R extends object, U> {
  kind: RecordKind<R, U>;
  plan: SavePlan<R>;
  api: SaveApi<R, U>;
  /** Asked for every record whose changed fields someone else changed too; again if CDF moved meanwhile. */
  resolveConflicts: (conflicts: RecordConflict<R>[]) => Promise<ConflictChoice>;
  signal?: AbortSignal;
  /** Records per update request (each chunk is re-read right before it is sent); the API's most by default. */
  chunkSize?: number;
}

/**
 * What became of one changed record. `shown` is what the saved text shows of it (its base with the
 * text's edits); `record` what CDF holds now (the base when unknown). They differ after a merge:
 * `broughtIn` names the fields where the record holds someone else's change rather than the text's.
 * - `unknown`: sent, but no definite answer: it may or may not have been applied.
 * - `deleted`: the record no longer exists in CDF; nothing was sent for it.
 * - `not-applied`: refused (see `outcome`), or never sent (see `unsent`).
 */
export interface RecordSaveResult<R, U> {
  status: 'saved' | 'up-to-date' | 'not-applied' | 'unknown' | 'deleted';
  /** The kind's key of the record. */
  key: string;
  /** How a person tells it apart in a report (the kind's label of the base: a file name). */
  label: string;
  base: R;
  shown: R;
  record: R;
  merged: boolean;
  broughtIn: string[];
  /** The update sent, for 'saved', 'unknown' and a refused 'not-applied'. */
  sent?: U;
  /** The updater's word on it, for 'unknown' and a refused 'not-applied'. */
  outcome?: ItemOutcome<U, R>;
  /** Why nothing was sent for it after earlier chunks were: cancelled, or the error that stopped the save. */
  unsent?: { cancelled: true } | { error: unknown };
}

export type SaveRecordsOutcome<R, U> =
  | { kind: 'invalid'; problems: SaveProblem[] }
  | { kind: 'unchanged' }
  | { kind: 'cancelled' }
  /** `report` is absent when nothing was left to send after merging. */
  | { kind: 'done'; results: RecordSaveResult<R, U>[]; report?: UpdateReport<U, R> };
