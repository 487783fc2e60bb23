/**
 * Comparing records by what a user can change, written independently of the code under test (no
 * `applyUpdate`, no `diff`), so the oracle cannot share a bug with the emulator or the client.
 */
import assert from 'node:assert/strict';
import {
  updateShapeOf,
  type EditableFieldName,
  EDITABLE_FIELD_NAMES,
  type FileChangeUpdate,
  type FileRecord,
} from '../../../../src/cdf/model';

type Loose = Record<string, unknown>;

/** One editable field as a canonical value: unset, `null`, `[]` and `{}` are all `null`; sets are sorted. */
function canonical(name: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const kind = updateShapeOf(name as EditableFieldName);
  if (kind === 'metadata') {
    const entries = Object.entries(value as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length === 0 ? null : entries;
  }
  if (kind === 'idSet') {
    const ids = [...new Set(value as number[])].sort((a, b) => a - b);
    return ids.length === 0 ? null : ids;
  }
  if (kind === 'labels') {
    const ids = [...new Set((value as { externalId: string }[]).map((l) => l.externalId))].sort();
    return ids.length === 0 ? null : ids;
  }
  return value;
}

/** The editable fields of a record or document, canonical. */
export function editableState(record: Loose | FileRecord): Record<string, unknown> {
  const loose = record as Loose;
  return Object.fromEntries(EDITABLE_FIELD_NAMES.map((name) => [name, canonical(name, loose[name])]));
}

export function sameEditableState(a: Loose | FileRecord, b: Loose | FileRecord): boolean {
  try {
    assert.deepStrictEqual(editableState(a), editableState(b));
    return true;
  } catch {
    return false;
  }
}

export function assertSameEditableState(actual: Loose | FileRecord, expected: Loose | FileRecord, what: string): void {
  assert.deepStrictEqual(editableState(actual), editableState(expected), what);
}

/**
 * Does `after` show every patch of `update`, applied to `before`, and nothing else changed? Each
 * patch kind is read literally: `set` replaces, `setNull` clears, `add`/`remove` change members
 * (remove first, then add, so an added member is present), metadata `add` writes keys.
 */
export function showsUpdate(before: FileRecord, after: FileRecord, update: FileChangeUpdate): boolean {
  const expected = editableState(before);
  for (const [name, raw] of Object.entries(update as Loose)) {
    const patch = raw as { set?: unknown; setNull?: boolean; add?: unknown; remove?: unknown };
    const kind = updateShapeOf(name as EditableFieldName);
    if (patch.setNull) expected[name] = null;
    else if ('set' in patch) expected[name] = canonical(name, patch.set);
    else if (kind === 'metadata') {
      const map = Object.fromEntries((expected[name] as [string, string][] | null) ?? []);
      for (const key of (patch.remove as string[] | undefined) ?? []) delete map[key];
      Object.assign(map, (patch.add as Record<string, string> | undefined) ?? {});
      expected[name] = canonical(name, map);
    } else {
      const key = (m: unknown) => (kind === 'labels' ? (m as { externalId: string }).externalId : (m as number));
      const current = new Set(((expected[name] as unknown[] | null) ?? []) as (string | number)[]);
      for (const m of (patch.remove as unknown[] | undefined) ?? []) current.delete(key(m));
      for (const m of (patch.add as unknown[] | undefined) ?? []) current.add(key(m));
      expected[name] =
        kind === 'labels'
          ? canonical(
              name,
              [...current].map((externalId) => ({ externalId })),
            )
          : canonical(name, [...current]);
    }
  }
  try {
    assert.deepStrictEqual(editableState(after), expected);
    return true;
  } catch {
    return false;
  }
}

/** Read-only fields other than `lastUpdatedTime` never change through `files/update`. */
export function assertReadOnlyFieldsKept(before: FileRecord, after: FileRecord, what: string): void {
  for (const field of ['id', 'name', 'uploaded', 'uploadedTime', 'createdTime', 'instanceId'] as const) {
    assert.deepStrictEqual(after[field], before[field], `${what}: ${field} changed`);
  }
}
