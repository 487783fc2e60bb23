import type { FileFilter } from '../../cdf/model';

/** A short, readable line for the view's description: what the tree is narrowed to. */
export function describeFilter(filter: FileFilter | undefined, search: string | undefined): string {
  const parts: string[] = [];
  if (search) parts.push(`search "${search}"`);
  const f = filter ?? {};
  if (f.name) parts.push(`name = ${f.name}`);
  if (f.externalIdPrefix) parts.push(`externalId ${f.externalIdPrefix}*`);
  if (f.directoryPrefix) parts.push(`in ${f.directoryPrefix}`);
  if (f.mimeType) parts.push(f.mimeType);
  if (f.source) parts.push(`source = ${f.source}`);
  if (f.dataSetIds?.length)
    parts.push(`data set ${f.dataSetIds.map((d) => ('id' in d ? d.id : d.externalId)).join('|')}`);
  if (f.labels) {
    const all = 'containsAll' in f.labels;
    const list = 'containsAll' in f.labels ? f.labels.containsAll : f.labels.containsAny;
    parts.push(`labels ${all ? 'all of' : 'any of'} ${list.map((l) => l.externalId).join(', ')}`);
  }
  for (const [k, v] of Object.entries(f.metadata ?? {})) parts.push(`${k}=${v}`);
  if (f.uploaded !== undefined) parts.push(f.uploaded ? 'uploaded' : 'not uploaded');
  return parts.join(' · ');
}
