import { ownField, type FieldTable } from './fields';

/**
 * What the API's update does to one record, as far as the public record tells: each field's kind
 * applies its patch (`set` replaces, `setNull` clears; `add`/`remove` edit a set or a map, remove
 * first, then add, so an added key wins; adding a present member is a no-op, removing an absent one
 * too). Pure: the caller validates the result's limits and bumps the record's version.
 * Shared by the emulator (the server side), the save (mine = base + my patches) and tests of the diff.
 */
export function applyRecord<R extends object>(table: FieldTable, record: R, update: object): R {
  const out: Record<string, unknown> = { ...(record as Record<string, unknown>) };
  for (const field of table.fields) {
    const patch = ownField(update, field.name);
    if (patch === undefined) continue;
    out[field.name] = field.kind.apply(out[field.name], patch as object);
  }
  return omitEmpty(out as R);
}

/** CDF leaves out unset fields, empty lists and empty maps (metadata) in responses. */
export function omitEmpty<R extends object>(record: R): R {
  const kept = Object.entries(record as Record<string, unknown>).filter(([, value]) => {
    if (value === null || value === undefined) return false;
    if (Array.isArray(value)) return value.length > 0;
    return !(
      typeof value === 'object' &&
      Object.getPrototypeOf(value) === Object.prototype &&
      !Object.keys(value).length
    );
  });
  // Object.fromEntries defines every key as data; an assignment to "__proto__" would set the prototype.
  return Object.fromEntries(kept) as R;
}
