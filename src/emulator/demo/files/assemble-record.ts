import type { FileRecord } from '../../../cdf/model';
import { permute52, randomInt, type Random } from '../../util/random';
import { instanceSpaceOf } from '../catalog/data-modeling';
import { SECURITY_CATEGORIES } from '../catalog/document-vocabulary';
import type { Area } from '../asset-hierarchy';
import type { Draft } from './draft';
import type { Shared } from './shared-values';

/** Demo file ids: `FILE_ID_BASE + permute52(index)`, i.e. in [1e15, 5.5e15): big and scattered like CDF's. */
export const FILE_ID_BASE = 1_000_000_000_000_000;

const UPDATED_TO = Date.UTC(2025, 8, 30);
const SOURCE_FROM = Date.UTC(2005, 0, 1);

/** Values many records of one generation share (see `Shared`). */
export interface SharedParts {
  directories: Shared<string>;
  labels: Shared<{ externalId: string }[]>;
}

/** The shared fields, with the imperfections a real project has (no directory, not uploaded, ...). */
export function assembleRecord(
  rnd: Random,
  index: number,
  seed: number,
  area: Area,
  draft: Draft,
  createdTime: number,
  dataSetIds: Record<string, number>,
  shared: SharedParts,
): FileRecord {
  const id = FILE_ID_BASE + permute52(index, seed);
  const uploaded = rnd() >= 0.08;
  const lastUpdatedTime = rnd() < 0.4 ? createdTime : createdTime + Math.floor(rnd() * (UPDATED_TO - createdTime));
  const record: Record<string, unknown> = { id };
  if (rnd() >= 0.05) record.externalId = `${draft.systemKey}:${draft.docNo}`;
  record.name = draft.name;
  if (rnd() >= 0.03) {
    const directory = `/${area.site.key}/area-${area.code}/${draft.folder}`;
    record.directory = shared.directories.get(directory, () => directory);
  }
  record.source = draft.source;
  record.mimeType = draft.mimeType;
  record.metadata = draft.metadata;
  if (rnd() >= 0.06 && draft.assets.length > 0) record.assetIds = draft.assets;
  if (rnd() >= 0.08) record.dataSetId = dataSetIds[draft.dataSet];
  const confidential = rnd() < 0.02;
  const labels = confidential ? [...draft.labels, 'CONFIDENTIAL'] : draft.labels;
  record.labels = shared.labels.get(labels.join(','), () => labels.map((externalId) => ({ externalId })));
  if (confidential) record.securityCategories = [...SECURITY_CATEGORIES].slice(0, randomInt(rnd, 1, 2));
  if (rnd() < 0.85) {
    const sourceCreatedTime = SOURCE_FROM + Math.floor(rnd() * (createdTime - SOURCE_FROM));
    record.sourceCreatedTime = sourceCreatedTime;
    if (rnd() < 0.8)
      record.sourceModifiedTime = sourceCreatedTime + Math.floor(rnd() * (createdTime - sourceCreatedTime));
  }
  if (draft.geoLocation) record.geoLocation = draft.geoLocation;
  if (rnd() < 0.05)
    record.instanceId = {
      space: instanceSpaceOf(area.site),
      externalId: `file_${draft.docNo.replace(/[^a-zA-Z0-9]/g, '_')}`,
    };
  record.uploaded = uploaded;
  if (uploaded) record.uploadedTime = createdTime + randomInt(rnd, 800, 90_000);
  record.createdTime = createdTime;
  record.lastUpdatedTime = Math.max(lastUpdatedTime, (record.uploadedTime as number | undefined) ?? 0);
  return record as FileRecord;
}
