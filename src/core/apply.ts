import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  type FileChangeUpdate,
  type FileRecord,
  type IdSetPatch,
  type Label,
  type LabelsPatch,
  type MetadataPatch,
} from '../cdf/model';

/**
 * What `POST /files/update` does to one record, as far as the public record tells (FILES-API-NOTES §2):
 * `set` replaces, `setNull` clears; `add`/`remove` edit a set (remove first, then add, so an added
 * key wins); metadata `add` overwrites keys; adding a present label is a no-op, removing an absent one too.
 * Pure: the caller validates the result's limits and bumps `lastUpdatedTime`.
 * Shared by the emulator (the server side) and by tests of the diff engine (the client side).
 */
export function applyUpdate(record: FileRecord, update: FileChangeUpdate): FileRecord {
  const out: Record<string, unknown> = { ...record };
  for (const name of EDITABLE_FIELD_NAMES) {
    const patch = (update as Record<string, unknown>)[name];
    if (patch === undefined) continue;
    switch (EDITABLE_FIELDS[name].kind) {
      case 'scalar':
        applyScalar(out, name, patch as { set?: unknown; setNull?: boolean });
        break;
      case 'metadata':
        out[name] = applyMetadata(record.metadata ?? {}, patch as MetadataPatch);
        break;
      case 'idSet':
        out[name] = applyIdSet((out[name] as number[] | undefined) ?? [], patch as IdSetPatch);
        break;
      case 'labels':
        out[name] = applyLabels(record.labels ?? [], patch as LabelsPatch);
        break;
    }
  }
  return omitEmpty(out as FileRecord);
}

function applyScalar(out: Record<string, unknown>, name: string, patch: { set?: unknown; setNull?: boolean }): void {
  if ('set' in patch) out[name] = patch.set;
  else if (patch.setNull === true) delete out[name];
}

function applyMetadata(current: Record<string, string>, patch: MetadataPatch): Record<string, string> {
  if ('set' in patch) return { ...patch.set };
  const next = { ...current };
  for (const key of patch.remove ?? []) delete next[key];
  // defineProperty, not Object.assign: a metadata key "__proto__" is data, not the prototype.
  for (const [key, value] of Object.entries(patch.add ?? {}))
    Object.defineProperty(next, key, { value, writable: true, enumerable: true, configurable: true });
  return next;
}

function applyIdSet(current: number[], patch: IdSetPatch): number[] {
  if ('set' in patch) return [...new Set(patch.set)];
  const removed = new Set(patch.remove ?? []);
  const next = current.filter((id) => !removed.has(id));
  for (const id of patch.add ?? []) if (!next.includes(id)) next.push(id);
  return next;
}

function applyLabels(current: Label[], patch: LabelsPatch): Label[] {
  if ('set' in patch) return dedupeLabels(patch.set);
  const removed = new Set((patch.remove ?? []).map((l) => l.externalId));
  const next = current.filter((l) => !removed.has(l.externalId));
  for (const l of patch.add ?? [])
    if (!next.some((n) => n.externalId === l.externalId)) next.push({ externalId: l.externalId });
  return next;
}

function dedupeLabels(labels: Label[]): Label[] {
  const seen = new Set<string>();
  return labels
    .filter((l) => !seen.has(l.externalId) && seen.add(l.externalId))
    .map((l) => ({ externalId: l.externalId }));
}

/** CDF leaves out unset fields, empty lists and empty metadata in responses (FILES-API-NOTES §1.2). */
export function omitEmpty(record: FileRecord): FileRecord {
  const kept = Object.entries(record).filter(([key, value]) => {
    if (value === null || value === undefined) return false;
    if (Array.isArray(value) && value.length === 0) return false;
    return !(key === 'metadata' && typeof value === 'object' && Object.keys(value).length === 0);
  });
  // Object.fromEntries defines every key as data; an assignment to "__proto__" would set the prototype.
  return Object.fromEntries(kept) as FileRecord;
}
