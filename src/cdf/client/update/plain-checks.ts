/**
 * Cheap checks of the plain, common shapes of what a bulk update sends and reads back, used
 * before the zod schemas (read-records.ts, plain-item.ts): they accept only what the schema also
 * accepts, never more; anything they do not plainly accept goes to the schema, which decides and
 * words the error. Limits are read once: these run for every item and every record.
 */
import { LIMITS } from '../../model';

const MAX_ID = LIMITS.maxId;

export const isId = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_ID;
export const isTime = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_ID;

export const isTextUpTo =
  (max: number) =>
  (v: unknown): boolean =>
    typeof v === 'string' && v.length <= max;

/** An object literal or `JSON.parse` result: not an array, a class instance or a null-prototype object. */
export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Metadata that is plainly within every limit: a plain object of string values whose lengths, at
 * the most UTF-8 bytes a UTF-16 unit can take (3), stay within the byte limits. Anything closer to
 * a limit is measured exactly by the metadata schema.
 */
export const isPlainMetadata = (m: unknown): boolean => {
  if (!isPlainObject(m)) return false;
  const keys = Object.keys(m);
  if (keys.length > LIMITS.metadataPairs) return false;
  let total = 0;
  for (const key of keys) {
    const value = m[key];
    if (typeof value !== 'string' || key.length * 3 > LIMITS.metadataKeyBytes) return false;
    total += (key.length + value.length) * 3;
  }
  return total <= LIMITS.metadataTotalBytes;
};

export const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');

const isPosition = (p: unknown): boolean =>
  Array.isArray(p) && p.length === 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/**
 * A GeoJSON Feature of a Point, the common geoLocation: `{type: 'Feature', geometry: {type: 'Point',
 * coordinates: [x, y]}, properties?: {...}}` and no other key. Other geometries go to the schema.
 */
export const isPointFeature = (g: unknown): boolean => {
  if (!isPlainObject(g) || g.type !== 'Feature') return false;
  const keys = Object.keys(g);
  if (keys.length !== (Object.prototype.hasOwnProperty.call(g, 'properties') ? 3 : 2)) return false;
  if (keys.length === 3 && !isPlainObject(g.properties)) return false;
  const geometry = g.geometry;
  return (
    isPlainObject(geometry) &&
    Object.keys(geometry).length === 2 &&
    geometry.type === 'Point' &&
    isPosition(geometry.coordinates)
  );
};
