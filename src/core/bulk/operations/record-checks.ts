import * as l10n from '@vscode/l10n';
import { ownField } from '../../fields';
import { actionProblem, type ActionProblem } from '../../problems';
import type { BulkKind, Patches } from '../bulk-kind';

/**
 * Why this record cannot take this update, if it cannot: a field the record may not change (the
 * kind says which), a changed field over its limit (11 labels, metadata over its byte total), or an
 * item the API would reject. Checked per record because one bad item fails its whole request (CDF
 * answers a 400/409/422 for the request, not per item; the SDKs and the Toolkit split such a batch to
 * find the valid items): a refused record is left out, the rest go.
 */
export function refusalsFor<R extends object, U>(
  kind: BulkKind<R, U>,
  before: R,
  after: R,
  update: Patches,
  item: U,
): ActionProblem[] {
  const changed = kind.fields.map((f) => f.name).filter((name) => ownField(update, name) !== undefined);
  const problems = kind.refusals(before, changed);
  for (const name of changed) {
    const value = ownField(after, name);
    if (value === undefined) continue;
    const message = kind.checkValue(name, value);
    if (message) problems.push(actionProblem('limit', name, l10n.t('{0} would exceed its limit', name), message));
  }
  if (problems.length === 0) {
    const message = kind.checkItem(item);
    if (message) problems.push(actionProblem('limit', 'update', l10n.t('the update would not be valid'), message));
  }
  return problems;
}
