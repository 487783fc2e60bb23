/**
 * The data modeling calls of the client for CogniteFile nodes: read by ids, list with a cursor,
 * search, count (aggregate), upsert with `existingVersion`, statistics and spaces. Everything goes
 * through the client's one request helper (retries, 429 backoff, typed errors); what is sent and
 * what comes back is checked with the models of cdf/model.
 */
import {
  aggregateAnswer,
  type CoreViewName,
  allOf,
  COGNITE_FILE_VIEW,
  cogniteFileNodeList,
  cogniteFileNodePage,
  DMS_LIMITS,
  fastCogniteFileNodeList,
  fastNodeUpsertRequest,
  fastNodeUpsertResponse,
  HAS_FILE_DATA,
  instanceFilter,
  instancesCountRequest,
  instancesListRequest,
  instancesSearchRequest,
  modelStatistics,
  nodeKeyOf,
  nodeUpsertRequest,
  nodeUpsertResponse,
  spacePage,
  type CogniteFileNode,
  type CogniteFileUpsertItem,
  type DirectRelation,
  type InstanceFilter,
  type ModelStatistics,
  type NodeStamp,
  type SlimNode,
  type SpaceDefinition,
} from '../model';
import { checked, type ApiCall, type ApiRequests, type CallOptions, type Page } from './api-requests';
import { NodesNotFoundError } from './dms-errors';
import { CdfApiError } from './errors';
import { staleNodesOf } from './dms-conflict';
import { retrieveCoreNodes, searchCoreNodes } from './core-node-search';
import { readNodeStamps } from './node-stamps';
import { deleteNodes, type NodeToDelete } from './node-delete';

const SOURCES = [{ source: COGNITE_FILE_VIEW }];

export interface FileNodeListRequest {
  /** Narrows the nodes that have CogniteFile data (that condition is always added). */
  readonly filter?: InstanceFilter;
  readonly limit?: number;
  readonly cursor?: string;
}

export interface FileNodeSearchRequest {
  readonly query: string;
  readonly filter?: InstanceFilter;
  readonly limit?: number;
}

/** One group of a grouped count: the property's value (text, boolean or a direct relation) and how many. */
export interface NodeGroupCount {
  readonly value: string | number | boolean | DirectRelation;
  readonly count: number;
}

export class DataModelingRequests {
  constructor(private readonly requests: ApiRequests) {}

  /** `instances/byids` in chunks of 1000, in the order asked; a node that does not exist fails the call by name. */
  async retrieveFileNodes(
    ids: readonly DirectRelation[],
    options: CallOptions & { ignoreUnknownIds?: boolean } = {},
  ): Promise<CogniteFileNode[]> {
    const found = await this.requests.chunked(ids, DMS_LIMITS.itemsPerRequest, async (chunk) => {
      const items = chunk.map((i) => ({ instanceType: 'node', space: i.space, externalId: i.externalId }));
      const body = { items, sources: SOURCES };
      const path = '/models/instances/byids';
      const call = { path, body, response: cogniteFileNodeList, fastParse: fastCogniteFileNodeList };
      return (await this.requests.call({ ...call, signal: options.signal })).items;
    });
    const byKey = new Map(found.map((n) => [nodeKeyOf(n), n]));
    const missing = ids.filter((i) => !byKey.has(nodeKeyOf(i)));
    if (missing.length > 0 && !options.ignoreUnknownIds) throw new NodesNotFoundError(missing);
    return ids.flatMap((i) => byKey.get(nodeKeyOf(i)) ?? []);
  }

  /** The nodes of `ids` that exist, each with its version and createdTime only (see node-stamps.ts). */
  fileNodeStamps(ids: readonly DirectRelation[], options: CallOptions = {}): Promise<NodeStamp[]> {
    return readNodeStamps(this.requests, ids, options);
  }

  /** One page of `instances/list` over the CogniteFile nodes (the tree's "Load more" keeps the cursor). */
  async listFileNodes(request: FileNodeListRequest = {}, options: CallOptions = {}): Promise<Page<CogniteFileNode>> {
    const body = checked(instancesListRequest, { ...this.listBody(request), cursor: request.cursor }, 'list request');
    const data = await this.requests.call({
      path: '/models/instances/list',
      body,
      response: cogniteFileNodePage,
      signal: options.signal,
    });
    return { items: data.items, nextCursor: data.nextCursor ?? undefined };
  }

  /** Every page of `instances/list`, following cursors until the end (or the caller stops). */
  async *listAllFileNodes(
    request: FileNodeListRequest = {},
    options: CallOptions = {},
  ): AsyncGenerator<Page<CogniteFileNode>, void, undefined> {
    const body = checked(instancesListRequest, this.listBody(request), 'list request');
    yield* this.requests.pages('/models/instances/list', cogniteFileNodePage, body, options);
  }

  /** `instances/search`: the best matches of `query` in the text properties, at most 1000, no cursor. */
  async searchFileNodes(request: FileNodeSearchRequest, options: CallOptions = {}): Promise<CogniteFileNode[]> {
    const body = checked(
      instancesSearchRequest,
      { view: COGNITE_FILE_VIEW, instanceType: 'node', ...request, limit: request.limit ?? DMS_LIMITS.itemsPerRequest },
      'search request',
    );
    const path = '/models/instances/search';
    return (await this.requests.call({ path, body, response: cogniteFileNodeList, signal: options.signal })).items;
  }

