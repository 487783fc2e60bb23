/**
 * The look-ups the editor completes from (data sets, labels, assets): apart from the Files requests,
 * since they are other resources with their own shapes (lookup-models.ts).
 */
import { LIMITS, type IdEither } from '../model';
import type { ApiRequests, CallOptions, Page } from './api-requests';
import {
  asset,
  dataSet,
  itemList,
  labelDefinition,
  page,
  type Asset,
  type DataSet,
  type LabelDefinition,
} from './lookup-models';

export interface LookupListRequest<F> {
  readonly filter?: F;
  readonly limit?: number;
  readonly cursor?: string;
}

export type LabelFilter = { name?: string; externalIdPrefix?: string; dataSetIds?: IdEither[] };

export interface AssetSearchRequest {
  readonly search?: { readonly query?: string; readonly name?: string; readonly description?: string };
  readonly filter?: Record<string, unknown>;
  readonly limit?: number;
}

/** Assets a search answers when the request names no limit. */
const ASSET_SEARCH_LIMIT = 25;

/** Pages of `POST /datasets/list`. */
export function listDataSets(
  api: ApiRequests,
  request: LookupListRequest<Record<string, unknown>>,
  options: CallOptions,
): AsyncGenerator<Page<DataSet>, void, undefined> {
  return api.pages('/datasets/list', page(dataSet), { ...request }, options);
}

/** Pages of `POST /labels/list` (label definitions). */
export function listLabels(
  api: ApiRequests,
  request: LookupListRequest<LabelFilter>,
  options: CallOptions,
): AsyncGenerator<Page<LabelDefinition>, void, undefined> {
  return api.pages('/labels/list', page(labelDefinition), { ...request }, options);
}

/** `POST /assets/search`. */
export async function searchAssets(
  api: ApiRequests,
  request: AssetSearchRequest,
  options: CallOptions,
): Promise<Asset[]> {
  const body = { ...request, limit: request.limit ?? ASSET_SEARCH_LIMIT };
  return (await api.call({ path: '/assets/search', body, response: itemList(asset), signal: options.signal })).items;
}

/** `POST /assets/byids` in chunks of 1000. */
export function retrieveAssets(
  api: ApiRequests,
  ids: readonly IdEither[],
  options: CallOptions & { ignoreUnknownIds?: boolean },
): Promise<Asset[]> {
  const ignoreUnknownIds = options.ignoreUnknownIds ?? false;
  return api.chunked(ids, LIMITS.itemsPerRequest, async (items) => {
    const body = { items, ignoreUnknownIds };
    return (await api.call({ path: '/assets/byids', body, response: itemList(asset), signal: options.signal })).items;
  });
}
