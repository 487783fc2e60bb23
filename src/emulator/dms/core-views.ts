/**
 * The part of Cognite's core data model (space `cdf_cdm`, version `v1`) the emulator serves: the
 * views a file editor reads and writes, with the containers behind their properties. Every view
 * lists its inherited properties too, as the API's `views/byids` returns them. Descriptions are left
 * out; types, list-ness, list limits and nullability are what the emulator enforces.
 */

export const CDM_SPACE = 'cdf_cdm';
export const CDM_VERSION = 'v1';
/** When the core model was published and last changed (the API's `createdTime`/`lastUpdatedTime`). */
const CDM_CREATED = 1724420990920;
const CDM_UPDATED = 1726822073950;

export type PropertyType = 'text' | 'timestamp' | 'boolean' | 'direct';

export interface CoreProperty {
  container: string;
  /** The property's identifier in its container, when it differs from the view's name for it. */
  containerProperty?: string;
  type: PropertyType;
  list?: true;
  maxListSize?: number;
  /** A direct relation's expected target view (a hint: the API does not enforce it). */
  target?: string;
  /** The target container a direct relation is checked against (the API's `type.container`). */
  targetContainer?: string;
  nullable?: false;
  name?: string;
}

/** A reverse direct relation: read-only, computed from the other side. */
export interface ReverseProperty {
  source: string;
  through: string;
  name: string;
  /** Whether `through` is a list property (a file's `assets`) or a single one (an asset's `parent`). */
  targetsList: boolean;
}

export interface CoreView {
  externalId: string;
  name?: string;
  implements: string[];
  usedFor: 'node' | 'all';
  lastUpdatedTime: number;
  mappedContainers: string[];
  properties: Record<string, CoreProperty>;
  reverse: Record<string, ReverseProperty>;
}

const text = (container: string, extra: Partial<CoreProperty> = {}): CoreProperty => ({
  container,
  type: 'text',
  ...extra,
});

const DESCRIBABLE: Record<string, CoreProperty> = {
  name: text('CogniteDescribable'),
  description: text('CogniteDescribable'),
  tags: text('CogniteDescribable', { list: true }),
  aliases: text('CogniteDescribable', { list: true }),
};

const SOURCEABLE: Record<string, CoreProperty> = {
  sourceId: text('CogniteSourceable'),
  sourceContext: text('CogniteSourceable'),
  source: {
    container: 'CogniteSourceable',
    type: 'direct',
    target: 'CogniteSourceSystem',
    targetContainer: 'CogniteSourceSystem',
  },
  sourceCreatedTime: { container: 'CogniteSourceable', type: 'timestamp' },
  sourceUpdatedTime: { container: 'CogniteSourceable', type: 'timestamp' },
  sourceCreatedUser: text('CogniteSourceable'),
  sourceUpdatedUser: text('CogniteSourceable'),
};

const assetRelation = (containerProperty: string, extra: Partial<CoreProperty> = {}): CoreProperty => ({
  container: 'CogniteAsset',
  containerProperty,
  type: 'direct',
  target: 'CogniteAsset',
  ...extra,
});

const reverse = (source: string, through: string, name: string, targetsList = true): ReverseProperty => ({
  source,
  through,
  name,
  targetsList,
});

