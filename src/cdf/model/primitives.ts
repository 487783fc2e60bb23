import { z } from 'zod';
import { LIMITS, utf8Bytes } from './limits';

/** A CDF internal id (int64 exposed as a JSON number). */
export const internalId = z.number().int().min(1).max(LIMITS.maxId);

export const externalId = z.string().max(LIMITS.externalIdLength);

/** Milliseconds since the Unix epoch, as CDF stores every time. */
export const epochMs = z.number().int().min(0).max(LIMITS.maxId);

export const label = z.strictObject({ externalId: z.string().min(1).max(LIMITS.labelExternalIdLength) });
export type Label = z.infer<typeof label>;

export const instanceId = z.object({
  space: z
    .string()
    .min(1)
    .max(LIMITS.instanceSpaceLength)
    .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$/),
  externalId: z
    .string()
    .min(1)
    .max(LIMITS.instanceExternalIdLength)
    .regex(/^[a-zA-Z]([a-zA-Z0-9_]{0,253}[a-zA-Z0-9])?$/),
});
export type InstanceId = z.infer<typeof instanceId>;

/**
 * Metadata: string -> string. `max()` on characters lets the JSON Schema warn early; the byte limits
 * the API enforces are checked by the refinements (a character is at least one UTF-8 byte).
 */
export const metadataMap = z
  .record(
    z
      .string()
      .max(LIMITS.metadataKeyBytes)
      .refine((k) => utf8Bytes(k) <= LIMITS.metadataKeyBytes, {
        message: `Metadata keys are at most ${LIMITS.metadataKeyBytes} bytes (UTF-8)`,
      }),
    z
      .string()
      .max(LIMITS.metadataValueBytes)
      .refine((v) => utf8Bytes(v) <= LIMITS.metadataValueBytes, {
        message: `Metadata values are at most ${LIMITS.metadataValueBytes} bytes (UTF-8)`,
      }),
  )
  .superRefine((m, ctx) => {
    const keys = Object.keys(m);
    if (keys.length > LIMITS.metadataPairs) {
      ctx.addIssue({
        code: 'custom',
        message: `Metadata holds at most ${LIMITS.metadataPairs} key-value pairs (found ${keys.length})`,
      });
    }
    let total = 0;
    for (const k of keys) total += utf8Bytes(k) + utf8Bytes(m[k] ?? '');
    if (total > LIMITS.metadataTotalBytes) {
      ctx.addIssue({
        code: 'custom',
        message: `Metadata is at most ${LIMITS.metadataTotalBytes} bytes in total, keys and values (found ${total})`,
      });
    }
  });
export type Metadata = z.infer<typeof metadataMap>;

// ---- GeoJSON (RFC 7946, WGS84; CDF supports only a Feature) ----
const position = z.tuple([z.number(), z.number()]);
const lineString = z.array(position).min(2);
const linearRing = z
  .array(position)
  .min(4)
  .refine((r) => r.length > 0 && r[0]?.[0] === r[r.length - 1]?.[0] && r[0]?.[1] === r[r.length - 1]?.[1], {
    message: 'A linear ring must end at the point it starts from',
  });
const polygon = z.array(linearRing).min(1);

export const geometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: position }),
  z.strictObject({ type: z.literal('LineString'), coordinates: lineString }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: polygon }),
  z.strictObject({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
  z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(lineString) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon) }),
]);
export type Geometry = z.infer<typeof geometry>;

export const geoLocation = z.strictObject({
  type: z.literal('Feature'),
  geometry,
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type GeoLocation = z.infer<typeof geoLocation>;

/** A reference by internal or external id, as filters and look-ups take it. */
export const idEither = z.union([z.strictObject({ id: internalId }), z.strictObject({ externalId: externalId })]);
export type IdEither = z.infer<typeof idEither>;

/** Any of the three ways to name a file. */
export const fileIdentifier = z.union([
  z.strictObject({ id: internalId }),
  z.strictObject({ externalId: externalId }),
  z.strictObject({ instanceId }),
]);
export type FileIdentifier = z.infer<typeof fileIdentifier>;
