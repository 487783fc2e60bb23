/**
 * What a node upsert needs around it so that it updates and never creates: an upsert with
 * `existingVersion` CREATES a node that is absent (the version check only refuses a node NEWER than
 * the version named), and the API has no "update only" flag. So the nodes are read right before the
 * upsert, and an item whose node is gone is refused here, unsent.
 *
 * Residual race: a node deleted between that read and the upsert is still created again, holding
 * only the properties the item sends. The window is one round trip; closing it needs an API flag.
 */
import * as l10n from '@vscode/l10n';
import { nodeKeyOf, type CogniteFileUpsertItem, type SlimNode } from '../cdf/model';
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
 * The node an answered upsert made, when it cannot be read back: the node as read right before the
 * upsert, with the item's properties written over it (patch semantics: `null` unsets) and the version
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
    if (value === null || value === undefined) delete record[name];
    else record[name] = structuredClone(value);
  }
  if (answer) Object.assign(record, { version: answer.version, lastUpdatedTime: answer.lastUpdatedTime });
  return record as CogniteFileRecord;
}

/** Why an item whose node is gone was not sent. */
export const deletedSinceRead = (): string =>
  l10n.t('The node was deleted since it was read; nothing was sent (a write would create it again).');
