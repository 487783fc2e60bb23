import * as l10n from '@vscode/l10n';
import { dmsText, DMS_LIMITS } from '../../cdf/model';
import { setKind, type SetSpec } from './element-set';
import { orderedSetKind } from './ordered-set';
import { listItems } from './input';
import { commaSeparatedItems } from './quoted-items';
import type { Parsed } from './kind';

/** Why a value is not an item of a text list. */
function checkText(value: unknown): string | undefined {
  if (typeof value !== 'string') return l10n.t('An item of a text list is a string (got {0})', JSON.stringify(value));
  if (value.length > DMS_LIMITS.textLength)
    return l10n.t('A text is at most {0} characters (this one is {1})', DMS_LIMITS.textLength, value.length);
  return dmsText.safeParse(value).success ? undefined : l10n.t('A text must not contain the NUL character (\\u0000)');
}

/**
 * Texts typed as a JSON array or a comma list (a tag may hold spaces; one holding a comma is written
 * in double quotes); empty items are dropped.
 */
function parseTexts(text: string, field: string): Parsed<string[]> {
  const items = text.trim().startsWith('[') ? listItems(text) : commaSeparatedItems(text);
  if (!items.ok) return items;
  for (const [i, item] of items.value.entries()) {
    const message = checkText(item);
    if (message) return { ok: false, message: `${field}[${i}]: ${message}` };
  }
  return { ok: true, value: items.value as string[] };
}

/**
 * A list of texts (a CogniteFile's `tags`), taken as a set: order does not matter, a text
 * counts once. The API writes such a list whole; the record kind applies this kind's `{add, remove}`
 * to the list CDF holds, so two people adding different tags both keep theirs.
 */
const TEXT_LIST: SetSpec = {
  name: 'textList',
  members: {
    key: (t) => (typeof t === 'string' ? t : JSON.stringify(t)),
    duplicateCode: 'duplicate-label',
    check: checkText,
  },
  element: (t) => t,
  parseInput: parseTexts,
};

export const textListKind = setKind(TEXT_LIST);

/** A list of texts whose order is kept and sent (a CogniteFile's `aliases`; see ordered-set.ts). */
export const orderedTextListKind = orderedSetKind(TEXT_LIST);
