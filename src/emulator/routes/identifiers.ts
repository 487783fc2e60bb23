import * as z from 'zod/mini';
import { fileIdentifier, LIMITS, type FileIdentifier, type FileRecord } from '../../cdf/model';
import { duplicated, missing } from '../http/api-error';
import type { FileStore } from '../store/file-store';

export const identifierKey = (i: FileIdentifier): string =>
  'id' in i
    ? `id:${i.id}`
    : 'externalId' in i
      ? `xid:${i.externalId}`
      : `iid:${i.instanceId.space}/${i.instanceId.externalId}`;

/** The identifier as the API echoes it in `missing` / `duplicated` lists. */
export const lookupOf = (i: FileIdentifier): Record<string, unknown> =>
  'id' in i ? { id: i.id } : 'externalId' in i ? { externalId: i.externalId } : { instanceId: i.instanceId };

/** `{"items":[{id}|{externalId}|{instanceId}], "ignoreUnknownIds"?}`: byids, delete, downloadlink. */
export const identifierItems = (max: number, allowInstanceId = true) =>
  z.strictObject({
    items: z
      .array(
        allowInstanceId
          ? fileIdentifier
          : z.union([
              z.strictObject({ id: z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.maxId)) }),
              z.strictObject({ externalId: z.string().check(z.maxLength(LIMITS.externalIdLength)) }),
            ]),
      )
      .check(z.minLength(1), z.maxLength(max)),
    ignoreUnknownIds: z.optional(z.boolean()),
  });

/** The same identifier twice in one request → 400 with `duplicated`. */
export function rejectDuplicates(items: readonly FileIdentifier[]): void {
  const seen = new Set<string>();
  const twice: Record<string, unknown>[] = [];
  for (const item of items) {
    const key = identifierKey(item);
    if (seen.has(key) && !twice.some((t) => identifierKey(t as FileIdentifier) === key)) twice.push(lookupOf(item));
    seen.add(key);
  }
  if (twice.length > 0) throw duplicated(400, 'Duplicate identifiers in the request', twice);
}

/**
 * Resolves identifiers in request order. Unknown ones → 400 with every `missing` identifier,
 * unless `ignoreUnknownIds` (then they are left out).
 */
export function resolveFiles(
  store: FileStore,
  items: readonly FileIdentifier[],
  ignoreUnknownIds = false,
): { identifier: FileIdentifier; record: FileRecord }[] {
  rejectDuplicates(items);
  const found: { identifier: FileIdentifier; record: FileRecord }[] = [];
  const unknown: Record<string, unknown>[] = [];
  for (const identifier of items) {
    const record = store.files.find(identifier);
    if (record) found.push({ identifier, record });
    else unknown.push(lookupOf(identifier));
  }
  if (unknown.length > 0 && !ignoreUnknownIds) throw missing(unknown);
  return found;
}
