// fast-check generators of file records and of edited documents, every value within every limit
// of the model (so validation must accept them), with a bias towards the limits themselves.
import fc from 'fast-check';
import {
  EDITABLE_FIELDS,
  updateShapeOf,
  EDITABLE_FIELD_NAMES,
  LIMITS,
  READ_ONLY_FIELD_NAMES,
  metadataMap,
  utf8Bytes,
  type EditableFieldName,
  type FileRecord,
  type GeoLocation,
  type Geometry,
  type Label,
} from '../../../src/cdf/model';
import { documentFromRecord } from '../../../src/core/records';
import type { FileDocument } from '../../../src/core/records';

const plain = { noNullPrototype: true } as const;

/** Cut a string to at most `max` UTF-16 code units without splitting a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Any Unicode text of at most `max` characters (UTF-16 code units, as the model counts), often at `max`. */
export const text = (max: number, min = 0): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, 24) }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: max }).map((s) => clip(s, max)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: max, maxLength: max }) },
  );

/** 1, 2, 3 and 4-byte characters in UTF-8. */
const anyWidthChar = fc.constantFrom('a', 'Z', '7', ' ', '"', '\\', '\n', 'é', 'ø', 'ß', '€', '中', 'ह', '😀', '𝄞');

/** Text of at most `maxBytes` UTF-8 bytes, of characters of every width. */
const textOfBytes = (maxBytes: number, maxChars = maxBytes): fc.Arbitrary<string> =>
  fc.array(anyWidthChar, { maxLength: maxChars }).map((chars) => {
    let out = '';
    let bytes = 0;
    for (const c of chars) {
      const b = utf8Bytes(c);
      if (bytes + b > maxBytes) break;
      out += c;
      bytes += b;
    }
    return out;
  });

/** Text of exactly `bytes` UTF-8 bytes, mostly multibyte characters. */
const exactBytes = (bytes: number): fc.Arbitrary<string> =>
  textOfBytes(bytes, bytes).map((s) => s + 'a'.repeat(bytes - utf8Bytes(s)));

export const idArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 10_000 }) },
  { weight: 3, arbitrary: fc.maxSafeNat().map((n) => Math.max(1, n)) },
  { weight: 1, arbitrary: fc.constantFrom(1, LIMITS.maxId) },
);

export const timeArb: fc.Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((n) => n * 1000) },
  { weight: 3, arbitrary: fc.maxSafeNat() },
  { weight: 1, arbitrary: fc.constantFrom(0, LIMITS.maxId) },
);

const ids = (max: number): fc.Arbitrary<number[]> =>
  fc.oneof(
    { weight: 9, arbitrary: fc.uniqueArray(idArb, { maxLength: Math.min(max, 12) }) },
    { weight: 1, arbitrary: fc.uniqueArray(idArb, { minLength: max - 3, maxLength: max }) },
  );

const labelsArb: fc.Arbitrary<Label[]> = fc
  .uniqueArray(text(LIMITS.labelExternalIdLength, 1), { maxLength: LIMITS.labels })
  .map((xs) => xs.map((externalId) => ({ externalId })));

const metadataKey = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 2, arbitrary: textOfBytes(LIMITS.metadataKeyBytes) },
  { weight: 1, arbitrary: exactBytes(LIMITS.metadataKeyBytes) },
  // Keys that are special to JavaScript objects are plain data in a record.
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty') },
);

const smallValue = fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), textOfBytes(200, 60));

/** Drops pairs from the end until the map is within the pair count and total size. */
function fitMetadata(entries: [string, string][]): Record<string, string> {
  const kept: [string, string][] = [];
  let total = 0;
  for (const [k, v] of entries) {
    const size = utf8Bytes(k) + utf8Bytes(v);
    if (kept.length === LIMITS.metadataPairs || total + size > LIMITS.metadataTotalBytes) continue;
    kept.push([k, v]);
    total += size;
  }
  return Object.fromEntries(kept);
}

export const metadataArb: fc.Arbitrary<Record<string, string>> = fc
  .oneof(
    {
      weight: 8,
      arbitrary: fc.uniqueArray(fc.tuple(metadataKey, smallValue), { selector: ([k]) => k, maxLength: 10 }),
    },
    // One key of exactly 128 bytes and a value that fills the total to exactly 10240 bytes.
    {
      weight: 1,
      arbitrary: fc
        .tuple(exactBytes(LIMITS.metadataKeyBytes), exactBytes(LIMITS.metadataTotalBytes - LIMITS.metadataKeyBytes))
        .map(([k, v]) => [[k, v] as [string, string]]),
    },
    // A value of exactly 10240 bytes: only an empty key leaves room for it in the total.
    {
      weight: 1,
      arbitrary: exactBytes(LIMITS.metadataValueBytes).map((v) => [['', v] as [string, string]]),
    },
    // Up to 256 pairs.
    {
      weight: 1,
      arbitrary: fc.uniqueArray(
        fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), fc.string({ maxLength: 6 })),
        {
          selector: ([k]) => k,
          minLength: 200,
          maxLength: LIMITS.metadataPairs,
        },
      ),
    },
  )
  .map(fitMetadata)
  .filter((m) => metadataMap.safeParse(m).success);

