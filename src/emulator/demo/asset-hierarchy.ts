import { pick, randomInt, type Random } from '../util/random';
import type { Asset } from '../store/lookup-types';
import { EQUIPMENT_TYPES, type EquipmentType } from './catalog/equipment-types';
import { SITES, type Site } from './catalog/sites';
import { LOOKUPS_CREATED, LOOKUPS_UPDATED } from './lookup-identity';

/** One piece of equipment with what file generation needs to mention it. */
export interface Equipment {
  asset: Asset;
  tag: string;
  type: EquipmentType;
  description: string;
  manufacturer: string;
}

export interface Area {
  site: Site;
  code: string;
  name: string;
  asset: Asset;
  equipment: Equipment[];
}

type NewAsset = Omit<Asset, 'id' | 'createdTime' | 'lastUpdatedTime' | 'rootId'> & { rootId?: number };

/** Numbers assets in creation order: the id and the times of an asset follow from its position. */
class AssetList {
  readonly assets: Asset[] = [];
  constructor(private readonly idOf: (index: number) => number) {}

  add(fields: NewAsset): Asset {
    const { assets } = this;
    const id = this.idOf(assets.length);
    const asset: Asset = {
      id,
      rootId: fields.rootId ?? id,
      ...fields,
      createdTime: LOOKUPS_CREATED + assets.length * 1000,
      lastUpdatedTime: LOOKUPS_UPDATED + assets.length * 1000,
    };
    assets.push(asset);
    return asset;
  }
}

/** A site's root asset: the functional location of the whole plant. */
function siteAsset(list: AssetList, site: Site, dataSetId: number): Asset {
  return list.add({
    externalId: site.key,
    name: site.name,
    description: site.description,
    dataSetId,
    source: 'SAP',
    metadata: { functionalLocation: `NO01-${site.letter}`, siteCode: site.letter },
    geoLocation: { type: 'Feature', geometry: { type: 'Point', coordinates: [site.centre[0], site.centre[1]] } },
  });
}

function areaAsset(list: AssetList, site: Site, root: Asset, spec: Site['areas'][number], dataSetId: number): Asset {
  return list.add({
    externalId: `${site.key}:area-${spec.code}`,
    name: `${spec.code} ${spec.name}`,
    parentId: root.id,
    parentExternalId: root.externalId,
    rootId: root.id,
    description: `${site.name}, area ${spec.code}: ${spec.name}`,
    dataSetId,
    source: 'SAP',
    metadata: { functionalLocation: `NO01-${site.letter}-${spec.code}`, area: spec.code },
  });
}

/** The equipment of one type in an area: a random count, rotating ones often as duty/standby A/B pairs. */
function addEquipment(list: AssetList, rnd: Random, area: Area, type: EquipmentType, dataSetId: number): void {
  const { site, code } = area;
  const count = randomInt(rnd, type.perArea[0], type.perArea[1]);
  for (let n = 1; n <= count; n++) {
    const description = pick(rnd, type.descriptions);
    const manufacturer = pick(rnd, type.manufacturers);
    const suffixes = type.paired && rnd() < 0.6 ? ['A', 'B'] : [''];
    for (const suffix of suffixes) {
      const tag = `${code}-${type.code}-${code}${String(n).padStart(2, '0')}${suffix}`;
      const asset = list.add({
        externalId: `${site.key}:${tag}`,
        name: tag,
        parentId: area.asset.id,
        parentExternalId: area.asset.externalId,
        rootId: area.asset.rootId,
        description: suffix ? `${description} ${suffix}` : description,
        dataSetId,
        source: 'SAP',
        metadata: {
          functionalLocation: `NO01-${site.letter}-${code}-${tag}`,
          equipmentType: type.kind,
          manufacturer,
          tagNumber: tag,
        },
      });
      area.equipment.push({ asset, tag, type, description, manufacturer });
    }
  }
}

/**
 * The asset hierarchy site → area → equipment, in the asset data set; `idOf(i)` is the id of the
 * i-th asset made. Draws from `rnd` in a fixed order, so the hierarchy is deterministic in its seed.
 */
export function assetHierarchy(
  rnd: Random,
  idOf: (index: number) => number,
  dataSetId: number,
): { assets: Asset[]; areas: Area[] } {
  const list = new AssetList(idOf);
  const areas: Area[] = [];
  for (const site of SITES) {
    const root = siteAsset(list, site, dataSetId);
    for (const spec of site.areas) {
      const asset = areaAsset(list, site, root, spec, dataSetId);
      const area: Area = { site, code: spec.code, name: spec.name, asset, equipment: [] };
      for (const type of EQUIPMENT_TYPES) addEquipment(list, rnd, area, type, dataSetId);
      areas.push(area);
    }
  }
  return { assets: list.assets, areas };
}
