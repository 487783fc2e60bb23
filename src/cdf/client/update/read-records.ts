/**
 * Reading the records a `files/update` answers with, validated as `fileRecord` validates them, at
 * less CPU: a bulk job reads up to 1000 records per answer, and zod's generic object walk cost
 * more than parsing the JSON did. Every field the product reads is still checked.
 *
 * The simple fields (ids, times, strings with a length limit, id arrays, labels) are checked here
 * directly against the same limits; the involved ones (metadata, geoLocation, instanceId) by their
 * own zod schemas. A record this path does not plainly accept (a missing field, an unknown key, a
 * value out of range) goes to the full `fileRecord` schema, so what is accepted and every error
 * message are zod's. A property test holds the fast path to: accepts ⇒ zod accepts the same record.
 */
import {
  fileRecord,
  LIMITS,
  type FileRecord,
  type FileUpdateItem,
  EDITABLE_FIELDS,
  READ_ONLY_FIELDS,
} from '../../model';
import { pairRecords } from './item-references';
import { isId, isPlainMetadata, isPlainObject, isPointFeature, isTextUpTo, isTime } from './plain-checks';

/**
 * A field's check: the value to keep (the same one, or a schema's copy), or FAIL. No object per
 * check: this runs for every field of up to 100,000 records, and garbage costs CPU too.
 */
const FAIL: unique symbol = Symbol('fail');
type Check = (value: unknown) => unknown;

const when =
  (test: (v: unknown) => boolean): Check =>
  (v) =>
    test(v) ? v : FAIL;

const id = when(isId);
const time = when(isTime);
const text = (max: number): Check => when(isTextUpTo(max));
const ids = (max: number): Check => when((v) => Array.isArray(v) && v.length <= max && v.every(isId));

const label = (l: unknown): boolean => {
  if (!isPlainObject(l)) return false;
  const keys = Object.keys(l);
  const externalId = l.externalId;
  return (
    keys.length === 1 &&
    keys[0] === 'externalId' &&
    typeof externalId === 'string' &&
    externalId.length >= 1 &&
    externalId.length <= LIMITS.labelExternalIdLength
  );
};

/** A field checked by its own zod schema; its output (zod may copy or strip) replaces the value. */
const bySchema =
  (schema: { safeParse(v: unknown): { success: true; data: unknown } | { success: false } }): Check =>
  (v) => {
    const parsed = schema.safeParse(v);
    return parsed.success ? parsed.data : FAIL;
  };

const metadataSchema = bySchema(EDITABLE_FIELDS.metadata.schema);
const geoLocationSchema = bySchema(EDITABLE_FIELDS.geoLocation.schema);

/** A Map, not an object: a record's key is looked up in it, and must never find `toString`. */
const CHECKS = new Map<string, Check>(
  Object.entries({
    id,
    name: text(LIMITS.nameLength),
    uploaded: when((v) => typeof v === 'boolean'),
    createdTime: time,
    lastUpdatedTime: time,
    uploadedTime: time,
    instanceId: bySchema(READ_ONLY_FIELDS.instanceId.schema),
    externalId: text(LIMITS.externalIdLength),
    directory: text(LIMITS.directoryLength),
    source: text(LIMITS.sourceLength),
    mimeType: text(LIMITS.mimeTypeLength),
    dataSetId: id,
    assetIds: ids(LIMITS.assetIds),
    labels: when((v) => Array.isArray(v) && v.length <= LIMITS.labels && v.every(label)),
    metadata: (v) => (isPlainMetadata(v) ? v : metadataSchema(v)),
    securityCategories: ids(LIMITS.securityCategories),
    sourceCreatedTime: time,
    sourceModifiedTime: time,
    geoLocation: (v) => (isPointFeature(v) ? v : geoLocationSchema(v)),
  } satisfies Record<keyof FileRecord, Check>),
);

const REQUIRED = ['id', 'name', 'uploaded', 'createdTime', 'lastUpdatedTime'] as const;

/**
 * The record if the fast path plainly accepts it, else undefined (ask the full schema). The object
 * itself when every check kept its value (no copy: a bulk job reads up to 100,000 of them); a copy
 * when a schema-checked field came back changed (zod strips or copies).
 */
export function plainlyValidRecord(raw: unknown): FileRecord | undefined {
  if (!isPlainObject(raw)) return undefined;
  for (const key of REQUIRED) if (!(key in raw)) return undefined;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(raw)) {
    const check = CHECKS.get(key);
    if (check === undefined) return undefined; // An unknown key: zod decides (it passes such keys through).
    const value = raw[key];
    const checked = check(value);
    if (checked === FAIL) return undefined;
    if (checked !== value) (copy ??= { ...raw })[key] = checked;
  }
  return (copy ?? raw) as FileRecord;
}

/** Validates one returned record as `fileRecord` does; the fast path first. */
export function readRecord(
  raw: unknown,
):
  | { success: true; data: FileRecord }
  | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } {
  const fast = plainlyValidRecord(raw);
  if (fast !== undefined) return { success: true, data: fast };
  return fileRecord.safeParse(raw);
}

/**
 * The records of a 2xx answer, paired with the items sent. A record that is not a valid file
 * record leaves its item applied (CDF applied the chunk) but without a record, and says so once.
 */
export function recordsOfAnswer(
  sent: readonly FileUpdateItem[],
  raw: readonly unknown[],
  warn: (line: string) => void,
): (FileRecord | undefined)[] {
  let problem: string | undefined;
  const records = raw.map((r, k) => {
    const read = readRecord(r);
    if (read.success) return read.data;
    const issue = read.error.issues[0];
    problem ??= `items.${k}${issue?.path.length ? `.${issue.path.map(String).join('.')}` : ''}: ${issue?.message ?? 'invalid'}`;
    return undefined;
  });
  if (problem !== undefined)
    warn(
      `files/update: the answer has a record that is not valid (${problem}); its item is reported applied without it`,
    );
  if (records.length === sent.length) return records;
  return pairRecords(
    sent,
    records.filter((r): r is FileRecord => r !== undefined),
  );
}