const coordinate = (limit: number) =>
  fc.double({ min: -limit, max: limit, noNaN: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const position = fc.tuple(coordinate(180), coordinate(90));
const lineString = fc.array(position, { minLength: 2, maxLength: 5 });
const ring = fc.array(position, { minLength: 3, maxLength: 5 }).map((ps) => [...ps, ps[0]!]);
const polygon = fc.array(ring, { minLength: 1, maxLength: 3 });

export const geometryArb: fc.Arbitrary<Geometry> = fc.oneof(
  position.map((coordinates) => ({ type: 'Point' as const, coordinates })),
  lineString.map((coordinates) => ({ type: 'LineString' as const, coordinates })),
  polygon.map((coordinates) => ({ type: 'Polygon' as const, coordinates })),
  fc.array(position, { maxLength: 4 }).map((coordinates) => ({ type: 'MultiPoint' as const, coordinates })),
  fc.array(lineString, { maxLength: 3 }).map((coordinates) => ({ type: 'MultiLineString' as const, coordinates })),
  fc.array(polygon, { maxLength: 2 }).map((coordinates) => ({ type: 'MultiPolygon' as const, coordinates })),
);

const propertyKey = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor'));
export const geoLocationArb: fc.Arbitrary<GeoLocation> = fc.record(
  {
    type: fc.constant('Feature' as const),
    geometry: geometryArb,
    properties: fc.dictionary(propertyKey, fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), {
      maxKeys: 3,
      noNullPrototype: true,
    }),
  },
  { requiredKeys: ['type', 'geometry'], ...plain },
);

const instanceIdArb = fc.record(
  {
    space: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_-]{0,10}[a-zA-Z0-9]$/),
    externalId: fc.stringMatching(/^[a-zA-Z]([a-zA-Z0-9_]{0,20}[a-zA-Z0-9])?$/),
  },
  plain,
);

/** A value for each editable field, within its limits. */
export const FIELD_ARBS: { [K in EditableFieldName]: fc.Arbitrary<NonNullable<FileRecord[K]>> } = {
  externalId: text(LIMITS.externalIdLength),
  directory: text(LIMITS.directoryLength),
  source: text(LIMITS.sourceLength),
  mimeType: text(LIMITS.mimeTypeLength),
  dataSetId: idArb,
  assetIds: ids(LIMITS.assetIds),
  labels: labelsArb,
  metadata: metadataArb,
  securityCategories: ids(LIMITS.securityCategories),
  sourceCreatedTime: timeArb,
  sourceModifiedTime: timeArb,
  geoLocation: geoLocationArb,
};

/** A record as the API could return it: only the required fields always present. */
export const recordArb: fc.Arbitrary<FileRecord> = fc
  .record(
    {
      id: idArb,
      name: text(LIMITS.nameLength),
      uploaded: fc.boolean(),
      createdTime: timeArb,
      lastUpdatedTime: timeArb,
      uploadedTime: timeArb,
      instanceId: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: instanceIdArb }),
      ...FIELD_ARBS,
    },
    { requiredKeys: ['id', 'name', 'uploaded', 'createdTime', 'lastUpdatedTime'], ...plain },
  )
  .map((r) => {
    if (r.instanceId === undefined) delete r.instanceId;
    return r;
  });

type Edit = { op: 'keep' } | { op: 'null' } | { op: 'delete' } | { op: 'set'; value: unknown };

const shuffled = <T>(xs: T[]) => fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length });

/** The same value written another way: sets reordered, metadata keys reordered, "none" as null, [] or {}. */
function sameValueArb(name: EditableFieldName, value: unknown): fc.Arbitrary<unknown> {
  const kind = updateShapeOf(name);
  const empty =
    value === undefined ||
    (Array.isArray(value) && value.length === 0) ||
    (kind === 'metadata' && Object.keys(value as object).length === 0);
  if (kind === 'scalar') return fc.constant(value ?? null);
  if (empty) return fc.constantFrom(null, kind === 'metadata' ? {} : []);
  if (kind === 'metadata') return shuffled(Object.entries(value as object)).map((e) => Object.fromEntries(e));
  return shuffled(value as unknown[]);
}

/** A changed value built from the old one: some items kept (in any order), some new ones added. */
function mutatedArb(name: EditableFieldName, value: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(rebuiltArb(name, value, false), rebuiltArb(name, value, true));
}