const VIEWS: CoreView[] = [
  {
    externalId: 'CogniteDescribable',
    implements: [],
    usedFor: 'all',
    lastUpdatedTime: CDM_CREATED,
    mappedContainers: ['CogniteDescribable'],
    properties: DESCRIBABLE,
    reverse: {},
  },
  {
    externalId: 'CogniteSourceable',
    implements: [],
    usedFor: 'all',
    lastUpdatedTime: CDM_CREATED,
    mappedContainers: ['CogniteSourceable'],
    properties: SOURCEABLE,
    reverse: {},
  },
  {
    externalId: 'CogniteSourceSystem',
    implements: ['CogniteDescribable'],
    usedFor: 'node',
    lastUpdatedTime: CDM_CREATED,
    mappedContainers: ['CogniteDescribable', 'CogniteSourceSystem'],
    properties: {
      ...DESCRIBABLE,
      version: text('CogniteSourceSystem'),
      manufacturer: text('CogniteSourceSystem'),
    },
    reverse: {},
  },
  {
    externalId: 'CogniteFileCategory',
    name: 'File category',
    implements: ['CogniteDescribable'],
    usedFor: 'node',
    lastUpdatedTime: CDM_UPDATED,
    mappedContainers: ['CogniteDescribable', 'CogniteFileCategory'],
    properties: {
      ...DESCRIBABLE,
      code: text('CogniteFileCategory', { nullable: false, name: 'Code' }),
      standard: text('CogniteFileCategory', { name: 'Standard' }),
      standardReference: text('CogniteFileCategory', { name: 'Standard reference' }),
    },
    reverse: {},
  },
  {
    externalId: 'CogniteAsset',
    name: 'Asset',
    implements: ['CogniteVisualizable', 'CogniteDescribable', 'CogniteSourceable'],
    usedFor: 'node',
    lastUpdatedTime: CDM_UPDATED,
    mappedContainers: ['CogniteVisualizable', 'CogniteDescribable', 'CogniteSourceable', 'CogniteAsset'],
    properties: {
      object3D: { container: 'CogniteVisualizable', type: 'direct', target: 'Cognite3DObject' },
      ...DESCRIBABLE,
      ...SOURCEABLE,
      parent: assetRelation('assetHierarchy_parent', { name: 'Parent' }),
      root: assetRelation('assetHierarchy_root', { name: 'Root' }),
      path: assetRelation('assetHierarchy_path', { list: true, maxListSize: 100, name: 'Path' }),
      pathLastUpdatedTime: {
        container: 'CogniteAsset',
        containerProperty: 'assetHierarchy_path_last_updated_time',
        type: 'timestamp',
        name: 'Path last updated time',
      },
      assetClass: assetRelation('assetClass', {
        target: 'CogniteAssetClass',
        targetContainer: 'CogniteAssetClass',
        name: 'Asset class',
      }),
      type: assetRelation('type', {
        target: 'CogniteAssetType',
        targetContainer: 'CogniteAssetType',
        name: 'Asset type',
      }),
    },
    reverse: {
      files: reverse('CogniteFile', 'assets', 'Files'),
      children: reverse('CogniteAsset', 'parent', 'Children', false),
      equipment: reverse('CogniteEquipment', 'asset', 'Equipment', false),
      activities: reverse('CogniteActivity', 'assets', 'Activities'),
      timeSeries: reverse('CogniteTimeSeries', 'assets', 'Time series'),
    },
  },
  {
    externalId: 'CogniteFile',
    name: 'File',
    implements: ['CogniteDescribable', 'CogniteSourceable'],
    usedFor: 'node',
    lastUpdatedTime: CDM_UPDATED,
    mappedContainers: ['CogniteDescribable', 'CogniteSourceable', 'CogniteFile'],
    properties: {
      ...DESCRIBABLE,
      ...SOURCEABLE,
      assets: {
        container: 'CogniteFile',
        type: 'direct',
        list: true,
        maxListSize: 1200,
        target: 'CogniteAsset',
        name: 'Assets',
      },
      mimeType: text('CogniteFile', { name: 'MIME type' }),
      directory: text('CogniteFile', { name: 'Directory' }),
      isUploaded: { container: 'CogniteFile', type: 'boolean', name: 'Is uploaded' },
      uploadedTime: { container: 'CogniteFile', type: 'timestamp', name: 'Uploaded time' },
      category: { container: 'CogniteFile', type: 'direct', target: 'CogniteFileCategory', name: 'Category' },
    },
    reverse: { equipment: reverse('CogniteEquipment', 'files', 'Equipment') },
  },
];

const BY_ID = new Map(VIEWS.map((v) => [v.externalId, v]));

/** A core view by its externalId and version, when the emulator serves it. */
export function coreView(space: string, externalId: string, version?: string): CoreView | undefined {
  if (space !== CDM_SPACE || (version !== undefined && version !== CDM_VERSION)) return undefined;
  return BY_ID.get(externalId);
}

export const coreViews = (): readonly CoreView[] => VIEWS;

/** The containers behind the served views, with their properties (keyed by container property id). */
export function coreContainer(space: string, externalId: string): Map<string, CoreProperty> | undefined {
  if (space !== CDM_SPACE) return undefined;
  const props = new Map<string, CoreProperty>();
  for (const view of VIEWS)
    for (const [name, p] of Object.entries(view.properties))
      if (p.container === externalId) props.set(p.containerProperty ?? name, p);
  return props.size > 0 ? props : undefined;
}

export const CREATED_TIME = CDM_CREATED;
