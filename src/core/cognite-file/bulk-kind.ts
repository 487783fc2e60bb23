import * as l10n from '@vscode/l10n';
import {
  COGNITE_FILE_NODE_FIELDS,
  COGNITE_FILE_PROPERTIES,
  cogniteFileUpsertItem,
  nodeKeyOf,
  type CogniteFileUpsertItem,
  type CogniteFileWritableName,
} from '../../cdf/model';
import { schemaMessage, titleOf, type BulkKind } from '../bulk';
import { COGNITE_FILE, type CogniteFileRecord } from '../records';
import { NODE_CSV_IDENTITY } from './csv-identity';

/** The properties CDF sets on a CogniteFile node: its identity, version, times and upload state. */
const SET_BY_CDF = new Set<string>([...Object.keys(COGNITE_FILE_NODE_FIELDS), 'isUploaded', 'uploadedTime']);

/**
 * Why `value` cannot be the property's value: the view's schema (types, lengths, list sizes), and a
 * directory is an absolute path, as the CogniteFile view documents it.
 */
export function checkNodeValue(field: string, value: unknown): string | undefined {
  if (!Object.hasOwn(COGNITE_FILE_PROPERTIES, field) || SET_BY_CDF.has(field))
    return l10n.t('A CogniteFile has no writable property "{0}"', field);
  if (field === 'directory' && typeof value === 'string' && !value.startsWith('/'))
    return l10n.t('A directory must be an absolute path starting with "/" (got "{0}")', value);
  return schemaMessage(COGNITE_FILE_PROPERTIES[field as CogniteFileWritableName].schema, value, field);
}

/** A target's ref of a node: its wire identity `{space, externalId}`. */
const refMatches = (record: CogniteFileRecord, ref: unknown): boolean =>
  typeof ref === 'object' &&
  ref !== null &&
  (ref as { space?: unknown }).space === record.space &&
  (ref as { externalId?: unknown }).externalId === record.externalId;

/**
 * A CogniteFile node as bulk actions see it: its record kind (upserts of only the changed
 * properties, lists written whole on the list CDF holds, `existingVersion` the version read) and the
 * rules of a bulk action. A node has no unique property and no link that forbids fields.
 */
export const COGNITE_FILE_BULK: BulkKind<CogniteFileRecord, CogniteFileUpsertItem> = {
  ...COGNITE_FILE,
  checkValue: checkNodeValue,
  readOnlyReason: (field) =>
    field === 'space' || field === 'externalId'
      ? l10n.t('{0} names the node: it was chosen when the node was created and an upsert cannot change it', field)
      : SET_BY_CDF.has(field)
        ? l10n.t('{0} is set by CDF; an upsert cannot change it', field)
        : undefined,
  refusals: () => [],
  checkItem: (item) => {
    const parsed = cogniteFileUpsertItem.safeParse(item);
    return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? l10n.t('invalid update'));
  },
  uniqueFields: [],
  csvIdentity: NODE_CSV_IDENTITY,
  refMatches,
};

/** `P-101.pdf (plant:p-101)`: how a node is named in previews and reports. */
export const nodeTitle = (record: CogniteFileRecord): string => titleOf(COGNITE_FILE_BULK, record);

/** The key of a ref that names a node, else undefined. */
export const nodeRefKey = (ref: unknown): string | undefined => {
  if (typeof ref !== 'object' || ref === null) return undefined;
  const { space, externalId } = ref as { space?: unknown; externalId?: unknown };
  return typeof space === 'string' && typeof externalId === 'string' ? nodeKeyOf({ space, externalId }) : undefined;
};
