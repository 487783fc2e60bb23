import * as l10n from '@vscode/l10n';
import { nodeKeyOf, nodeExternalId, spaceId } from '../../cdf/model';
import type { CsvIdentity } from '../bulk';

/**
 * A CogniteFile node in a CSV of changes is named by its `space` and `externalId` columns, both
 * needed (a node's identity; neither can be changed by an upsert), as an export writes them.
 */
export const NODE_CSV_IDENTITY: CsvIdentity = {
  columns: (heading) =>
    heading.includes('space') && heading.includes('externalId')
      ? { columns: ['space', 'externalId'] }
      : { problem: l10n.t('The heading needs a "space" and an "externalId" column to name the nodes') },
  rowRef(cells, _heading, at) {
    const [space, externalId] = [cells.get('space')?.text ?? '', cells.get('externalId')?.text ?? ''];
    if (space === '' && externalId === '') return undefined;
    if (!spaceId.safeParse(space).success) {
      at('space', l10n.t('"{0}" is not a space identifier', space));
      return undefined;
    }
    if (!nodeExternalId.safeParse(externalId).success) {
      at('externalId', l10n.t('"{0}" is not a node externalId (1 to 256 characters, no NUL)', externalId));
      return undefined;
    }
    return { ref: { space, externalId } };
  },
  unnamed: () => l10n.t('The row names no node: its space and externalId cells are empty'),
  repeated: (ref, first) =>
    l10n.t(
      'The node {0} is already changed by row {1}',
      nodeKeyOf(ref as { space: string; externalId: string }),
      first,
    ),
};
