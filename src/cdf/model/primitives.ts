import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import './zod-messages';
import { LIMITS, utf8Bytes } from './limits';

/** A CDF internal id (int64 exposed as a JSON number). */
export const internalId = z.number().check(z.int(), z.minimum(1), z.maximum(LIMITS.maxId));

export const externalId = z.string().check(z.maxLength(LIMITS.externalIdLength));

/** Milliseconds since the Unix epoch, as CDF stores every time. */
export const epochMs = z.number().check(z.int(), z.minimum(0), z.maximum(LIMITS.maxId));

export const label = z.strictObject({
  externalId: z.string().check(z.minLength(1), z.maxLength(LIMITS.labelExternalIdLength)),
});
export type Label = z.infer<typeof label>;

export const instanceId = z.object({
  space: z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(LIMITS.instanceSpaceLength),
      z.regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,41}[a-zA-Z0-9]?$/),
    ),
  // A node's externalId as data modeling allows it (1-256 characters, no NUL). The Files API documents
  // a stricter pattern for `instanceId`, but it shows every CogniteFile node as a file: a node named
  // "doc-123" must not make a whole page of files unreadable, nor its file unreachable by instanceId.
  externalId: z.string().check(
    z.minLength(1),
    z.maxLength(LIMITS.instanceExternalIdLength),
    z.refine((s) => !s.includes('\u0000'), { message: 'must not contain the NUL character' }),
  ),
});
export type InstanceId = z.infer<typeof instanceId>;

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * Metadata: string keys to string values, limits in UTF-8 bytes. Every own key counts, whatever
 * its name: "__proto__", "constructor" or "toString" are ordinary metadata keys in CDF.
 * `z.record` cannot be used: it silently drops a "__proto__" key from what it validates and returns,
 * so such a key would skip every limit and then be lost on the read path. This schema checks the
 * object's own keys (as `JSON.parse` made them) and returns the same object, every key kept.
 * Issues keep the shapes `z.record` gave (invalid_key at the key, the value's issue at its path,
 * the whole-map limits at the map), so messages place them the same way.
 */
export const metadataMap = z.custom<Record<string, string>>().check(
  z.superRefine((m, ctx) => {
    if (!isPlainObject(m)) {
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'record',
        input: m,
        message: l10n.t('Metadata must be an object'),
      });
      return;
    }
    const keys = Object.keys(m);
    let total = 0;
    for (const key of keys) total += checkMetadataPair(key, m[key], ctx);
    if (keys.length > LIMITS.metadataPairs) {
      ctx.addIssue({
        code: 'custom',
        input: m,
        message: l10n.t('Metadata holds at most {0} key-value pairs (found {1})', LIMITS.metadataPairs, keys.length),
      });
    }
    if (total > LIMITS.metadataTotalBytes) {
      ctx.addIssue({
        code: 'custom',
        input: m,
        message: l10n.t(
          'Metadata is at most {0} bytes in total, keys and values (found {1})',
          LIMITS.metadataTotalBytes,
          total,
        ),
      });
    }
  }),
);

/** One key and its value against the per-pair limits; returns the bytes they count toward the total. */
function checkMetadataPair(key: string, value: unknown, ctx: { addIssue(issue: z.core.$ZodRawIssue): void }): number {
  const keyBytes = utf8Bytes(key);
  if (keyBytes > LIMITS.metadataKeyBytes) {
    ctx.addIssue({
      code: 'invalid_key',
      origin: 'record',
      path: [key],
      input: key,
      issues: [],
      message: l10n.t('Metadata keys are at most {0} bytes (UTF-8)', LIMITS.metadataKeyBytes),
    });
  }
  if (typeof value !== 'string') {
    ctx.addIssue({
      code: 'invalid_type',
      expected: 'string',
      path: [key],
      input: value,
      message: l10n.t('Metadata values are strings'),
    });
    return keyBytes;
  }
  const valueBytes = utf8Bytes(value);
  if (valueBytes > LIMITS.metadataValueBytes) {
    ctx.addIssue({
      code: 'custom',
      path: [key],
      input: value,
      message: l10n.t('Metadata values are at most {0} bytes (UTF-8)', LIMITS.metadataValueBytes),
    });
  }
  return keyBytes + valueBytes;
}
export type Metadata = z.infer<typeof metadataMap>;

/**
 * The JSON Schema's picture of {@link metadataMap} for editors (completion, early warnings): a map of
 * strings whose lengths in characters cannot exceed the byte limits. Validation never uses it.
 */
export const metadataMapJsonShape = z.record(
  z.string().check(z.maxLength(LIMITS.metadataKeyBytes)),
  z.string().check(z.maxLength(LIMITS.metadataValueBytes)),
);

// ---- GeoJSON (RFC 7946, WGS84; CDF supports only a Feature) ----
const position = z.tuple([z.number(), z.number()]);
const lineString = z.array(position).check(z.minLength(2));
const linearRing = z.array(position).check(
  z.minLength(4),
  z.refine((r) => r.length > 0 && r[0]?.[0] === r[r.length - 1]?.[0] && r[0]?.[1] === r[r.length - 1]?.[1], {
    error: () => l10n.t('A linear ring must end at the point it starts from'),
  }),
);
const polygon = z.array(linearRing).check(z.minLength(1));

export const geometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: position }),
  z.strictObject({ type: z.literal('LineString'), coordinates: lineString }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: polygon }),
  z.strictObject({ type: z.literal('MultiPoint'), coordinates: z.array(position) }),
  z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(lineString) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon) }),
]);
export type Geometry = z.infer<typeof geometry>;

/**
 * GeoJSON `properties`: any JSON object, returned as given. Not `z.record`, which would drop a
 * "__proto__" key and so lose it on the read path (and then on the next save of geoLocation).
 */
const geoProperties = z.custom<Record<string, unknown>>().check(
  z.superRefine((p, ctx) => {
    if (!isPlainObject(p))
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'record',
        input: p,
        message: l10n.t('properties must be an object'),
      });
  }),
);

const geoLocationWith = (properties: z.ZodMiniType<Record<string, unknown>>) =>
  z.strictObject({ type: z.literal('Feature'), geometry, properties: z.optional(properties) });

export const geoLocation = geoLocationWith(geoProperties);
export type GeoLocation = z.infer<typeof geoLocation>;
/** The JSON Schema's picture of {@link geoLocation} (validation never uses it). */
export const geoLocationJsonShape = geoLocationWith(z.record(z.string(), z.unknown()));

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
