import { badRequest } from '../http/api-error';
import { CDM_SPACE, coreView } from './core-views';
import { containerKey, type NodeRecord } from './instance-types';

/**
 * Free-text search as the emulator plays it: the query's words against the words of the view's text
 * properties (or the ones named), where a word matches a word that starts with it, case ignored.
 * `OR` (the default) needs one query word to match, `AND` every one. The score (words matched)
 * orders results; an empty query matches every node.
 */
const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

export function searchMatcher(
  viewExternalId: string,
  query: string | undefined,
  properties: readonly string[] | undefined,
  operator: 'AND' | 'OR' | undefined,
) {
  const view = coreView(CDM_SPACE, viewExternalId);
  if (!view) throw badRequest(`Invalid request: view ${viewExternalId} does not exist`);
  const names = properties ?? Object.keys(view.properties).filter((p) => view.properties[p]?.type === 'text');
  const fields = names.map((name, i) => {
    const p = Object.hasOwn(view.properties, name) ? view.properties[name] : undefined;
    if (!p || p.type !== 'text')
      throw badRequest(`Invalid request: properties[${i}]: "${name}" is not a text property of the view`);
    return { key: containerKey(CDM_SPACE, p.container), id: p.containerProperty ?? name };
  });
  const terms = words(query ?? '');
  const score = (node: NodeRecord): number => {
    if (terms.length === 0) return 1;
    const have: string[] = [];
    for (const f of fields) {
      const v = node.data[f.key]?.[f.id];
      for (const s of Array.isArray(v) ? v : [v]) if (typeof s === 'string') have.push(...words(s));
    }
    const matched = terms.filter((t) => have.some((w) => w.startsWith(t))).length;
    return operator === 'AND' && matched < terms.length ? 0 : matched;
  };
  return { score };
}
