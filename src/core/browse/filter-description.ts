import * as l10n from '@vscode/l10n';
import type { FileFilter } from '../../cdf/model';

/** A short, readable line for the view's description: what the tree is narrowed to. */
export function describeFilter(filter: FileFilter | undefined, search: string | undefined): string {
  const parts: string[] = [];
  if (search) parts.push(l10n.t('search "{0}"', search));
  const f = filter ?? {};
  if (f.name) parts.push(l10n.t('name = {0}', f.name));
  if (f.externalIdPrefix) parts.push(l10n.t('externalId {0}*', f.externalIdPrefix));
  if (f.directoryPrefix) parts.push(l10n.t('in {0}', f.directoryPrefix));
  if (f.mimeType) parts.push(f.mimeType);
  if (f.source) parts.push(l10n.t('source = {0}', f.source));
  if (f.dataSetIds?.length)
    parts.push(l10n.t('data set {0}', f.dataSetIds.map((d) => ('id' in d ? d.id : d.externalId)).join('|')));
  if (f.labels) {
    const list = 'containsAll' in f.labels ? f.labels.containsAll : f.labels.containsAny;
    const names = list.map((l) => l.externalId).join(', ');
    parts.push('containsAll' in f.labels ? l10n.t('labels all of {0}', names) : l10n.t('labels any of {0}', names));
  }
  // A metadata key and value are the user's own text: shown as they are.
  for (const [k, v] of Object.entries(f.metadata ?? {})) parts.push(`${k}=${v}`);
  if (f.uploaded !== undefined) parts.push(f.uploaded ? l10n.t('uploaded') : l10n.t('not uploaded'));
  return parts.join(' · ');
}
