import { z } from 'zod';
import { idEither, LIMITS } from '../../../cdf/model';
import { badRequest, missing } from '../../http/api-error';

/**
 * What the look-up routes share: the common filter pieces, key-ordered paging for small tables,
 * and byids with request order, `ignoreUnknownIds`, `missing` and duplicate checks.
 */

export const timeRange = z.strictObject({
  min: z.number().int().min(0).optional(),
  max: z.number().int().min(0).optional(),
});
export const limit = z.number().int().min(1).max(LIMITS.itemsPerRequest);
export const inRange = (v: number, r: { min?: number; max?: number } | undefined) =>
  !r || ((r.min === undefined || v >= r.min) && (r.max === undefined || v <= r.max));
export const matchesMetadata = (have: Record<string, string> | undefined, want: Record<string, string> | undefined) =>
  // Own keys only: "constructor" or "__proto__" is a metadata key here, never the prototype's member.
  !want || Object.entries(want).every(([k, v]) => have !== undefined && Object.hasOwn(have, k) && have[k] === v);

/** Key-ordered paging for small tables: the cursor is "after this key". */
export function page<T>(rows: T[], keyOf: (r: T) => string | number, size: number, cursor: string | undefined) {
  let start = 0;
  if (cursor !== undefined) {
    let after: unknown;
    try {
      after = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw badRequest(`Invalid cursor: ${JSON.stringify(cursor)}`);
    }
    if (typeof after !== 'string' && typeof after !== 'number')
      throw badRequest(`Invalid cursor: ${JSON.stringify(cursor)}`);
    start = rows.findIndex((r) => keyOf(r) > after);
    if (start < 0) start = rows.length;
  }
  const items = rows.slice(start, start + size);
  const last = items[items.length - 1];
  const more = start + size < rows.length && last !== undefined;
  return more ? { items, nextCursor: Buffer.from(JSON.stringify(keyOf(last))).toString('base64url') } : { items };
}

export const idEitherItems = z.strictObject({
  items: z.array(idEither).min(1).max(LIMITS.itemsPerRequest),
  ignoreUnknownIds: z.boolean().optional(),
});

export function lookupByIds<T extends { id: number; externalId?: string }>(
  find: (ref: z.infer<typeof idEither>) => T | undefined,
  request: z.infer<typeof idEitherItems>,
  what: string,
): T[] {
  const seen = new Set<string>();
  const dupes: Record<string, unknown>[] = [];
  const found: T[] = [];
  const unknown: Record<string, unknown>[] = [];
  for (const ref of request.items) {
    const key = 'id' in ref ? `id:${ref.id}` : `xid:${ref.externalId}`;
    if (seen.has(key)) dupes.push(ref);
    seen.add(key);
    const row = find(ref);
    if (row) found.push(row);
    else unknown.push(ref);
  }
  if (dupes.length > 0) throw badRequest(`Invalid request: duplicate ids: ${JSON.stringify(dupes)}`);
  if (unknown.length > 0 && !request.ignoreUnknownIds) throw missing(unknown, what);
  return found;
}
