import * as z from 'zod/mini';
import {
  dmsFileChange,
  EDITABLE_FIELDS,
  externalId,
  fileChange,
  fileRecord,
  INSTANCE_LINKED_UPDATABLE,
  instanceId,
  internalId,
  LIMITS,
  type EditableFieldName,
  type FileChangeUpdate,
  type FileIdentifier,
  type FileRecord,
} from '../../cdf/model';
import { applyUpdate } from '../../core/records';
import { badRequest, duplicated, missing } from '../http/api-error';
import type { Route, RouteContext } from '../http/route';
import { describeIssues, parseOr400 } from '../http/validation';
import type { FileStore } from '../store/file-store';
import { lookupOf, rejectDuplicates } from './identifiers';
import { checkReferences } from './references';

const IDENTIFIER_KEYS = ['id', 'externalId', 'instanceId'] as const;
const LINKED_FIELDS = INSTANCE_LINKED_UPDATABLE.join(', ');

const envelope = z.strictObject({
  items: z.array(z.unknown()).check(z.minLength(1), z.maxLength(LIMITS.itemsPerRequest)),
});
const itemSchemas = {
  id: z.strictObject({ id: internalId, update: fileChange }),
  externalId: z.strictObject({ externalId, update: fileChange }),
  instanceId: z.strictObject({ instanceId, update: dmsFileChange }),
};

interface ParsedItem {
  identifier: FileIdentifier;
  update: FileChangeUpdate;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The rules a schema error would state badly, checked first so the 400 says exactly what is wrong. */
function validateItem(raw: unknown, index: number): ParsedItem {
  const at = `items[${index}]`;
  if (!isObject(raw)) throw badRequest(`Invalid request: ${at}: must be an object`);
  const named = IDENTIFIER_KEYS.filter((k) => k in raw);
  if (named.length !== 1)
    throw badRequest(`Invalid request: ${at}: name the file with exactly one of id, externalId or instanceId`);
  const kind = named[0] as (typeof IDENTIFIER_KEYS)[number];
  const update = raw.update;
  if (!isObject(update)) throw badRequest(`Invalid request: ${at}.update: must be an object of field patches`);
  if ('name' in update)
    throw badRequest(
      `Invalid request: ${at}.update.name: name cannot be updated (files/update has no "name"); to rename, create the file again`,
    );
  for (const [field, patch] of Object.entries(update)) {
    if (isObject(patch) && 'set' in patch && ('add' in patch || 'remove' in patch))
      throw badRequest(`Invalid request: ${at}.update.${field}: use either "set", or "add"/"remove", not both`);
  }
  if (kind === 'instanceId') rejectUnlinkableFields(Object.keys(update), `${at}.update`);
  const parsed = parseOr400(itemSchemas[kind], raw, at);
  const { update: patch, ...identifier } = parsed as { update: FileChangeUpdate } & FileIdentifier;
  return { identifier, update: patch };
}

/** A file linked to a data modelling instance accepts only `DMSFileChange` fields. */
function rejectUnlinkableFields(fields: readonly string[], at: string): void {
  const refused = fields.filter(
    (f) => Object.hasOwn(EDITABLE_FIELDS, f) && !INSTANCE_LINKED_UPDATABLE.includes(f as EditableFieldName),
  );
  if (refused.length > 0)
    throw badRequest(
      `Invalid request: ${at}.${refused[0]}: cannot be updated on a file linked to a data modelling instance; such files accept only ${LINKED_FIELDS}`,
    );
}

/**
 * `POST /files/update`, all or nothing: every item is validated, resolved and applied on a copy,
 * and every resulting record checked, before the store changes at all.
 */
export function updateFiles(store: FileStore, body: unknown, now: number): FileRecord[] {
  const { items: rawItems } = parseOr400(envelope, body);
  const items = rawItems.map(validateItem);
  rejectDuplicates(items.map((i) => i.identifier));

  const targets = items.map((i) => store.files.find(i.identifier));
  const unknown = items.filter((_, n) => targets[n] === undefined).map((i) => lookupOf(i.identifier));
  if (unknown.length > 0) throw missing(unknown);

  const seen = new Map<number, FileIdentifier>();
  const twice: Record<string, unknown>[] = [];
  items.forEach((item, n) => {
    const id = (targets[n] as FileRecord).id;
    if (seen.has(id)) twice.push(lookupOf(item.identifier));
    seen.set(id, item.identifier);
  });
  if (twice.length > 0) throw duplicated(400, 'The same file appears more than once in the request', twice);

  const results = items.map((item, n) => {
    const at = `items[${n}]`;
    const target = targets[n] as FileRecord;
    if (target.instanceId !== undefined) rejectUnlinkableFields(Object.keys(item.update), `${at}.update`);
    checkReferences(store, item.update, `${at}.update`);
    const next = { ...applyUpdate(target, item.update), lastUpdatedTime: now };
    const check = fileRecord.safeParse(next);
    if (!check.success)
      throw badRequest(
        `Invalid request: ${at}: the updated file would break a limit: ${describeIssues(check.error.issues).join('; ')}`,
      );
    return next;
  });

  rejectExternalIdClashes(store, results);
  store.files.putMany(results);
  return results;
}

/**
 * An externalId may belong to one file only (409 with `duplicated`). Strict on purpose: an
 * externalId still held by another file counts as taken even when the same request moves it away,
 * since CDF does not document such swaps and code that relied on them would break there.
 */
function rejectExternalIdClashes(store: FileStore, results: readonly FileRecord[]): void {
  const claimed = new Set<string>();
  const clashes: Record<string, unknown>[] = [];
  for (const r of results) {
    if (r.externalId === undefined) continue;
    const holder = store.files.idOfExternalId(r.externalId);
    if ((holder !== undefined && holder !== r.id) || claimed.has(r.externalId))
      clashes.push({ externalId: r.externalId });
    claimed.add(r.externalId);
  }
  if (clashes.length > 0)
    throw duplicated(
      409,
      `Duplicate external ids: ${clashes.map((c) => JSON.stringify(c.externalId)).join(', ')}`,
      clashes,
    );
}

export const fileUpdateRoute: Route = {
  method: 'POST',
  template: '/files/update',
  scope: 'project',
  handle: (ctx: RouteContext) => ({ json: { items: updateFiles(ctx.store, ctx.body, ctx.now()) } }),
};
