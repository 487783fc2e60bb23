import { isDeepStrictEqual } from 'node:util';
import { ApiError, badRequest, duplicated, missing } from '../http/api-error';
import { parseOr400 } from '../http/validation';
import type { FileStore } from '../store/file-store';
import { CDM_SPACE, coreContainer } from './core-views';
import { applyDelete, planDelete } from './delete';
import { syncClassicFiles } from './file-link';
import {
  nodeKey,
  type ContainerData,
  type DirectRelation,
  type NodeRecord,
  type PropertyValue,
} from './instance-types';
import { sourceWrites, type ContainerWrites } from './property-values';
import { nodeWriteItem, upsertRequest, type NodeWrite } from './requests';

/**
 * `POST /models/instances` for nodes: one transaction. Everything is checked before anything is
 * written: shapes, duplicates, spaces, versions (`existingVersion`), direct relation targets and
 * non-nullable properties; then the changed nodes are written, and only they get a new version.
 */

interface Planned {
  item: NodeWrite;
  at: string;
  writes: ContainerWrites;
  existing: NodeRecord | undefined;
}

export interface SlimNode {
  instanceType: 'node';
  space: string;
  externalId: string;
  version: number;
  wasModified: boolean;
  createdTime: number;
  lastUpdatedTime: number;
}

/** An instance as `missing` and `duplicated` list it. */
const asLookup = (n: DirectRelation): Record<string, unknown> => ({ instanceType: 'node', ...ref(n) });

const ref = (n: { space: string; externalId: string }) => ({ space: n.space, externalId: n.externalId });

function parseItems(store: FileStore, items: unknown[]): Planned[] {
  const seen = new Set<string>();
  const dupes: DirectRelation[] = [];
  const planned = items.map((raw, i) => {
    const at = `items[${i}]`;
    if ((raw as { instanceType?: unknown } | null)?.instanceType === 'edge')
      throw badRequest(`Invalid request: ${at}: edges are not supported by the emulator`);
    const item = parseOr400(nodeWriteItem, raw, at);
    const key = nodeKey(item);
    if (seen.has(key)) dupes.push(ref(item));
    seen.add(key);
    const writes: ContainerWrites = new Map();
    item.sources?.forEach((s, j) => sourceWrites(s.source, s.properties ?? {}, `${at}.sources[${j}]`, writes));
    return { item, at, writes, existing: store.nodes.get(key) };
  });
  if (dupes.length > 0) throw duplicated(400, 'Duplicate instances in the request', dupes.map(asLookup));
  return planned;
}

/** Every item's space must exist; the core model's space is read-only. */
function checkSpaces(store: FileStore, spaces: Iterable<string>): void {
  const unknown = [...new Set(spaces)].filter((s) => s === CDM_SPACE || !store.spaces.get(s));
  if (unknown.includes(CDM_SPACE)) throw badRequest(`Instances cannot be written to the system space ${CDM_SPACE}`);
  if (unknown.length > 0)
    throw new ApiError(400, `Spaces not found: ${unknown.join(', ')}`, {
      missing: unknown.map((space) => ({ space })),
    });
}

/** Items whose node is newer than `existingVersion` (0: the node must not exist yet). */
function conflicts(planned: Planned[]): Planned[] {
  return planned.filter(
    (p) => p.existing && p.item.existingVersion !== undefined && p.existing.version > p.item.existingVersion,
  );
}

function conflictError(found: Planned[]): ApiError {
  const list = found
    .map(
      (p) => `${p.item.space}:${p.item.externalId} is at version ${p.existing?.version}, not ${p.item.existingVersion}`,
    )
    .join('; ');
  return new ApiError(409, `A version conflict caused the ingest to fail: ${list}`);
}

/** The project's `instancesLimit` (`GET /models/statistics`) caps how many nodes may exist. */
function checkInstanceLimit(store: FileStore, creating: number): void {
  const limit = store.modelLimits.instancesLimit;
  if (creating > 0 && store.nodes.size + creating > limit)
    throw badRequest(`The project's instance limit (${limit}) would be exceeded: ${creating} new instances requested`);
}

