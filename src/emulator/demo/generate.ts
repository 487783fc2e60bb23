import type { StoreContents } from '../store/file-store';
import { generateFiles } from './generate-files';
import { generateLookups } from './generate-lookups';
import { generateNodes } from './generate-nodes';

/**
 * The whole demo project for a seed: data sets, labels, assets and `files` file records, and the
 * data modeling side (spaces, asset, category, source system and CogniteFile nodes) derived from them.
 */
export function generateDemo(seed: number, files: number): StoreContents {
  const lookups = generateLookups(seed);
  const { records, sortedIds } = generateFiles(seed, files, lookups);
  const { spaces, nodes } = generateNodes(lookups.assets, records);
  return {
    files: records,
    sortedFileIds: sortedIds,
    dataSets: lookups.dataSets,
    labels: lookups.labels,
    assets: lookups.assets,
    spaces,
    nodes,
  };
}
