/**
 * Whether an update item is plainly valid, without zod: a bulk job checks every item before it
 * sends any (so a bad one fails with its reason and nothing of it is sent), and zod's generic walk
 * of the item's unions cost more CPU than sending it did. The shapes a bulk edit makes (an item by
 * id or external id; `set`/`setNull` of a text, id or time field; metadata `add`/`remove`/`set`)
 * are checked here against the same limits; any other shape, and anything near a limit, returns
 * false and goes to the full schema (invalid-item.ts), which decides and words the reason. A
 * property test holds this to: accepts ⇒ the schema accepts.
 */
import { LIMITS } from '../../model';
import { isId, isPlainMetadata, isPlainObject, isStringArray, isTextUpTo, isTime } from './plain-checks';

/** The scalar fields a plain item may set, with the check of the value. */
const SCALAR_VALUES = new Map<string, (v: unknown) => boolean>([
  ['externalId', isTextUpTo(LIMITS.externalIdLength)],
  ['directory', isTextUpTo(LIMITS.directoryLength)],
  ['source', isTextUpTo(LIMITS.sourceLength)],
  ['mimeType', isTextUpTo(LIMITS.mimeTypeLength)],
  ['dataSetId', isId],
  ['sourceCreatedTime', isTime],
  ['sourceModifiedTime', isTime],
]);

/** `{set: value}` or `{setNull: boolean}`, nothing else. */
function isScalarPatch(patch: unknown, value: (v: unknown) => boolean): boolean {
  if (!isPlainObject(patch)) return false;
  const keys = Object.keys(patch);
  if (keys.length !== 1) return false;
  if (keys[0] === 'set') return value(patch.set);
  return keys[0] === 'setNull' && typeof patch.setNull === 'boolean';
}

/** `{set: metadata}`, or `{add?: metadata, remove?: string[]}`. */
function isMetadataPatch(patch: unknown): boolean {
  if (!isPlainObject(patch)) return false;
  const keys = Object.keys(patch);
  if (keys.length === 1 && keys[0] === 'set') return isPlainMetadata(patch.set);
  for (const key of keys) {
    if (key === 'add' ? !isPlainMetadata(patch.add) : key !== 'remove' || !isStringArray(patch.remove)) return false;
  }
  return true;
}

function isPlainChange(update: unknown): boolean {
  if (!isPlainObject(update)) return false;
  for (const field of Object.keys(update)) {
    const patch = update[field];
    if (field === 'metadata') {
      if (!isMetadataPatch(patch)) return false;
      continue;
    }
    const value = SCALAR_VALUES.get(field);
    if (value === undefined || !isScalarPatch(patch, value)) return false;
  }
  return true;
}

/** True only for an item the update schema accepts; false says "ask the schema", not "invalid". */
export function isPlainlyValidItem(item: unknown): boolean {
  if (!isPlainObject(item)) return false;
  const keys = Object.keys(item);
  if (keys.length !== 2 || !('update' in item)) return false;
  const identified = keys.includes('id')
    ? isId(item.id)
    : keys.includes('externalId') && isTextUpTo(LIMITS.externalIdLength)(item.externalId);
  return identified && isPlainChange(item.update);
}
