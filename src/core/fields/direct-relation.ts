import * as l10n from '@vscode/l10n';
import { directRelation, nodeKeyOf, type DirectRelation } from '../../cdf/model';
import { withName } from './describe-text';
import { parseJson } from './input';
import type { ElementKey, Parsed } from './kind';
import { scalarKind, showJson } from './scalar';

/** A direct relation's identity, `space:externalId`; anything else as it is (validation refuses it). */
export const relationKey = (value: unknown): ElementKey =>
  isRelation(value) ? nodeKeyOf(value) : typeof value === 'number' ? value : (JSON.stringify(value) ?? String(value));

const isRelation = (value: unknown): value is DirectRelation =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DirectRelation).space === 'string' &&
  typeof (value as DirectRelation).externalId === 'string';

/** Why a value is not a direct relation (`{"space", "externalId"}` within the API's rules). */
export function checkRelation(value: unknown): string | undefined {
  if (directRelation.safeParse(value).success) return undefined;
  return l10n.t(
    'A direct relation is written {"space": "...", "externalId": "..."} (a space is 1-43 letters, digits, _ or -, starting with a letter; an external id 1-256 characters) (got {0})',
    JSON.stringify(value) ?? String(value),
  );
}

/** `space:externalId` (split at the first colon: a space never holds one) or a JSON object. */
export function parseRelation(text: string, field: string): Parsed<DirectRelation> {
  const t = text.trim();
  let value: unknown;
  if (t.startsWith('{')) {
    const json = parseJson(t, l10n.t('a JSON object {"space": "...", "externalId": "..."}'));
    if (!json.ok) return json;
    value = json.value;
  } else {
    const at = t.indexOf(':');
    value = at > 0 ? { space: t.slice(0, at), externalId: t.slice(at + 1) } : t;
  }
  const message = checkRelation(value);
  if (message) return { ok: false, message: `${field}: ${message}` };
  const r = value as DirectRelation;
  return { ok: true, value: { space: r.space, externalId: r.externalId } };
}

/**
 * A direct relation to one node (a CogniteFile's `category`, `source`): `{space, externalId}`, sent
 * whole; equal by content. Shown as `space:externalId`, with the node's name when known.
 */
export const directRelationKind = scalarKind({
  name: 'directRelation',
  show: (value, nameOf) => (isRelation(value) ? withName(relationKey(value), nameOf) : showJson(value)),
  parseInput: parseRelation,
});