function directTargets(p: Planned): DirectRelation[] {
  const out: DirectRelation[] = p.item.type ? [p.item.type] : [];
  const visit = (v: PropertyValue | null) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') out.push(v);
  };
  for (const props of p.writes.values()) for (const v of props.values()) visit(v);
  return out;
}

/** Targets that exist nowhere: an error, or (`autoCreateDirectRelations`) empty nodes to create. */
function missingTargets(store: FileStore, planned: Planned[]): DirectRelation[] {
  const writing = new Set(planned.map((p) => nodeKey(p.item)));
  const found = new Map<string, DirectRelation>();
  for (const p of planned)
    for (const t of directTargets(p)) {
      const key = nodeKey(t);
      if (!writing.has(key) && !store.nodes.get(key)) found.set(key, ref(t));
    }
  return [...found.values()];
}

function mergedData(p: Planned, replace: boolean): Record<string, ContainerData> {
  const data: Record<string, ContainerData> = { ...p.existing?.data };
  for (const [container, props] of p.writes) {
    // `replace` resets every property of a touched container that the item does not name.
    const row: ContainerData = replace ? {} : { ...data[container] };
    for (const [id, value] of props) {
      if (value === null) delete row[id];
      else row[id] = value;
    }
    data[container] = row;
  }
  return data;
}

function checkRequired(p: Planned, data: Record<string, ContainerData>): void {
  for (const container of p.writes.keys()) {
    const [space, externalId] = container.split('/') as [string, string];
    for (const [id, prop] of coreContainer(space, externalId) ?? [])
      if (prop.nullable === false && data[container]?.[id] === undefined)
        throw badRequest(`Invalid request: ${p.at}: property "${id}" of container ${space}:${externalId} is required`);
  }
}

function nextNode(p: Planned, replace: boolean, now: number): { node: NodeRecord; modified: boolean } {
  const data = mergedData(p, replace);
  checkRequired(p, data);
  const old = p.existing;
  const type = p.item.type ?? old?.type;
  if (old && isDeepStrictEqual(old.data, data) && isDeepStrictEqual(old.type, type))
    return { node: old, modified: false };
  const node: NodeRecord = {
    space: p.item.space,
    externalId: p.item.externalId,
    version: (old?.version ?? 0) + 1,
    createdTime: old?.createdTime ?? now,
    lastUpdatedTime: now,
    ...(type ? { type: ref(type) } : {}),
    data,
  };
  return { node, modified: true };
}

const slim = (node: NodeRecord, wasModified: boolean): SlimNode => ({
  instanceType: 'node',
  space: node.space,
  externalId: node.externalId,
  version: node.version,
  wasModified,
  createdTime: node.createdTime,
  lastUpdatedTime: node.lastUpdatedTime,
});

export function upsertInstances(store: FileStore, body: unknown, now: number) {
  const request = parseOr400(upsertRequest, body);
  let planned = parseItems(store, request.items);
  checkSpaces(
    store,
    planned.map((p) => p.item.space),
  );
  const conflicting = conflicts(planned);
  if (conflicting.length > 0 && !request.skipOnVersionConflict) throw conflictError(conflicting);
  planned = planned.filter((p) => !conflicting.includes(p));
  const absent = missingTargets(store, planned);
  if (absent.length > 0 && request.autoCreateDirectRelations === false)
    throw missing(absent.map(asLookup), 'Direct relation targets (autoCreateDirectRelations is false)');
  checkSpaces(
    store,
    absent.map((t) => t.space),
  );
  checkInstanceLimit(store, planned.filter((p) => !p.existing).length + absent.length);
  const results = planned.map((p) => nextNode(p, request.replace ?? false, now));
  const deleting = planDelete(store, request.delete ?? []);
  // Checks are over: from here on every write succeeds.
  for (const t of absent) store.nodes.put({ ...t, version: 1, createdTime: now, lastUpdatedTime: now, data: {} });
  const written = results.filter((r) => r.modified).map((r) => r.node);
  for (const node of written) store.nodes.put(node);
  syncClassicFiles(store, written, now);
  const deleted = applyDelete(store, request.delete ?? [], deleting);
  return { items: results.map((r) => slim(r.node, r.modified)), deleted };
}
