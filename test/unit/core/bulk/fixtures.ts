import type { FileRecord } from '../../../../src/cdf/model';

/** A plain record; `fields` override or add (pass `undefined` to leave a field out). */
export function fileRecord(fields: Partial<FileRecord> = {}): FileRecord {
  const record: Record<string, unknown> = {
    id: 123,
    name: 'P-101.pdf',
    uploaded: true,
    createdTime: 1_700_000_000_000,
    lastUpdatedTime: 1_700_000_000_000,
    ...fields,
  };
  for (const key of Object.keys(record)) if (record[key] === undefined) delete record[key];
  return record as FileRecord;
}

/** A record with every updatable field set. */
export const fullRecord = (fields: Partial<FileRecord> = {}): FileRecord =>
  fileRecord({
    externalId: 'doc-p101',
    directory: '/plant-a/old/pid',
    source: 'SAP',
    mimeType: 'application/pdf',
    dataSetId: 42,
    assetIds: [1, 2],
    labels: [{ externalId: 'pid' }],
    metadata: { rev: 'A', tag: 'P-101' },
    securityCategories: [7],
    sourceCreatedTime: 1_600_000_000_000,
    sourceModifiedTime: 1_650_000_000_000,
    geoLocation: { type: 'Feature', geometry: { type: 'Point', coordinates: [10, 60] } },
    ...fields,
  });

export const linkedRecord = (fields: Partial<FileRecord> = {}): FileRecord =>
  fullRecord({ instanceId: { space: 'plant', externalId: 'doc_p101' }, ...fields });
