import { hashInts, permute52, pick, randomInt, seededRandom } from '../util/random';
import type { Asset, DataSet, LabelDefinition } from '../store/lookup-types';
import { DATA_SETS, EQUIPMENT_TYPES, LABELS, SITES, type EquipmentType, type Site } from './catalog';

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

export interface DemoLookups {
  dataSets: DataSet[];
  labels: LabelDefinition[];
  assets: Asset[];
  areas: Area[];
  dataSetIds: Record<string, number>;
}

const LOOKUPS_CREATED = Date.UTC(2018, 8, 3, 9, 12, 0);
const LOOKUPS_UPDATED = Date.UTC(2024, 1, 19, 14, 2, 0);

/** An id that looks like CDF's: large, unique within its resource type (a permutation of the index). */
const lookupId = (seed: number, salt: number, index: number): number =>
  100_000_000_000_000 + permute52(index, hashInts(seed, salt));

/** Data sets, labels and the asset hierarchy (site → area → equipment), deterministic in `seed`. */
export function generateLookups(seed: number): DemoLookups {
  const rnd = seededRandom(hashInts(seed, 0xa55e7));
  const dataSets: DataSet[] = DATA_SETS.map((d, i) => ({
    id: lookupId(seed, 1, i),
    externalId: d.externalId,
    name: d.name,
    description: d.description,
    metadata: { ...d.metadata },
    writeProtected: d.writeProtected,
    createdTime: LOOKUPS_CREATED + i * 3_600_000,
    lastUpdatedTime: LOOKUPS_UPDATED + i * 60_000,
  }));
  const dataSetIds = Object.fromEntries(dataSets.map((d) => [d.externalId as string, d.id]));
  const assetDataSetId = dataSetIds['ds-asset-hierarchy'] as number;

  const labels: LabelDefinition[] = LABELS.map((l, i) => ({
    externalId: l.externalId,
    name: l.name,
    description: l.description,
    createdTime: LOOKUPS_CREATED + i * 60_000,
  }));

  const assets: Asset[] = [];
  const areas: Area[] = [];
  const newAsset = (fields: Omit<Asset, 'id' | 'createdTime' | 'lastUpdatedTime' | 'rootId'> & { rootId?: number }) => {
    const id = lookupId(seed, 2, assets.length);
    const asset: Asset = {
      id,
      rootId: fields.rootId ?? id,
      ...fields,
      createdTime: LOOKUPS_CREATED + assets.length * 1000,
      lastUpdatedTime: LOOKUPS_UPDATED + assets.length * 1000,
    };
    assets.push(asset);
    return asset;
  };

  for (const site of SITES) {
    const root = newAsset({
      externalId: site.key,
      name: site.name,
      description: site.description,
      dataSetId: assetDataSetId,
      source: 'SAP',
      metadata: { functionalLocation: `NO01-${site.letter}`, siteCode: site.letter },
      geoLocation: { type: 'Feature', geometry: { type: 'Point', coordinates: [site.centre[0], site.centre[1]] } },
    });
    for (const areaSpec of site.areas) {
      const areaAsset = newAsset({
        externalId: `${site.key}:area-${areaSpec.code}`,
        name: `${areaSpec.code} ${areaSpec.name}`,
        parentId: root.id,
        parentExternalId: root.externalId,
        rootId: root.id,
        description: `${site.name}, area ${areaSpec.code}: ${areaSpec.name}`,
        dataSetId: assetDataSetId,
        source: 'SAP',
        metadata: { functionalLocation: `NO01-${site.letter}-${areaSpec.code}`, area: areaSpec.code },
      });
      const area: Area = { site, code: areaSpec.code, name: areaSpec.name, asset: areaAsset, equipment: [] };
      for (const type of EQUIPMENT_TYPES) {
        const count = randomInt(rnd, type.perArea[0], type.perArea[1]);
        for (let n = 1; n <= count; n++) {
          const description = pick(rnd, type.descriptions);
          const manufacturer = pick(rnd, type.manufacturers);
          const suffixes = type.paired && rnd() < 0.6 ? ['A', 'B'] : [''];
          for (const suffix of suffixes) {
            const tag = `${areaSpec.code}-${type.code}-${areaSpec.code}${String(n).padStart(2, '0')}${suffix}`;
            const asset = newAsset({
              externalId: `${site.key}:${tag}`,
              name: tag,
              parentId: areaAsset.id,
              parentExternalId: areaAsset.externalId,
              rootId: root.id,
              description: suffix ? `${description} ${suffix}` : description,
              dataSetId: assetDataSetId,
              source: 'SAP',
              metadata: {
                functionalLocation: `NO01-${site.letter}-${areaSpec.code}-${tag}`,
                equipmentType: type.kind,
                manufacturer,
                tagNumber: tag,
              },
            });
            area.equipment.push({ asset, tag, type, description, manufacturer });
          }
        }
      }
      areas.push(area);
    }
  }
  return { dataSets, labels, assets, areas, dataSetIds };
}
