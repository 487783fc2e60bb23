import * as z from 'zod/mini';
import { fileCreate, LIMITS, type FileRecord } from '../../cdf/model';
import { omitEmpty } from '../../core/apply';
import { ApiError, badRequest, duplicated } from '../http/api-error';
import type { Route, RouteContext } from '../http/route';
import { parseOr400 } from '../http/validation';
import { identifierItems, lookupOf, resolveFiles } from './identifiers';
import { checkDataSet, checkLabels } from './references';

function booleanQuery(ctx: RouteContext, name: string): boolean {
  const value = ctx.query.get(name);
  if (value === null || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest(`Invalid request: query parameter ${name} must be true or false`);
}

/**
 * `POST /files`: creates the record (not uploaded) and returns it with an upload URL. With
 * `overwrite=true` and a known externalId, the given fields replace the existing record's; fields
 * left out are kept (assetIds explicitly so, per the spec; others too, the cautious reading), the
 * id, upload state and createdTime stay.
 */
function createFile(ctx: RouteContext) {
  const overwrite = booleanQuery(ctx, 'overwrite');
  const body = parseOr400(fileCreate, ctx.body);
  checkDataSet(ctx.store, body.dataSetId, 'dataSetId');
  checkLabels(ctx.store, body.labels, 'labels');
  const now = ctx.now();
  const existing = body.externalId === undefined ? undefined : ctx.store.files.getByExternalId(body.externalId);
  let record: FileRecord;
  if (existing) {
    if (!overwrite)
      throw duplicated(409, `Duplicate external ids: ${JSON.stringify(body.externalId)}`, [
        { externalId: body.externalId },
      ]);
    if (existing.instanceId !== undefined)
      throw badRequest(
        `Invalid request: file ${existing.id} is linked to a data modelling instance and cannot be overwritten`,
      );
    record = omitEmpty({ ...existing, ...body, lastUpdatedTime: now });
  } else {
    record = omitEmpty({
      ...body,
      id: ctx.store.allocateFileId(),
      uploaded: false,
      createdTime: now,
      lastUpdatedTime: now,
    });
  }
  ctx.store.files.put(record);
  return { status: 201, json: { ...record, uploadUrl: ctx.links.uploadUrl(record.id) } };
}

const deleteRequest = identifierItems(LIMITS.itemsPerRequest, false);
const downloadRequest = z.strictObject({ items: identifierItems(LIMITS.downloadLinksPerRequest).shape.items });

export const fileWriteRoutes: Route[] = [
  { method: 'POST', template: '/files', scope: 'project', handle: createFile },
  {
    method: 'POST',
    template: '/files/delete',
    scope: 'project',
    handle: (ctx) => {
      const request = parseOr400(deleteRequest, ctx.body);
      const found = resolveFiles(ctx.store, request.items, request.ignoreUnknownIds);
      const ids = found.map((f) => f.record.id);
      ctx.store.files.deleteMany(ids);
      for (const id of ids) ctx.store.contents.delete(id);
      return { json: {} };
    },
  },
  {
    method: 'POST',
    template: '/files/downloadlink',
    scope: 'project',
    handle: (ctx) => {
      const extended = booleanQuery(ctx, 'extendedExpiration');
      const request = parseOr400(downloadRequest, ctx.body);
      const found = resolveFiles(ctx.store, request.items);
      const notUploaded = found.filter((f) => !f.record.uploaded).map((f) => lookupOf(f.identifier));
      if (notUploaded.length > 0)
        throw new ApiError(400, `Files not uploaded: ${notUploaded.map((n) => JSON.stringify(n)).join(', ')}`);
      return {
        json: {
          items: found.map((f) => ({
            ...lookupOf(f.identifier),
            downloadUrl: ctx.links.downloadUrl(f.record.id, extended),
          })),
        },
      };
    },
  },
];
