import type { StoreContents } from '../store/file-store';
import { generateFiles } from './generate-files';
import { generateLookups } from './generate-lookups';

/** The whole demo project for a seed: data sets, labels, assets and `files` file records. */
export function generateDemo(seed: number, files: number): StoreContents {
  const lookups = generateLookups(seed);
  const { records, sortedIds } = generateFiles(seed, files, lookups);
  return {
    files: records,
    sortedFileIds: sortedIds,
    dataSets: lookups.dataSets,
    labels: lookups.labels,
    assets: lookups.assets,
  };
}
