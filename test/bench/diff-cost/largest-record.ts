/**
 * The largest file record the documented limits allow (LIMITS;
 * https://api-docs.cognite.com/20230101/tag/Files): every string
 * at its maximum length, 1000 assetIds, 100 securityCategories, 10 labels of 255 characters, 256
 * metadata pairs filling the 10,240-byte total exactly, and a big MultiPolygon (the API documents
 * no size limit for geometry; 10 polygons of 500 points each stand in for a detailed site outline).
 */
import { fileRecord, LIMITS, type FileRecord, type GeoLocation } from '../../../src/cdf/model';

export const POLYGONS = 10;
export const POINTS_PER_POLYGON = 500;

const fill = (prefix: string, length: number): string => (prefix + 'x'.repeat(length)).slice(0, length);

/** `pairs` key-value pairs whose UTF-8 bytes (keys and values) add up to exactly `totalBytes`. */
export function metadataAtTotalLimit(pairs: number, totalBytes: number): Record<string, string> {
  const perPair = Math.floor(totalBytes / pairs);
  let spare = totalBytes - perPair * pairs;
  const metadata: Record<string, string> = {};
  for (let i = 0; i < pairs; i++) {
    const key = `key${String(i).padStart(3, '0')}`;
    const valueBytes = perPair - key.length + (spare-- > 0 ? 1 : 0);
    metadata[key] = fill(`value of ${key}: `, valueBytes);
  }
  return metadata;
}

/** Closed rings around a site, deterministic (no randomness: every run measures the same record). */
export function bigMultiPolygon(polygons: number, points: number): GeoLocation {
  const rings = Array.from({ length: polygons }, (_, p) => {
    const centre = [10 + p * 0.01, 59 + p * 0.01] as const;
    const ring = Array.from({ length: points - 1 }, (_, k): [number, number] => {
      const angle = (2 * Math.PI * k) / (points - 1);
      const radius = 0.004 * (1 + 0.1 * Math.sin(7 * angle));
      return [round6(centre[0] + radius * Math.cos(angle)), round6(centre[1] + radius * Math.sin(angle))];
    });
    ring.push(ring[0]!);
    return [ring];
  });
  return { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: rings } };
}

const round6 = (n: number): number => Math.round(n * 1e6) / 1e6;

export function largestRecord(): FileRecord {
  const record: FileRecord = {
    id: 4_503_599_627_370_496,
    externalId: fill('ext-', LIMITS.externalIdLength),
    name: fill('drawing-', LIMITS.nameLength),
    directory: fill('/plant-a/area-10/', LIMITS.directoryLength),
    source: fill('source-', LIMITS.sourceLength),
    mimeType: fill('application/', LIMITS.mimeTypeLength),
    dataSetId: 8_123_456_789_012,
    assetIds: Array.from({ length: LIMITS.assetIds }, (_, i) => 7_000_000_000_000 + i * 7919),
    labels: Array.from({ length: LIMITS.labels }, (_, i) => ({
      externalId: fill(`LABEL_${i}_`, LIMITS.labelExternalIdLength),
    })),
    metadata: metadataAtTotalLimit(LIMITS.metadataPairs, LIMITS.metadataTotalBytes),
    securityCategories: Array.from({ length: LIMITS.securityCategories }, (_, i) => 100 + i),
    sourceCreatedTime: Date.UTC(2010, 0, 1),
    sourceModifiedTime: Date.UTC(2024, 5, 1),
    geoLocation: bigMultiPolygon(POLYGONS, POINTS_PER_POLYGON),
    uploaded: true,
    uploadedTime: Date.UTC(2024, 5, 2),
    createdTime: Date.UTC(2024, 5, 2),
    lastUpdatedTime: Date.UTC(2025, 0, 3),
  };
  // The benchmark is only worth something if the record really is within the limits.
  const checked = fileRecord.safeParse(record);
  if (!checked.success) throw new Error(`the largest record is not a valid record: ${checked.error.message}`);
  return record;
}