/**
 * Keeps a random part of the old items (`tweak`: all but at most two) in any order and adds up to a
 * few new ones; metadata may also change values. Tweaks are where add/remove beats set.
 */
function rebuiltArb(name: EditableFieldName, value: unknown, tweak: boolean): fc.Arbitrary<unknown> {
  const kind = updateShapeOf(name);
  const kept = <T>(xs: T[]) =>
    fc.shuffledSubarray(xs, tweak ? { minLength: Math.max(0, xs.length - 2), maxLength: xs.length } : {});
  const extra = tweak ? 2 : 4;
  if (kind === 'idSet') {
    const max = name === 'assetIds' ? LIMITS.assetIds : LIMITS.securityCategories;
    return fc
      .tuple(kept((value as number[] | undefined) ?? []), fc.uniqueArray(idArb, { maxLength: extra }))
      .map(([old, added]) => [...new Set([...old, ...added])].slice(0, max));
  }
  if (kind === 'labels') {
    return fc
      .tuple(
        kept((value as Label[] | undefined) ?? []),
        labelsArb.map((l) => l.slice(0, extra)),
      )
      .map(([old, added]) =>
        [...new Map([...old, ...added].map((l) => [l.externalId, l])).values()].slice(0, LIMITS.labels),
      );
  }
  if (kind === 'metadata') {
    const entries = Object.entries((value as Record<string, string> | undefined) ?? {});
    return fc
      .tuple(
        kept(entries),
        fc.array(fc.boolean(), { minLength: entries.length, maxLength: entries.length }),
        smallValue,
        fc.uniqueArray(fc.tuple(metadataKey, smallValue), { selector: ([k]) => k, maxLength: extra }),
      )
      .map(([old, change, newValue, added]) => {
        const changed = old.map(([k, v], i): [string, string] => [k, change[i] && (!tweak || i === 0) ? newValue : v]);
        const next = Object.fromEntries([...changed, ...added]);
        return metadataMap.safeParse(next).success ? next : Object.fromEntries(old);
      });
  }
  return FIELD_ARBS[name] as fc.Arbitrary<unknown>;
}

function editArb(base: FileRecord, name: EditableFieldName): fc.Arbitrary<Edit> {
  const keep = sameValueArb(name, base[name]).map((value): Edit => ({ op: 'set', value }));
  const unset = base[name] === undefined;
  if (base.instanceId && !EDITABLE_FIELDS[name].instanceLinkedMayChange) {
    // A linked file cannot change this field: only the same value, however it is written.
    return unset
      ? fc.oneof(keep, fc.constant<Edit>({ op: 'delete' }))
      : fc.oneof(keep, fc.constant<Edit>({ op: 'keep' }));
  }
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Edit>({ op: 'keep' }) },
    { weight: 2, arbitrary: keep },
    { weight: 1, arbitrary: fc.constant<Edit>({ op: 'null' }) },
    { weight: 1, arbitrary: fc.constant<Edit>({ op: 'delete' }) },
    { weight: 2, arbitrary: (FIELD_ARBS[name] as fc.Arbitrary<unknown>).map((value): Edit => ({ op: 'set', value })) },
    { weight: 4, arbitrary: mutatedArb(name, base[name]).map((value): Edit => ({ op: 'set', value })) },
  );
}

/** A valid edited document of `base`: editable fields kept, rewritten, cleared, removed or changed; read-only ones kept or removed. */
export function editedArb(base: FileRecord): fc.Arbitrary<FileDocument> {
  const edits = Object.fromEntries(EDITABLE_FIELD_NAMES.map((n) => [n, editArb(base, n)])) as Record<
    EditableFieldName,
    fc.Arbitrary<Edit>
  >;
  const dropReadOnly = fc.subarray(READ_ONLY_FIELD_NAMES);
  // Most saves touch a field or two; some rewrite everything.
  const touched = fc.oneof(
    { weight: 3, arbitrary: fc.subarray(EDITABLE_FIELD_NAMES, { minLength: 1, maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constant(EDITABLE_FIELD_NAMES) },
  );
  return fc.tuple(fc.record(edits, plain), dropReadOnly, touched).map(([chosen, dropped, fields]) => {
    const doc = documentFromRecord(base) as Record<string, unknown>;
    for (const name of fields) {
      const edit = chosen[name];
      if (edit.op === 'null') doc[name] = null;
      else if (edit.op === 'delete') delete doc[name];
      else if (edit.op === 'set') doc[name] = edit.value;
    }
    for (const name of dropped) delete doc[name];
    return doc;
  });
}

export const caseArb: fc.Arbitrary<{ base: FileRecord; edited: FileDocument }> = recordArb.chain((base) =>
  editedArb(base).map((edited) => ({ base, edited })),
);
