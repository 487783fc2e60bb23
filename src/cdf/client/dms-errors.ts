/**
 * Typed errors of the data modeling calls: a version conflict naming the nodes that were newer than
 * the version the change was made against, and nodes asked for by id that do not exist.
 */
import * as l10n from '@vscode/l10n';
import { nodeKeyOf, type DirectRelation } from '../model';
import type { CdfApiError } from './errors';

/** One node of a refused upsert: the version it was written against, and the one CDF holds now. */
export interface StaleNode extends DirectRelation {
  readonly existingVersion: number;
  /** Undefined when the node could not be read back (deleted meanwhile, or made again, or the re-read failed). */
  readonly currentVersion: number | undefined;
}

/**
 * `POST /models/instances` answered 409: a node changed since the version sent as `existingVersion`,
 * so nothing of the request was written (it is one transaction). `nodes` names the stale ones.
 */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  readonly status = 409;

  constructor(
    readonly nodes: readonly StaleNode[],
    /** CDF's own answer. */
    readonly apiError: CdfApiError,
  ) {
    super(
      l10n.t(
        'Changed by someone else since it was read, nothing was saved: {0}',
        nodes
          .map((n) =>
            n.currentVersion === undefined
              ? l10n.t('{0} (written against version {1})', nodeKeyOf(n), n.existingVersion)
              : l10n.t('{0} (version {1}, now {2})', nodeKeyOf(n), n.existingVersion, n.currentVersion),
          )
          .join(', '),
      ),
      { cause: apiError },
    );
  }
}

/** Nodes asked for by id that CDF does not have (`instances/byids` leaves them out of its answer). */
export class NodesNotFoundError extends Error {
  override readonly name = 'NodesNotFoundError';

  constructor(readonly missing: readonly DirectRelation[]) {
    super(l10n.t('No such CogniteFile node: {0}', missing.map(nodeKeyOf).join(', ')));
  }
}
