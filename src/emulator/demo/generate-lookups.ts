import { hashInts, seededRandom } from '../util/random';
import type { Asset, DataSet, LabelDefinition } from '../store/lookup-types';
import { assetHierarchy, type Area } from './asset-hierarchy';
import { DATA_SETS, LABELS } from './catalog/data-sets-and-labels';
import { LOOKUPS_CREATED, LOOKUPS_UPDATED, lookupId } from './lookup-identity';

export interface DemoLookups {
  dataSets: DataSet[];
  labels: LabelDefinition[];
  assets: Asset[];
  areas: Area[];
  dataSetIds: Record<string, number>;
}

function demoDataSets(seed: number): DataSet[] {
  return DATA_SETS.map((d, i) => ({
    id: lookupId(seed, 1, i),
    externalId: d.externalId,
    name: d.name,
    description: d.description,
    metadata: { ...d.metadata },
    writeProtected: d.writeProtected,
    createdTime: LOOKUPS_CREATED + i * 3_600_000,
    lastUpdatedTime: LOOKUPS_UPDATED + i * 60_000,
  }));
}

function demoLabels(): LabelDefinition[] {
  return LABELS.map((l, i) => ({
    externalId: l.externalId,
    name: l.name,
    description: l.description,
    createdTime: LOOKUPS_CREATED + i * 60_000,
  }));
}

/** Data sets, labels and the asset hierarchy (site → area → equipment), deterministic in `seed`. */
export function generateLookups(seed: number): DemoLookups {
  const rnd = seededRandom(hashInts(seed, 0xa55e7));
  const dataSets = demoDataSets(seed);
  const dataSetIds = Object.fromEntries(dataSets.map((d) => [d.externalId as string, d.id]));
  const assetDataSetId = dataSetIds['ds-asset-hierarchy'] as number;
  const { assets, areas } = assetHierarchy(rnd, (i) => lookupId(seed, 2, i), assetDataSetId);
  return { dataSets, labels: demoLabels(), assets, areas, dataSetIds };
}
