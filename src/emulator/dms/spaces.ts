import * as z from 'zod/mini';
import { badRequest } from '../http/api-error';
import { parseOr400 } from '../http/validation';
import type { FileStore } from '../store/file-store';
import { CDM_SPACE, CREATED_TIME } from './core-views';
import type { SpaceRecord } from './instance-types';
import { spaceId } from './requests';

/** `/models/spaces`: list (with `includeGlobal`), byids and create, keyed and ordered by space. */

/** The core model's space: global, read-only, listed only with `includeGlobal=true`. */
const CDM: SpaceRecord = { space: CDM_SPACE, createdTime: CREATED_TIME, lastUpdatedTime: CREATED_TIME, isGlobal: true };
const RESERVED = new Set(['space', 'cdf', 'dms', 'pg3', 'shared', 'system', 'node', 'edge']);

export const spaceOutput = (s: SpaceRecord) => ({
  space: s.space,
  ...(s.name !== undefined ? { name: s.name } : {}),
  ...(s.description !== undefined ? { description: s.description } : {}),
  createdTime: s.createdTime,
  lastUpdatedTime: s.lastUpdatedTime,
  isGlobal: s.isGlobal,
});

export function allSpaces(store: FileStore, includeGlobal: boolean): SpaceRecord[] {
  const own = store.spaces.sorted();
  return includeGlobal ? [CDM, ...own].sort((a, b) => (a.space < b.space ? -1 : 1)) : own;
}

const spacesCreate = z.strictObject({
  items: z
    .array(
      z.strictObject({
        space: spaceId,
        name: z.optional(z.string().check(z.maxLength(255))),
        description: z.optional(z.string().check(z.maxLength(1024))),
      }),
    )
    .check(z.minLength(1), z.maxLength(100)),
});

export function applySpaces(store: FileStore, body: unknown, now: number) {
  const r = parseOr400(spacesCreate, body);
  r.items.forEach((s, i) => {
    if (RESERVED.has(s.space) || s.space === CDM_SPACE)
      throw badRequest(`Invalid request: items[${i}].space: "${s.space}" is reserved`);
  });
  const written = r.items.map((s) => {
    const old = store.spaces.get(s.space);
    const record: SpaceRecord = {
      space: s.space,
      ...(s.name !== undefined ? { name: s.name } : {}),
      ...(s.description !== undefined ? { description: s.description } : {}),
      createdTime: old?.createdTime ?? now,
      lastUpdatedTime: now,
      isGlobal: false,
    };
    store.spaces.put(record);
    return spaceOutput(record);
  });
  return { items: written };
}

export const spacesByIdsRequest = z.strictObject({
  items: z.array(z.strictObject({ space: spaceId })).check(z.minLength(1), z.maxLength(100)),
});