  /** Assets, categories or source systems by name (see core-node-search.ts). */
  searchCoreNodes(view: CoreViewName, query: string, limit: number, options: CallOptions = {}) {
    return searchCoreNodes(this.requests, view, query, limit, options);
  }

  /** Assets, categories or source systems by id, with their names (see core-node-search.ts). */
  retrieveCoreNodes(view: CoreViewName, ids: readonly DirectRelation[], options: CallOptions = {}) {
    return retrieveCoreNodes(this.requests, view, ids, options);
  }

  /** `instances/aggregate`: how many CogniteFile nodes match. */
  async countFileNodes(filter: InstanceFilter | undefined, options: CallOptions = {}): Promise<number> {
    const answer = await this.aggregate(filter, undefined, DMS_LIMITS.aggregateLimitMax, options);
    return answer.items[0]?.aggregates[0]?.value ?? 0;
  }

  /** `instances/aggregate` grouped by one property: its values among the matching nodes, with counts. */
  async countFileNodesBy(
    property: string,
    filter: InstanceFilter | undefined,
    options: CallOptions & { limit?: number } = {},
  ): Promise<NodeGroupCount[]> {
    const answer = await this.aggregate(filter, property, options.limit ?? DMS_LIMITS.aggregateLimitMax, options);
    return answer.items.flatMap((item) => {
      const value = item.group?.[property];
      return value === undefined || value === null ? [] : [{ value, count: item.aggregates[0]?.value ?? 0 }];
    });
  }

  /**
   * One `POST /models/instances` of at most 1000 nodes: one transaction, patch semantics, never
   * creating the targets of direct relations (`autoCreateDirectRelations: false`: a mistyped
   * reference is a 400 naming it). A node newer than its `existingVersion` fails the whole request
   * with {@link VersionConflictError} naming the stale nodes. Not retried on a 5xx or a lost
   * answer (a second attempt after an applied first would read as a conflict with itself).
   * `retryThrottled: false`: a 429 is thrown at once, for a bulk update that schedules its requests;
   * `onAttempt` and `yieldBeforeParsing` let it free its slot when a 2xx is known (cdf-request.ts).
   * `createdTimes`: the incarnation each item was decided on, by node key, so that a node deleted and
   * made again since is named stale (its version alone may equal the one sent).
   */
  async upsertFileNodes(
    items: readonly CogniteFileUpsertItem[],
    options: CallOptions &
      Pick<ApiCall<unknown>, 'retryThrottled' | 'onAttempt' | 'yieldBeforeParsing'> & {
        createdTimes?: ReadonlyMap<string, number>;
      } = {},
  ): Promise<SlimNode[]> {
    const request = { items, autoCreateDirectRelations: false };
    const body = checked(nodeUpsertRequest, request, 'upsert', fastNodeUpsertRequest);
    const { createdTimes, ...how } = options;
    try {
      const call = { path: '/models/instances', body, response: nodeUpsertResponse, fastParse: fastNodeUpsertResponse };
      return (await this.requests.call({ ...call, ...how, idempotent: false })).items;
    } catch (err) {
      if (err instanceof CdfApiError && err.status === 409)
        throw await staleNodesOf(this, body.items, err, createdTimes);
      throw err;
    }
  }

  /** Deletes nodes, each only while not newer than its `existingVersion` (see node-delete.ts). */
  deleteFileNodes(nodes: readonly NodeToDelete[], options: CallOptions = {}): Promise<DirectRelation[]> {
    return deleteNodes(this.requests, nodes, options);
  }

  /** `GET /models/statistics`: the project's limits, among them its concurrent read and write limits. */
  async statistics(options: CallOptions = {}): Promise<ModelStatistics> {
    const path = '/models/statistics';
    return await this.requests.call({ method: 'GET', path, response: modelStatistics, signal: options.signal });
  }

  /** Every space of the project (`GET /models/spaces`, paged), the global ones only when asked. */
  async listSpaces(options: CallOptions & { includeGlobal?: boolean } = {}): Promise<SpaceDefinition[]> {
    const all: SpaceDefinition[] = [];
    let cursor: string | undefined;
    do {
      const query = { limit: 1000, includeGlobal: options.includeGlobal ?? false, cursor };
      const page = await this.requests.call({
        method: 'GET',
        path: '/models/spaces',
        query,
        response: spacePage,
        signal: options.signal,
      });
      all.push(...page.items);
      cursor = page.items.length > 0 ? (page.nextCursor ?? undefined) : undefined;
    } while (cursor);
    return all;
  }

  private listBody(request: FileNodeListRequest) {
    return {
      instanceType: 'node',
      sources: SOURCES,
      filter: allOf([HAS_FILE_DATA, checkedFilter(request.filter)]),
      limit: request.limit ?? DMS_LIMITS.itemsPerRequest,
    };
  }

  private async aggregate(
    filter: InstanceFilter | undefined,
    groupBy: string | undefined,
    limit: number,
    o: CallOptions,
  ) {
    const body = checked(
      instancesCountRequest,
      {
        view: COGNITE_FILE_VIEW,
        instanceType: 'node',
        ...(filter ? { filter } : {}),
        ...(groupBy ? { groupBy: [groupBy] } : {}),
        aggregates: [{ count: { property: 'externalId' } }],
        limit,
      },
      'aggregate request',
    );
    const path = '/models/instances/aggregate';
    return await this.requests.call({ path, body, response: aggregateAnswer, signal: o.signal });
  }
}

const checkedFilter = (filter: InstanceFilter | undefined): InstanceFilter | undefined =>
  filter === undefined ? undefined : checked(instanceFilter, filter, 'filter');
