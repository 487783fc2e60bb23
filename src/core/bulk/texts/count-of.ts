import * as l10n from '@vscode/l10n';
import { formatCount } from '../../format-count';
import type { RecordNouns } from '../../records';

/** "1 file", "5,000 files", "80 CogniteFile nodes": a count of records in the kind's words. */
export const countOf = (kind: RecordNouns, n: number): string =>
  n === 1 ? l10n.t('1 {0}', kind.noun()) : l10n.t('{0} {1}', formatCount(n), kind.nouns());
