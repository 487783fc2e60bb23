import { EDITABLE_FIELDS, EDITABLE_FIELD_NAMES, type FileChangeUpdate, type FileRecord } from '../../cdf/model';
import { sameFieldValue, sameValue } from '../field-values';
import { displayPath } from '../json-path';
import { draftOf, elementKey, type Draft } from './compile-action';
import { ownValue, putOwn } from './own-keys';
import { planTransition, type RecordPlan } from './plan-record';
import { fileTitle } from './preview';

/** A file that someone changed, since the action, in a place the action had changed: not restored. */
export interface UndoConflict {
  id: number;
  title: string;
  changes: { where: string; before: unknown; afterAction: unknown; now: unknown }[];
}

export interface UndoPlan {
  /** What to send, by internal id. */
  items: { id: number; update: FileChangeUpdate }[];
  /** One per file that can be looked at: change (restore), unchanged (nothing left to undo), refused. */
  plans: RecordPlan[];
  conflicts: UndoConflict[];
  /** Changed by the action, but no longer found (deleted since). */
  missing: number[];
  /** A pre-image without a post-image: the action's update did not reach that file, nothing to undo. */
  notApplied: number[];
}

export const ALREADY_RESTORED = 'already as it was before the action';

/**
 * The updates that undo a bulk action, file by file, from the pre-images (records before it), the
 * post-images (the records its update returned) and the records as they are now.
 *
 * The rule, which never overwrites a later change by someone else: the action touched some *units*:
 * scalar fields, metadata keys, and single elements of labels / assetIds / securityCategories (each
 * where pre- and post-image differ). For each unit, now:
 * - still as the action left it → restored to the pre-image;
 * - already back as in the pre-image → left alone;
 * - anything else → a conflict: the whole file is reported, and nothing of it is restored.
 * Units the action did not touch are never written (the update is add/remove per key and element,
 * `set` only for touched scalars), so unrelated later edits survive whatever `lastUpdatedTime` says;
 * comparing `lastUpdatedTime` alone would refuse the undo of every file anyone touched since.
 * A set element's membership can only be as-post or as-pre, so sets never conflict.
 */
export function planUndo(
  preImages: readonly FileRecord[],
  postImages: readonly FileRecord[],
  currentRecords: readonly FileRecord[],
): UndoPlan {
  const post = new Map(postImages.map((r) => [r.id, r]));
  const now = new Map(currentRecords.map((r) => [r.id, r]));
  const undo: UndoPlan = { items: [], plans: [], conflicts: [], missing: [], notApplied: [] };
  for (const pre of preImages) {
    const after = post.get(pre.id);
    if (!after) {
      undo.notApplied.push(pre.id);
      continue;
    }
    const current = now.get(pre.id);
    if (!current) {
      undo.missing.push(pre.id);
      continue;
    }
    const { target, conflicts } = restoreTarget(pre, after, current);
    if (conflicts.length) {
      undo.conflicts.push({ id: pre.id, title: fileTitle(current), changes: conflicts });
      continue;
    }
    const plan = planTransition(current, target, ALREADY_RESTORED);
    undo.plans.push(plan);
    if (plan.outcome === 'change') undo.items.push({ id: current.id, update: plan.update });
  }
  return undo;
}

type Conflict = UndoConflict['changes'][number];

function restoreTarget(
  pre: FileRecord,
  post: FileRecord,
  current: FileRecord,
): { target: FileRecord; conflicts: Conflict[] } {
  const target: Draft = draftOf(current);
  const conflicts: Conflict[] = [];
  for (const name of EDITABLE_FIELD_NAMES) {
    if (sameFieldValue(name, pre[name], post[name])) continue;
    switch (EDITABLE_FIELDS[name].kind) {
      case 'scalar':
        if (sameValue(current[name], post[name])) {
          if (pre[name] === undefined) delete target[name];
          else (target as Record<string, unknown>)[name] = pre[name];
        } else if (!sameValue(current[name], pre[name]))
          conflicts.push({ where: name, before: pre[name], afterAction: post[name], now: current[name] });
        break;
      case 'metadata':
        conflicts.push(...restoreMetadata(pre.metadata ?? {}, post.metadata ?? {}, current.metadata ?? {}, target));
        break;
      case 'idSet':
      case 'labels':
        restoreElements(name, (pre[name] ?? []) as unknown[], (post[name] ?? []) as unknown[], target);
        break;
    }
  }
  return { target: target as FileRecord, conflicts };
}

function restoreMetadata(
  pre: Record<string, string>,
  post: Record<string, string>,
  current: Record<string, string>,
  target: Draft,
): Conflict[] {
  const conflicts: Conflict[] = [];
  const metadata = (target.metadata ??= {});
  for (const key of new Set([...Object.keys(pre), ...Object.keys(post)])) {
    const [was, became, is] = [ownValue(pre, key), ownValue(post, key), ownValue(current, key)];
    if (was === became || is === was) continue;
    if (is !== became) {
      conflicts.push({ where: displayPath(['metadata', key]), before: was, afterAction: became, now: is });
      continue;
    }
    if (was === undefined) delete metadata[key];
    else putOwn(metadata, key, was);
  }
  return conflicts;
}

function restoreElements(name: string, pre: unknown[], post: unknown[], target: Draft): void {
  const inPre = new Map(pre.map((e) => [elementKey(e), e]));
  const inPost = new Set(post.map(elementKey));
  const added = new Set([...inPost].filter((k) => !inPre.has(k)));
  const removed = [...inPre.entries()].filter(([k]) => !inPost.has(k)).map(([, e]) => e);
  const current = (target[name] as unknown[] | undefined) ?? [];
  const kept = current.filter((e) => !added.has(elementKey(e)));
  const present = new Set(kept.map(elementKey));
  target[name] = [...kept, ...removed.filter((e) => !present.has(elementKey(e)))];
}
