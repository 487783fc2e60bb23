import * as vscode from 'vscode';
import type { DirectRelation, FileRecord } from '../../cdf/model';
import { classicBulkSource } from '../../app';
import type { BulkOperation, BulkTarget, JobScope } from '../../core/bulk';
import { COGNITE_FILE_BULK } from '../../core/cognite-file';
import type { ProjectSession } from '../sessions';
import type { FilesTreeProvider } from '../tree/files-tree';
import type { BulkRequest } from './bulk-request';
import { pickNodeOperations } from './node-operation-wizard';
import { nodeViewTarget, pickNodeTarget } from './node-target-picker';
import { pickOperations } from './operation-wizard';
import { pickTarget, projectOf, targetOfView } from './target-picker';

/** The record kinds bulk actions run on, by name: a kept action is resumed and undone on its own. */
export type BulkKindName = 'classic-file' | 'cognite-file';

/** Where a job of that kind runs in this session: the kind, its source, and which project it is. */
export function scopeOf(session: ProjectSession, kind: string = 'classic-file'): JobScope {
  if (kind !== COGNITE_FILE_BULK.name)
    return { ...classicBulkSource(session.api), project: projectOf(session) } as unknown as JobScope;
  if (!session.nodeBulk)
    throw new Error(vscode.l10n.t('This connection cannot read CogniteFile nodes, so no bulk action can run on them.'));
  return { ...session.nodeBulk, project: projectOf(session) } as unknown as JobScope;
}

/** What the selection holds: classic files, or CogniteFile nodes (by space and externalId). */
export interface BulkSelection {
  files?: readonly FileRecord[];
  nodes?: readonly DirectRelation[];
}

/** The target and operations of an edit: from the request as given, the rest asked by the wizard. */
export async function askEdit(
  session: ProjectSession,
  tree: FilesTreeProvider,
  request: BulkRequest,
  selection: BulkSelection,
): Promise<{ target: BulkTarget; operations: BulkOperation[] } | undefined> {
  const nodes = request.kind === COGNITE_FILE_BULK.name;
  const target =
    request.target === 'view'
      ? nodes
        ? await nodeViewTarget(session, tree)
        : (await targetOfView(session, tree)).target
      : (request.target ??
        (nodes
          ? await pickNodeTarget(session, tree, selection.nodes ?? [])
          : await pickTarget(session, tree, selection.files ?? [])));
  if (!target) return undefined;
  const operations =
    request.operations ??
    (nodes ? await pickNodeOperations(target.label) : await pickOperations(session.api, target.label));
  return operations?.length ? { target, operations } : undefined;
}

/**
 * A value of one record kind's types as the kind-blind controller passes it on: the job carries its
 * own kind (`job.record.kind`), and its scope is chosen by that kind's name (see `scopeOf`).
 */
export const erased = <T>(value: unknown): T => value as T;
