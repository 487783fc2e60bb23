import * as l10n from '@vscode/l10n';
import {
  COGNITE_FILE_VIEW,
  nodeKeyOf,
  type CogniteFileUpsertItem,
  type CogniteFileWritableName,
} from '../../cdf/model';
import { ownField } from '../fields';
import {
  cogniteFileDocument,
  cogniteFileDocumentSchema,
  cogniteFileJsonSchema,
  cogniteFileSelectionJsonSchema,
  COGNITE_FILE_DOCUMENT_ORDER,
  COGNITE_FILE_KIND_FIELDS,
  COGNITE_FILE_READ_ONLY_FIELDS,
} from './cognite-file-document';
import type { CogniteFileRecord } from './cognite-file-record';
import type { RecordKind } from './record-kind';

/**
 * The upsert item that makes the fields' patches on `record` (CDF's copy, read now): only the
 * changed properties, `null` for a cleared one. A list property is written whole by the API, so its
 * `{add, remove}` is applied to the list `record` holds (someone else's additions stay) and the
 * result sent; an emptied list is sent as `null` (unset), as a document shows it. `existingVersion`
 * is `record`'s version: if the node moved on since, CDF refuses the whole request (409).
 */
function encodeUpdate(
  record: CogniteFileRecord,
  patches: Readonly<Partial<Record<CogniteFileWritableName, object>>>,
): CogniteFileUpsertItem {
  const properties: Record<string, unknown> = {};
  for (const field of COGNITE_FILE_KIND_FIELDS) {
    const patch = ownField(patches, field.name);
    if (patch === undefined) continue;
    const value = field.kind.apply(ownField(record, field.name), patch as object);
    properties[field.name] = field.kind.isEmpty(value) ? null : value;
  }
  return {
    instanceType: 'node',
    space: record.space,
    externalId: record.externalId,
    existingVersion: record.version,
    sources: [{ source: COGNITE_FILE_VIEW, properties: properties }],
  };
}

/** `space:externalId` of a document (or a selection's element) that names a node, else undefined. */
function keyOf(element: unknown): string | undefined {
  if (typeof element !== 'object' || element === null) return undefined;
  const { space, externalId } = element as { space?: unknown; externalId?: unknown };
  return typeof space === 'string' && typeof externalId === 'string' ? nodeKeyOf({ space, externalId }) : undefined;
}

/**
 * A file in CDF data modeling: a node with the core data model's CogniteFile view, named by
 * `space:externalId`. Its `version` is real optimistic concurrency: every write names the version it
 * was decided on, and CDF refuses a stale one.
 */
export const COGNITE_FILE: RecordKind<CogniteFileRecord, CogniteFileUpsertItem, CogniteFileWritableName> = {
  name: 'cognite-file',
  noun: () => l10n.t('CogniteFile node'),
  keyName: () => 'space:externalId',
  nouns: () => l10n.t('CogniteFile nodes'),
  fields: COGNITE_FILE_KIND_FIELDS,
  key: nodeKeyOf,
  label: (record) => record.name ?? nodeKeyOf(record),
  keyOfItem: nodeKeyOf,
  version: (record) => record.version,
  incarnation: (record) => record.createdTime,
  concurrency: 'server',
  encodeUpdate,
  // As the client sends it: a mistyped direct relation is an error, never a new empty node.
  requestBody: (items) => ({ items, autoCreateDirectRelations: false }),
  document: {
    readOnlyFields: COGNITE_FILE_READ_ONLY_FIELDS,
    order: COGNITE_FILE_DOCUMENT_ORDER,
    identityFields: ['space', 'externalId'],
    versionField: 'version',
    keyOf,
    render: cogniteFileDocument,
    schema: cogniteFileDocumentSchema,
    jsonSchema: cogniteFileJsonSchema,
    selectionJsonSchema: cogniteFileSelectionJsonSchema,
  },
};
