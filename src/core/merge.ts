import { EDITABLE_FIELDS, EDITABLE_FIELD_NAMES, type EditableFieldName, type FileRecord } from '../cdf/model';
import { sameValue } from './field-values';

/**
 * Three-way merge of a record the user edited (`mine`) with the server's current record (`theirs`),
 * both descended from `base`. CDF file records have no ETag, so this is how a save avoids clobbering
 * someone else's change. Sets merge per element and metadata per key, so two people adding different
 * labels or metadata keys never conflict; a conflict is the same scalar, or the same metadata key,
 * changed to different values on both sides.
 */
export interface MergeConflict {
  field: EditableFieldName;
  /** For metadata: the conflicting key. */
  key?: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** theirs + my non-conflicting changes; on conflicting fields, `prefer` decides. */
  merged: FileRecord;
  conflicts: MergeConflict[];
}

type Side = 'mine' | 'theirs';

export function mergeRecords(
  base: FileRecord,
  mine: FileRecord,
  theirs: FileRecord,
  prefer: Side = 'theirs',
): MergeResult {
  const merged: Record<string, unknown> = { ...theirs };
  const conflicts: MergeConflict[] = [];
  for (const field of EDITABLE_FIELD_NAMES) {
    const b = base[field];
    const m = mine[field];
    const t = theirs[field];
    switch (EDITABLE_FIELDS[field].kind) {
      case 'scalar':
        setOrDelete(merged, field, mergeScalar(field, b, m, t, prefer, conflicts));
        break;
      case 'metadata':
        setOrDelete(merged, field, mergeMetadata(b as Meta, m as Meta, t as Meta, prefer, conflicts));
        break;
      case 'idSet':
        setOrDelete(
          merged,
          field,
          mergeSet(b as number[], m as number[], t as number[], (x) => x),
        );
        break;
      case 'labels':
        setOrDelete(
          merged,
          field,
          mergeSet(b as Label[], m as Label[], t as Label[], (l) => l.externalId),
        );
        break;
    }
  }
  return { merged: merged as FileRecord, conflicts };
}

type Meta = Record<string, string> | undefined;
type Label = { externalId: string };

const same = sameValue;

function setOrDelete(target: Record<string, unknown>, key: string, value: unknown): void {
  const empty =
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 && key === 'metadata');
  if (empty) delete target[key];
  else target[key] = value;
}

function mergeScalar(
  field: EditableFieldName,
  b: unknown,
  m: unknown,
  t: unknown,
  prefer: Side,
  conflicts: MergeConflict[],
): unknown {
  if (same(b, m)) return t;
  if (same(b, t) || same(m, t)) return m;
  conflicts.push({ field, base: b, mine: m, theirs: t });
  return prefer === 'mine' ? m : t;
}

function mergeMetadata(b: Meta, m: Meta, t: Meta, prefer: Side, conflicts: MergeConflict[]): Meta {
  // Maps of own entries: a key named "toString" or "__proto__" is data, never the prototype's member
  // (reading `obj[key]` for an absent "toString" would find a function and take it for a value).
  const base = ownEntries(b);
  const mine = ownEntries(m);
  const theirs = ownEntries(t);
  const out = new Map(theirs);
  for (const key of new Set([...base.keys(), ...mine.keys(), ...theirs.keys()])) {
    const [bv, mv, tv] = [base.get(key), mine.get(key), theirs.get(key)];
    if (bv === mv) continue; // I did not touch it: theirs stands
    if (bv === tv || mv === tv) {
      if (mv === undefined) out.delete(key);
      else out.set(key, mv);
      continue;
    }
    conflicts.push({ field: 'metadata', key, base: bv ?? null, mine: mv ?? null, theirs: tv ?? null });
    const pick = prefer === 'mine' ? mv : tv;
    if (pick === undefined) out.delete(key);
    else out.set(key, pick);
  }
  // Object.fromEntries defines each key as data, "__proto__" included.
  return Object.fromEntries(out);
}

const ownEntries = (m: Meta): Map<string, string> => new Map(Object.entries(m ?? {}));

/** Per element: my membership change wins where I made one, otherwise theirs. Never conflicts. */
function mergeSet<T>(b: T[] | undefined, m: T[] | undefined, t: T[] | undefined, key: (x: T) => string | number): T[] {
  const inBase = new Set((b ?? []).map(key));
  const inMine = new Map((m ?? []).map((x) => [key(x), x]));
  const out = (t ?? []).filter((x) => {
    const k = key(x);
    return !(inBase.has(k) && !inMine.has(k)); // I removed it
  });
  const present = new Set(out.map(key));
  for (const [k, x] of inMine) if (!inBase.has(k) && !present.has(k)) out.push(x); // I added it
  return out;
}
