import type { FileRecord } from '../../cdf/model';
import { CDM_SPACE } from '../dms/core-views';
import type { ContainerData, DirectRelation, NodeRecord, SpaceRecord } from '../dms/instance-types';
import { formatTimestamp } from '../dms/property-values';
import type { Asset } from '../store/lookup-types';
import {
  ASSET_SPACE,
  FILE_CATEGORIES,
  REFERENCE_SPACE,
  SOURCE_SYSTEMS,
  instanceSpaceOf,
} from './catalog/data-modeling';
import { SITES } from './catalog/sites';

/**
 * The demo's data modeling side, derived from the classic demo (so it is as deterministic): a
 * CogniteAsset node per asset, file categories and source systems, and a CogniteFile node for every
 * classic file with an `instanceId`, holding the same name, directory, MIME type and times, and
 * the asset nodes of its assetIds. That is the state CDF keeps between a file and its node.
 */

const SPACES_CREATED = Date.UTC(2024, 8, 2, 8, 0, 0);
const REFERENCE_CREATED = Date.UTC(2024, 8, 2, 9, 30, 0);
const cdm = (container: string) => `${CDM_SPACE}/${container}`;
const slug = (s: string): string => s.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');

export const assetNodeId = (asset: Asset): DirectRelation => ({
  space: ASSET_SPACE,
  externalId: `asset_${slug(asset.externalId ?? String(asset.id))}`,
});
export const sourceSystemId = (source: string): DirectRelation => ({
  space: REFERENCE_SPACE,
  externalId: `source_${slug(source).toLowerCase()}`,
});
export const categoryId = (code: string): DirectRelation => ({
  space: REFERENCE_SPACE,
  externalId: `category_${code}`,
});

const node = (id: DirectRelation, created: number, updated: number, data: NodeRecord['data']): NodeRecord => ({
  ...id,
  version: 1,
  createdTime: created,
  lastUpdatedTime: updated,
  data,
});

function referenceNodes(): NodeRecord[] {
  const at = REFERENCE_CREATED;
  const categories = FILE_CATEGORIES.map((c) =>
    node(categoryId(c.code), at, at, {
      [cdm('CogniteDescribable')]: { name: c.name },
      [cdm('CogniteFileCategory')]: { code: c.code },
    }),
  );
  const systems = SOURCE_SYSTEMS.map((s) =>
    node(sourceSystemId(s.source), at, at, {
      [cdm('CogniteDescribable')]: { name: s.source },
      [cdm('CogniteSourceSystem')]: { manufacturer: s.manufacturer, version: s.version },
    }),
  );
  return [...categories, ...systems];
}

function assetNodes(assets: readonly Asset[]): { nodes: NodeRecord[]; byId: Map<number, DirectRelation> } {
  const byId = new Map(assets.map((a) => [a.id, assetNodeId(a)]));
  const parentOf = new Map(assets.map((a) => [a.id, a.parentId]));
  const nodes = assets.map((a) => {
    const path: DirectRelation[] = [];
    for (let id: number | undefined = a.id; id !== undefined; id = parentOf.get(id)) path.unshift(byId.get(id)!);
    const hierarchy: ContainerData = { assetHierarchy_root: byId.get(a.rootId)!, assetHierarchy_path: path };
    if (a.parentId !== undefined) hierarchy.assetHierarchy_parent = byId.get(a.parentId)!;
    hierarchy.assetHierarchy_path_last_updated_time = formatTimestamp(a.lastUpdatedTime);
    const describable: ContainerData = { name: a.name };
    if (a.description !== undefined) describable.description = a.description;
    const sourceable: ContainerData = { sourceId: a.externalId ?? String(a.id) };
    if (a.source !== undefined) sourceable.source = sourceSystemId(a.source);
    return node(byId.get(a.id)!, a.createdTime, a.lastUpdatedTime, {
      [cdm('CogniteVisualizable')]: {},
      [cdm('CogniteDescribable')]: describable,
      [cdm('CogniteSourceable')]: sourceable,
      [cdm('CogniteAsset')]: hierarchy,
    });
  });
  return { nodes, byId };
}

const CATEGORY_BY_TYPE = new Map(FILE_CATEGORIES.map((c) => [c.name, categoryId(c.code)]));
const PHOTO_CATEGORY = categoryId('PH');

/** The CogniteFile node of a linked classic file: the same values, as data modeling holds them. */
export function fileNode(r: FileRecord, assets: Map<number, DirectRelation>): NodeRecord {
  const describable: ContainerData = { name: r.name };
  const tags = (r.labels ?? []).map((l) => l.externalId);
  if (tags.length > 0) describable.tags = tags;
  if (r.externalId !== undefined) describable.aliases = [r.externalId];
  const sourceable: ContainerData = {};
  if (r.externalId !== undefined) sourceable.sourceId = r.externalId;
  if (r.source !== undefined) sourceable.source = sourceSystemId(r.source);
  if (r.sourceCreatedTime !== undefined) sourceable.sourceCreatedTime = formatTimestamp(r.sourceCreatedTime);
  if (r.sourceModifiedTime !== undefined) sourceable.sourceUpdatedTime = formatTimestamp(r.sourceModifiedTime);
  const file: ContainerData = { isUploaded: r.uploaded };
  if (r.mimeType !== undefined) file.mimeType = r.mimeType;
  if (r.directory !== undefined) file.directory = r.directory;
  if (r.uploadedTime !== undefined) file.uploadedTime = formatTimestamp(r.uploadedTime);
  const assetRefs = (r.assetIds ?? []).flatMap((id) => assets.get(id) ?? []);
  if (assetRefs.length > 0) file.assets = assetRefs;
  const type = r.metadata?.documentType;
  const category =
    type === undefined ? (r.metadata?.workOrder ? PHOTO_CATEGORY : undefined) : CATEGORY_BY_TYPE.get(type);
  if (category) file.category = category;
  return node(r.instanceId!, r.createdTime, r.lastUpdatedTime, {
    [cdm('CogniteDescribable')]: describable,
    [cdm('CogniteSourceable')]: sourceable,
    [cdm('CogniteFile')]: file,
  });
}

function spaces(): SpaceRecord[] {
  const space = (id: string, name: string, i: number): SpaceRecord => ({
    space: id,
    name,
    createdTime: SPACES_CREATED + i * 60_000,
    lastUpdatedTime: SPACES_CREATED + i * 60_000,
    isGlobal: false,
  });
  return [
    space(ASSET_SPACE, 'Asset hierarchy', 0),
    space(REFERENCE_SPACE, 'File categories and source systems', 1),
    ...SITES.map((s, i) => space(instanceSpaceOf(s), `${s.name} documents`, 2 + i)),
  ];
}

export function generateNodes(assets: readonly Asset[], files: readonly FileRecord[]) {
  const { nodes: assetList, byId } = assetNodes(assets);
  const fileNodes = files.filter((r) => r.instanceId !== undefined).map((r) => fileNode(r, byId));
  return { spaces: spaces(), nodes: [...referenceNodes(), ...assetList, ...fileNodes] };
}
