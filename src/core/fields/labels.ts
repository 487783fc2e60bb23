import * as l10n from '@vscode/l10n';
import type { Label } from '../../cdf/model';
import { checkLabelExternalId, listItems } from './input';
import type { ElementKey, Parsed } from './kind';
import { setKind } from './element-set';

/** A label's identity: its external id (anything else is taken as it is, to be refused by validation). */
export const labelKey = (label: unknown): ElementKey =>
  typeof label === 'object' && label !== null
    ? ((label as { externalId?: unknown }).externalId as ElementKey)
    : (label as ElementKey);

/** Labels typed as a JSON array (of strings or `{externalId}`) or a comma list (ids may hold spaces). */
function parseLabels(text: string): Parsed<Label[]> {
  const items = listItems(text, /,/);
  if (!items.ok) return items;
  const labels: Label[] = [];
  for (const [i, item] of items.value.entries()) {
    const externalId =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object' && typeof (item as { externalId?: unknown }).externalId === 'string'
          ? (item as Label).externalId
          : undefined;
    if (externalId === undefined)
      return { ok: false, message: l10n.t('labels[{0}] must be a string or {"externalId": "..."}', i) };
    const message = checkLabelExternalId(externalId);
    if (message) return { ok: false, message: `labels[${i}]: ${message}` };
    labels.push({ externalId });
  }
  return { ok: true, value: labels };
}

/** Why a value is not a label: a label is written `{"externalId": "..."}`. */
function checkLabel(value: unknown): string | undefined {
  const externalId = typeof value === 'object' && value !== null ? (value as Partial<Label>).externalId : undefined;
  return typeof externalId === 'string'
    ? checkLabelExternalId(externalId)
    : l10n.t('A label is written {"externalId": "..."}');
}

/** A set of labels, `{externalId}` objects naming label definitions: the same label when the ids are. */
export const labelsKind = setKind({
  name: 'labels',
  members: { key: labelKey, duplicateCode: 'duplicate-label', check: checkLabel },
  element: (label) => ({ externalId: labelKey(label) }),
  parseInput: parseLabels,
});
