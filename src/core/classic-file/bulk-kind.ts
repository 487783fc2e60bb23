import * as l10n from '@vscode/l10n';
import {
  EDITABLE_FIELDS,
  READ_ONLY_FIELDS,
  fileUpdateItem,
  nameNotUpdatable,
  type EditableFieldName,
  type FileChangeUpdate,
  type FileIdentifier,
  type FileRecord,
} from '../../cdf/model';
import { titleOf, type BulkKind } from '../bulk';
import { CLASSIC_FILE } from '../records';
import { actionProblem, type ActionProblem } from '../problems';
import { CLASSIC_CSV_IDENTITY } from './csv-identity';
import { checkFieldValue } from './field-checks';

/** A classic file's update item as bulk actions send it: always by internal id (an external id may be the very thing changed). */
export type ClassicUpdateItem = { id: number; update: FileChangeUpdate };

/** The classic CDF file (`/files`) as bulk actions see it: its record kind, and the rules of a bulk action. */
export const CLASSIC_FILE_BULK: BulkKind<FileRecord, ClassicUpdateItem> = {
  ...CLASSIC_FILE,
  encodeUpdate: (record, patches) => ({ id: record.id, update: patches }),
  checkValue: (field, value) => checkFieldValue(field as EditableFieldName, value),
  readOnlyReason: (field) =>
    !Object.hasOwn(READ_ONLY_FIELDS, field)
      ? undefined
      : field === 'name'
        ? nameNotUpdatable()
        : l10n.t('{0} is set by CDF; files/update cannot change it', field),
  refusals: instanceLinkedRefusals,
  checkItem: (item) => {
    const parsed = fileUpdateItem.safeParse(item);
    return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? l10n.t('invalid update'));
  },
  uniqueFields: ['externalId'],
  csvIdentity: CLASSIC_CSV_IDENTITY,
  refMatches: (record, ref) => matches(record, ref as FileIdentifier),
};

/** A file linked to a data modelling instance may change only some fields (`DMSFileChange`). */
function instanceLinkedRefusals(before: FileRecord, changed: readonly string[]): ActionProblem[] {
  if (!before.instanceId) return [];
  const { space, externalId } = before.instanceId;
  return changed
    .filter((n) => !EDITABLE_FIELDS[n as EditableFieldName].instanceLinkedMayChange)
    .map((name) =>
      actionProblem(
        'instance-linked',
        name,
        l10n.t('files linked to a data modelling instance cannot change {0}', name),
        l10n.t(
          'This file is linked to the instance {0}/{1}, so files/update cannot change its {2}',
          space,
          externalId,
          name,
        ),
      ),
    );
}

function matches(record: FileRecord, ref: FileIdentifier): boolean {
  if ('id' in ref) return record.id === ref.id;
  if ('externalId' in ref) return record.externalId === ref.externalId;
  return (
    record.instanceId?.space === ref.instanceId.space && record.instanceId.externalId === ref.instanceId.externalId
  );
}

/** `P-101.pdf (id 123)`: how a file is named in previews and reports. */
export const fileTitle = (record: FileRecord): string => titleOf(CLASSIC_FILE_BULK, record);
