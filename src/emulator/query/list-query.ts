import type { FileListRequest } from '../../cdf/model';
import { badRequest } from '../http/api-error';

/** Array query parameters come as a JSON array (`[1,2]`, the spec's `JsonArrayInt64`), or repeated / comma separated. */
function arrayParam(query: URLSearchParams, name: string): unknown[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  if (values.length === 1 && values[0]?.trim().startsWith('[')) {
    try {
      const parsed = JSON.parse(values[0]) as unknown;
      if (Array.isArray(parsed)) return parsed as unknown[];
    } catch {
      // fall through to the error below
    }
    throw badRequest(`Invalid request: query parameter ${name} must be a JSON array`);
  }
  return values.flatMap((v) => v.split(',')).map((v) => v.trim());
}

function numberParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  if (!/^-?\d+$/.test(value.trim()))
    throw badRequest(`Invalid request: query parameter ${name} must be an integer, got ${JSON.stringify(value)}`);
  return Number(value);
}

const toNumbers = (name: string, values: unknown[] | undefined): number[] | undefined =>
  values?.map((v) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n)) throw badRequest(`Invalid request: query parameter ${name} must hold integer ids`);
    return n;
  });

/** `GET /files?...` → the equivalent `POST /files/list` body (validated by the caller). */
export function listRequestFromQuery(query: URLSearchParams): FileListRequest {
  const filter: Record<string, unknown> = {};
  for (const name of ['name', 'mimeType', 'source', 'externalIdPrefix'] as const) {
    const value = query.get(name);
    if (value !== null) filter[name] = value;
  }
  const uploaded = query.get('uploaded');
  if (uploaded !== null) {
    if (uploaded !== 'true' && uploaded !== 'false')
      throw badRequest('Invalid request: query parameter uploaded must be true or false');
    filter.uploaded = uploaded === 'true';
  }
  const assetIds = toNumbers('assetIds', arrayParam(query, 'assetIds'));
  if (assetIds) filter.assetIds = assetIds;
  const assetExternalIds = arrayParam(query, 'assetExternalIds');
  if (assetExternalIds) filter.assetExternalIds = assetExternalIds;
  const dataSetIds = arrayParam(query, 'dataSetIds');
  if (dataSetIds)
    filter.dataSetIds = dataSetIds.map((d) => (typeof d === 'object' ? d : { id: toNumbers('dataSetIds', [d])?.[0] }));
  const rootAssetIds = toNumbers('rootAssetIds', arrayParam(query, 'rootAssetIds'));
  if (rootAssetIds) filter.rootAssetIds = rootAssetIds.map((id) => ({ id }));
  const subtreeIds = toNumbers('assetSubtreeIds', arrayParam(query, 'assetSubtreeIds'))?.map((id) => ({ id })) ?? [];
  const subtreeExternalIds = arrayParam(query, 'assetSubtreeExternalIds')?.map((externalId) => ({ externalId })) ?? [];
  if (subtreeIds.length + subtreeExternalIds.length > 0)
    filter.assetSubtreeIds = [...subtreeIds, ...subtreeExternalIds];
  for (const field of ['CreatedTime', 'LastUpdatedTime', 'UploadedTime', 'SourceCreatedTime', 'SourceModifiedTime']) {
    const min = numberParam(query, `min${field}`);
    const max = numberParam(query, `max${field}`);
    if (min === undefined && max === undefined) continue;
    const range: Record<string, number> = {};
    if (min !== undefined) range.min = min;
    if (max !== undefined) range.max = max;
    filter[field[0]?.toLowerCase() + field.slice(1)] = range;
  }
  const request: Record<string, unknown> = {};
  if (Object.keys(filter).length > 0) request.filter = filter;
  const limit = numberParam(query, 'limit');
  if (limit !== undefined) request.limit = limit;
  const cursor = query.get('cursor');
  if (cursor !== null) request.cursor = cursor;
  const partition = query.get('partition');
  if (partition !== null) request.partition = partition;
  return request;
}
