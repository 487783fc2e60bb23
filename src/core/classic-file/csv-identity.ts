import * as l10n from '@vscode/l10n';
import type { BulkOperation, CsvIdentity } from '../bulk';
import { checkId } from '../fields';

type Ref = { id: number } | { externalId: string };

/**
 * A classic file in a CSV of changes is named by `id` or, without that column, by `externalId`. With
 * both columns, `id` names the file and `externalId` is a value to set; a row with an empty `id` falls
 * back to its `externalId` (which then names the file and is not set).
 */
export const CLASSIC_CSV_IDENTITY: CsvIdentity = {
  columns: (heading) =>
    heading.includes('id')
      ? { columns: ['id'] }
      : heading.includes('externalId')
        ? { columns: ['externalId'] }
        : { problem: l10n.t('The heading needs an "id" or an "externalId" column to name the files') },
  rowRef(cells, heading, at) {
    const [id, externalId] = [cells.get('id'), cells.get('externalId')];
    const leave = (c: typeof id): c is undefined => !c || (!c.quoted && c.text === '');
    if (heading.includes('id') && !leave(id)) {
      if (!id.quoted && /^\d+$/.test(id.text) && !checkId(Number(id.text))) return { ref: { id: Number(id.text) } };
      at('id', l10n.t('"{0}" is not a file id (a whole number from 1)', id.text));
      return undefined;
    }
    if (leave(externalId) || (!externalId.quoted && externalId.text === 'null')) return undefined;
    if (!heading.includes('id')) return { ref: { externalId: externalId.text } };
    // With an id column, the externalId cell was read as a value to set: here it names the file instead.
    if (externalId.text === '') return undefined;
    return {
      ref: { externalId: externalId.text },
      drop: (op: BulkOperation) => op.op === 'set' && op.field === 'externalId',
    };
  },
  unnamed: () => l10n.t('The row names no file: its id and externalId cells are empty'),
  repeated: (ref, first) => {
    const r = ref as Ref;
    return 'id' in r
      ? l10n.t('The file with id {0} is already changed by row {1}', r.id, first)
      : l10n.t('The file with external id "{0}" is already changed by row {1}', r.externalId, first);
  },
};
