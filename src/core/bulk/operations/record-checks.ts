import * as l10n from '@vscode/l10n';
import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  fileUpdateItem,
  type FileChangeUpdate,
  type FileRecord,
} from '../../../cdf/model';
import { actionProblem, type ActionProblem } from '../../problems';
import { schemaMessage } from './schema-message';

/**
 * Why this record cannot take this update, if it cannot: a field an instance-linked file may not
 * change, a changed field over its limit (11 labels, metadata over its byte total), or an item the
 * API would reject. Checked per record because one bad item fails its whole request (CDF answers a
 * 400/409/422 for the request, not per item; the SDKs and the Toolkit split such a batch to find the
 * valid items): a refused record is left out, the rest go.
 */
export function refusalsFor(before: FileRecord, after: FileRecord, update: FileChangeUpdate): ActionProblem[] {
  const changed = EDITABLE_FIELD_NAMES.filter((name) => update[name] !== undefined);
  const problems: ActionProblem[] = [];
  if (before.instanceId) {
    const { space, externalId } = before.instanceId;
    for (const name of changed.filter((n) => !EDITABLE_FIELDS[n].instanceLinkedMayChange))
      problems.push(
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
  for (const name of changed) {
    const value = after[name];
    if (value === undefined) continue;
    const message = schemaMessage(EDITABLE_FIELDS[name].schema, value, name);
    if (message) problems.push(actionProblem('limit', name, l10n.t('{0} would exceed its limit', name), message));
  }
  if (problems.length === 0) {
    const item = fileUpdateItem.safeParse({ id: before.id, update });
    if (!item.success)
      problems.push(
        actionProblem(
          'limit',
          'update',
          l10n.t('the update would not be valid'),
          item.error.issues[0]?.message ?? l10n.t('invalid update'),
        ),
      );
  }
  return problems;
}
