/**
 * What a node upsert needs around it so that it updates and never creates: an upsert with
 * `existingVersion` CREATES a node that is absent (the version check only refuses a node NEWER than
 * the version named), and the API has no "update only" flag. So the nodes are read shortly before the
 * upsert (a bulk update: at most FRESH_READ_MS, node-chunk-prep.ts), and an item whose node is gone
 * is refused here, unsent.
 *
 * Residual race: a node deleted between that read and the upsert is still created again, holding
 * only the properties the item sends (closing it needs an API flag). The upsert's answer tells it
 * (answeredIncarnation): the run then deletes the node it made at once, at the version it made, so
 * that nothing of it remains; only when that delete fails does the node stay, reported to be checked.
 */
import * as l10n from '@vscode/l10n';
import {
  COGNITE_FILE_PROPERTIES,
  copyJson,
  isoTimestampMs,
  nodeKeyOf,
  type CogniteFileUpsertItem,
  type SlimNode,
} from '../cdf/model';
import type { CogniteFileRecord } from '../core/records';

export interface PresentAndGone<T> {
  /** The items whose node exists now, with that node as read. */
  readonly present: { readonly item: T; readonly before: CogniteFileRecord }[];
  /** The items whose node no longer exists: never sent (an upsert would create it again). */
  readonly gone: T[];
}

/** Splits `items` by whether their node is among `existing` (a read made right before the upsert). */
export function presentAndGone<T extends CogniteFileUpsertItem>(
  items: readonly T[],
  existing: readonly CogniteFileRecord[],
): PresentAndGone<T> {
  const byKey = new Map(existing.map((r) => [nodeKeyOf(r), r]));
  const present: { item: T; before: CogniteFileRecord }[] = [];
  const gone: T[] = [];
  for (const item of items) {
    const before = byKey.get(nodeKeyOf(item));
    if (before) present.push({ item, before });
    else gone.push(item);
  }
  return { present, gone };
}

/**
 * A written value as CDF stores it and every read returns it. WHY: the record built after a write
 * stands for a read (view refresh, undo's after-image); a timestamp kept as typed
 * (`2024-05-01T12:00:00Z`) would differ from the `2024-05-01T12:00:00.000+00:00` a read returns.
 * CDF writes timestamps in UTC, with milliseconds, as `+00:00`; it holds no empty list (a list
 * property has at least one item; `[]` clears it). Undefined: the property is unset.
 */
export function storedValue(name: string, value: unknown): unknown {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  const field = (COGNITE_FILE_PROPERTIES as Record<string, { kind: string } | undefined>)[name];
  const ms = field?.kind === 'timestamp' && typeof value === 'string' ? isoTimestampMs(value) : undefined;
  return ms === undefined ? copyJson(value) : new Date(ms).toISOString().replace('Z', '+00:00');
}

/**
 * The node an answered upsert made, when it cannot be read back: the node as read right before the
 * upsert, with the item's properties written over it as CDF stores them (patch semantics: `null`
 * unsets; storedValue) and the version
 * and time the answer names. Exact: the upsert was accepted with `existingVersion`, so nobody wrote
 * between that read and the write.
 */
export function writtenRecord(
  before: CogniteFileRecord,
  item: CogniteFileUpsertItem,
  answer: SlimNode | undefined,
): CogniteFileRecord {
  const record: Record<string, unknown> = { ...before };
  for (const [name, value] of Object.entries(item.sources[0].properties)) {
    const stored = storedValue(name, value);
    if (stored === undefined) delete record[name];
    else record[name] = stored;
  }
  if (answer) Object.assign(record, { version: answer.version, lastUpdatedTime: answer.lastUpdatedTime });
  return record as CogniteFileRecord;
}

/**
 * The node an answered upsert made, built without reading it back, when the answer proves nobody
 * else wrote it between the read right before the upsert and the upsert: the same node (same
 * createdTime: not deleted and made again) at exactly one version more (each applied write counts
 * one), or at the same version when the write changed nothing. Otherwise undefined: read it back.
 */
export function provenWritten(
  before: CogniteFileRecord | undefined,
  item: CogniteFileUpsertItem,
  answer: SlimNode | undefined,
): CogniteFileRecord | undefined {
  if (!before || !answer || nodeKeyOf(answer) !== nodeKeyOf(item)) return undefined;
  if (answer.createdTime !== before.createdTime) return undefined;
  const expected = answer.wasModified ? before.version + 1 : before.version;
  return answer.version === expected ? writtenRecord(before, item, answer) : undefined;
}

/** Why an item whose node is gone was not sent. */
export const deletedSinceRead = (): string =>
  l10n.t('The node was deleted since it was read; nothing was sent (a write would create it again).');

/** Why an item whose node was deleted between its read and its upsert, and made again by it, failed. */
export const madeAgainByUpsert = (): string =>
  l10n.t(
    'The node was deleted after it was read, and this write made it again holding only the values written here; check it, and delete it if it should stay deleted.',
  );

/** The same, when the node this write made was deleted again right away. */
export const madeAgainAndDeleted = (): string =>
  l10n.t(
    'The node was deleted since it was read: this write made it again and it was deleted again; nothing of it remains.',
  );

/** Why an item is not applied whose node, read back after an unreadable answer, is another incarnation. */
export const madeAgainUnanswered = (): string =>
  l10n.t(
    "The node was deleted after it was read and is now another node under the same key (made again by this write or by someone else; CDF's answer could not be read to tell which); this write may be on it: check it. Undo leaves it alone.",
  );

/** Why an item is not applied whose node someone deleted and made again between its read and its upsert. */
export const madeAgainByOthers = (answer: SlimNode): string =>
  answer.wasModified
    ? l10n.t(
        'The node was deleted and made again by someone else after it was read; this write was applied to that new node (now version {0}), which it was not planned on: check it. Undo leaves it alone.',
        answer.version,
      )
    : l10n.t(
        'The node was deleted and made again by someone else after it was read; this write changed nothing on the new node.',
      );

/**
 * Which node an upsert's answer names, against the node read right before it (`read`, its
 * createdTime): `same`; `madeByThisWrite`: another createdTime at version 1 and modified, so this
 * upsert created it (deleted between the read and the upsert; a node someone else made is at version
 * 1 already, and a write on it makes version 2); `madeByOthers`: another createdTime otherwise,
 * someone deleted and made it again in between (modified by this write or not). WHY exact: only a
 * node this write made may be deleted again; someone else's must never be.
 */
export function answeredIncarnation(
  read: { readonly createdTime: number } | undefined,
  answer: SlimNode | undefined,
): 'same' | 'madeByThisWrite' | 'madeByOthers' {
  if (!read || !answer || answer.createdTime === read.createdTime) return 'same';
  return answer.version === 1 && answer.wasModified ? 'madeByThisWrite' : 'madeByOthers';
}
