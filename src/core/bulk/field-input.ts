import * as l10n from '@vscode/l10n';
import type { EditableFieldName } from '../../cdf/model';
import type { ElementOf, FieldValue, SetLikeField } from './operations';
import { checkFieldValue, checkId, checkLabelExternalId } from './parameters';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Text a person typed (in a wizard box or a CSV cell) to a field's value, with the message to show
 * when it is not one. Times take epoch milliseconds or an ISO 8601 date; ids take a JSON array or a
 * comma-separated list; labels a JSON array (of strings or `{externalId}`) or a comma-separated list;
 * geoLocation and metadata take JSON. Strings are taken as typed (no trimming: spaces may matter).
 */
export function parseFieldInput<F extends EditableFieldName>(field: F, text: string): Parsed<FieldValue<F>> {
  const parsed = parseRaw(field, text);
  if (!parsed.ok) return parsed;
  const message = checkFieldValue(field, parsed.value);
  return message ? { ok: false, message } : (parsed as Parsed<FieldValue<F>>);
}

/** The elements of a set-like field, for `add`/`remove`: the same list syntax as {@link parseFieldInput}. */
export function parseElementsInput<F extends SetLikeField>(field: F, text: string): Parsed<ElementOf<F>[]> {
  const parsed = field === 'labels' ? parseLabels(text) : parseIds(text, field);
  return parsed;
}

function parseRaw(field: EditableFieldName, text: string): Parsed<unknown> {
  switch (field) {
    case 'externalId':
    case 'directory':
    case 'source':
    case 'mimeType':
      return { ok: true, value: text };
    case 'dataSetId':
      return parseInteger(text.trim(), l10n.t('A data set id'));
    case 'sourceCreatedTime':
    case 'sourceModifiedTime':
      return parseTime(text.trim());
    case 'assetIds':
    case 'securityCategories':
      return parseIds(text, field);
    case 'labels':
      return parseLabels(text);
    case 'geoLocation':
    case 'metadata':
      return parseJson(text, field === 'metadata' ? 'a JSON object of strings' : 'a GeoJSON Feature (JSON)');
  }
}

function parseInteger(text: string, subject: string): Parsed<number> {
  if (!/^\d+$/.test(text))
    return { ok: false, message: l10n.t('{0} must be a whole number (got "{1}")', subject, text) };
  const value = Number(text);
  const message = checkId(value, subject);
  return message ? { ok: false, message } : { ok: true, value };
}

/** Epoch milliseconds, or an ISO 8601 date (`2024-05-01`, `2024-05-01T12:00:00Z`). */
export function parseTime(text: string): Parsed<number> {
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text) };
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const ms = Date.parse(text);
    if (!Number.isNaN(ms)) return { ok: true, value: ms };
  }
  return {
    ok: false,
    message: l10n.t(
      'A time is milliseconds since 1970 or an ISO 8601 date like 2024-05-01T12:00:00Z (got "{0}")',
      text,
    ),
  };
}

function parseJson(text: string, what: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `Expected ${what}` };
  }
}

/** A JSON array, or items separated by commas or whitespace. */
function listItems(text: string): Parsed<unknown[]> {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) {
    const json = parseJson(trimmed, 'a JSON array');
    if (!json.ok) return json;
    return Array.isArray(json.value)
      ? { ok: true, value: json.value }
      : { ok: false, message: l10n.t('Expected a JSON array') };
  }
  return { ok: true, value: trimmed.split(/[\s,]+/).filter((s) => s.length > 0) };
}

function parseIds(text: string, field: string): Parsed<number[]> {
  const items = listItems(text);
  if (!items.ok) return items;
  const ids: number[] = [];
  for (const [i, item] of items.value.entries()) {
    const value = typeof item === 'string' && /^\d+$/.test(item) ? Number(item) : item;
    const message = checkId(value, `${field}[${i}]`);
    if (message) return { ok: false, message };
    ids.push(value as number);
  }
  return { ok: true, value: ids };
}

function parseLabels(text: string): Parsed<{ externalId: string }[]> {
  const trimmed = text.trim();
  // A comma list splits on commas only: label external ids may contain spaces.
  const items: Parsed<unknown[]> = trimmed.startsWith('[')
    ? listItems(trimmed)
    : {
        ok: true,
        value: trimmed
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
  if (!items.ok) return items;
  const labels: { externalId: string }[] = [];
  for (const [i, item] of items.value.entries()) {
    const externalId =
      typeof item === 'string'
        ? item
        : item && typeof item === 'object' && typeof (item as { externalId?: unknown }).externalId === 'string'
          ? (item as { externalId: string }).externalId
          : undefined;
    if (externalId === undefined)
      return { ok: false, message: l10n.t('labels[{0}] must be a string or {"externalId": "..."}', i) };
    const message = checkLabelExternalId(externalId);
    if (message) return { ok: false, message: `labels[${i}]: ${message}` };
    labels.push({ externalId });
  }
  return { ok: true, value: labels };
}
