import * as l10n from '@vscode/l10n';
import { LIMITS, internalId, label } from '../../cdf/model';
import type { Parsed } from './kind';

/** Readers of typed text shared by the kinds (see `KindSpec.parseInput`). Strings are never trimmed. */

export function checkId(id: unknown, subject = l10n.t('An id')): string | undefined {
  if (internalId.safeParse(id).success) return undefined;
  return l10n.t(
    '{0} must be a whole number from 1 to {1} (got {2})',
    subject,
    LIMITS.maxId,
    JSON.stringify(id) ?? String(id),
  );
}

export function checkLabelExternalId(externalId: string): string | undefined {
  if (externalId.length === 0) return l10n.t('A label external id cannot be empty');
  if (label.safeParse({ externalId }).success) return undefined;
  return l10n.t(
    'A label external id is at most {0} characters (this one is {1})',
    LIMITS.labelExternalIdLength,
    externalId.length,
  );
}

export function parseInteger(text: string, subject: string): Parsed<number> {
  if (!/^\d+$/.test(text))
    return { ok: false, message: l10n.t('{0} must be a whole number (got "{1}")', subject, text) };
  const value = Number(text);
  const message = checkId(value, subject);
  return message ? { ok: false, message } : { ok: true, value };
}

/** `what` names the expected value, e.g. "a JSON array". */
export function parseJson(text: string, what: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: l10n.t('Expected {0}', what) };
  }
}

/** A JSON array, or items separated by `separator` (commas or whitespace by default), empty items dropped. */
export function listItems(text: string, separator: RegExp = /[\s,]+/): Parsed<unknown[]> {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) {
    const items = trimmed.split(separator).map((s) => s.trim());
    return { ok: true, value: items.filter((s) => s.length > 0) };
  }
  const json = parseJson(trimmed, l10n.t('a JSON array'));
  if (!json.ok) return json;
  return Array.isArray(json.value)
    ? { ok: true, value: json.value }
    : { ok: false, message: l10n.t('Expected a JSON array') };
}
