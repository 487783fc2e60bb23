import type { IdEither } from '../../cdf/model';
import { missing } from '../http/api-error';

/**
 * Resolves `{id}|{externalId}` references (to data sets, assets) into ids. An unknown externalId is
 * a 400 with `missing`, since it cannot become an id; an unknown internal id is kept and simply
 * matches nothing.
 */
export function resolveRefs(
  refs: readonly IdEither[],
  find: (ref: IdEither) => { id: number } | undefined,
  what: string,
): Set<number> {
  const ids = new Set<number>();
  const unknown: Record<string, unknown>[] = [];
  for (const ref of refs) {
    const found = find(ref);
    if (found) ids.add(found.id);
    else if ('id' in ref) ids.add(ref.id);
    else unknown.push({ externalId: ref.externalId });
  }
  if (unknown.length > 0) throw missing(unknown, what);
  return ids;
}
