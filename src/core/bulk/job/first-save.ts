import { BulkActionRecord, type RunPlan } from './bulk-history';
import { savedActionText } from './saved-action-text';

/**
 * The kept action's first save of a run, made ahead while the person reads the preview: the action
 * as `beginRun` will make it from the plan, as text and as bytes. WHY: that save must land before
 * the first request goes out, and for 20,000 records its text and its UTF-8 bytes (about 10 MB)
 * took some 60 ms of the run's first moments; ahead, the save only writes them.
 *
 * Used only when exact: when the record holds, at save time, the very entries (same keys, outcomes
 * and image objects, in the same order) and no report text. Images are never changed in place (see
 * image-texts.ts), so the same objects make the same text.
 */
interface Ahead {
  readonly entries: readonly (readonly [string, string, object, object])[];
  readonly bytes: Uint8Array;
}

const ahead = new WeakMap<object, Ahead>();

/** Makes `record`'s first save of `plan` ahead (call it while idle: ~50 ms for 20,000 records). */
export function makeFirstSave<R extends object, U>(record: BulkActionRecord<R, U>, plan: RunPlan<R, U>): void {
  if (record.entries.size > 0 || record.reportTexts.length > 0) return;
  const shadow = new BulkActionRecord(record.kind, record.project, record.target, record.operations, record.startedAt);
  shadow.beginRun(plan);
  const bytes = new TextEncoder().encode(savedActionText(shadow));
  ahead.set(record, { entries: snapshot(shadow), bytes });
}

/** The saved action's UTF-8 bytes: the ones made ahead when they are still exact, else made now. */
export function savedActionBytes<R extends object, U>(record: BulkActionRecord<R, U>): Uint8Array {
  const made = ahead.get(record);
  // Used once at most: the record (kept as the last action) must not hold 10 MB of bytes for long.
  ahead.delete(record);
  if (made && record.reportTexts.length === 0 && sameEntries(made.entries, record)) return made.bytes;
  return new TextEncoder().encode(savedActionText(record));
}

const snapshot = <R extends object, U>(record: BulkActionRecord<R, U>) =>
  [...record.entries].map(([key, e]) => [key, e.outcome, e.before, e.after] as const);

function sameEntries<R extends object, U>(made: Ahead['entries'], record: BulkActionRecord<R, U>): boolean {
  if (made.length !== record.entries.size) return false;
  let i = 0;
  for (const [key, e] of record.entries) {
    const m = made[i++]!;
    if (m[0] !== key || m[1] !== e.outcome || m[2] !== e.before || m[3] !== e.after) return false;
  }
  return true;
}
