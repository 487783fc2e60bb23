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

type Check = (value: unknown) => { ok: true; value: unknown } | { ok: false };

const pass = (value: unknown) => ({ ok: true, value }) as const;
const FAIL = { ok: false } as const;

// Read once: this runs for every id and time of every record.
const MAX_ID = LIMITS.maxId;
const isId = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_ID;
const isTime = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_ID;

const id: Check = (v) => (isId(v) ? pass(v) : FAIL);
const time: Check = (v) => (isTime(v) ? pass(v) : FAIL);
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max ? pass(v) : FAIL;
const ids =
  (max: number): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(isId) ? pass(v) : FAIL;

const label = (l: unknown): boolean => {
  if (typeof l !== 'object' || l === null || Array.isArray(l) || Object.getPrototypeOf(l) !== Object.prototype) {
    return false;
  }
  const keys = Object.keys(l);
  const externalId = (l as { externalId?: unknown }).externalId;
  return (
    keys.length === 1 &&
    keys[0] === 'externalId' &&
    typeof externalId === 'string' &&
    externalId.length >= 1 &&
    externalId.length <= LIMITS.labelExternalIdLength
  );
};

/**
 * Metadata that is plainly within every limit: a plain object of string values whose lengths, at
 * the most UTF-8 bytes a UTF-16 unit can take (3), stay within the byte limits. Anything closer to
 * a limit is measured exactly by the metadata schema. (That schema returns the object as given.)
 */
const plainMetadata = (m: unknown): boolean => {
  if (typeof m !== 'object' || m === null || Array.isArray(m) || Object.getPrototypeOf(m) !== Object.prototype) {
    return false;
  }
  const keys = Object.keys(m);
  if (keys.length > LIMITS.metadataPairs) return false;
  let total = 0;
  for (const key of keys) {
    const value = (m as Record<string, unknown>)[key];
    if (typeof value !== 'string' || key.length * 3 > LIMITS.metadataKeyBytes) return false;
    total += (key.length + value.length) * 3;
  }
  return total <= LIMITS.metadataTotalBytes;
};

/** A field checked by its own zod schema; its output (zod may copy or strip) replaces the value. */
const bySchema =
  (schema: { safeParse(v: unknown): { success: true; data: unknown } | { success: false } }): Check =>
  (v) => {
    const parsed = schema.safeParse(v);
    return parsed.success ? pass(parsed.data) : FAIL;
  };

const CHECKS: Record<keyof FileRecord, Check> = {
  id,
  name: text(LIMITS.nameLength),
  uploaded: (v) => (typeof v === 'boolean' ? pass(v) : FAIL),
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
  labels: (v) => (Array.isArray(v) && v.length <= LIMITS.labels && v.every(label) ? pass(v) : FAIL),
  metadata: (v) => (plainMetadata(v) ? pass(v) : bySchema(EDITABLE_FIELDS.metadata.schema)(v)),
  securityCategories: ids(LIMITS.securityCategories),
  sourceCreatedTime: time,
  sourceModifiedTime: time,
  geoLocation: bySchema(EDITABLE_FIELDS.geoLocation.schema),
};

const REQUIRED = ['id', 'name', 'uploaded', 'createdTime', 'lastUpdatedTime'] as const;

/** The record if the fast path plainly accepts it, else undefined (ask the full schema). */
export function plainlyValidRecord(raw: unknown): FileRecord | undefined {
  if (
    typeof raw !== 'object' ||
    raw === null ||
    Array.isArray(raw) ||
    Object.getPrototypeOf(raw) !== Object.prototype
  ) {
    return undefined;
  }
  const source = raw as Record<string, unknown>;
  for (const key of REQUIRED) if (!(key in source)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const check = Object.prototype.hasOwnProperty.call(CHECKS, key) ? CHECKS[key] : undefined;
    if (check === undefined) return undefined; // An unknown key: zod decides (it passes such keys through).
    const checked = check(source[key]);
    if (!checked.ok) return undefined;
    out[key] = checked.value;
  }
  return out as FileRecord;
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
