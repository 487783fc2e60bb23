import * as vscode from 'vscode';
import { nodeKeyOf, type DirectRelation } from '../../cdf/model';
import { toInstanceFilter } from '../../core/browse';
import type { BulkTarget } from '../../core/bulk';
import { parseNodeTargets } from '../../core/cognite-file';
import { formatCount } from '../../core/format-count';
import type { ProjectSession } from '../sessions';
import type { FilesTreeProvider } from '../tree/files-tree';
import { wizardTitle } from './operation-wizard';

/** Selected CogniteFile nodes as a target: read again before planning (the tree may be stale). */
export const nodeSelectionTarget = (nodes: readonly DirectRelation[]): BulkTarget => ({
  kind: 'ids',
  label:
    nodes.length === 1
      ? vscode.l10n.t('the CogniteFile node {0}', nodeKeyOf(nodes[0]!))
      : vscode.l10n.t('{0} selected CogniteFile nodes', formatCount(nodes.length)),
  refs: nodes.map((n) => ({ space: n.space, externalId: n.externalId })),
});

/**
 * Every node the CogniteFile section's filter keeps, as an instances filter (`instances/list`,
 * paged with its cursor). A section search is not a filter: its nodes are taken as found, once.
 */
export async function nodeViewTarget(session: ProjectSession, tree: FilesTreeProvider): Promise<BulkTarget> {
  const section = tree.nodes;
  const filter = toInstanceFilter(section.filter) ?? { matchAll: {} };
  const description = section.description;
  if (!section.search || !session.nodes)
    return {
      kind: 'filter',
      label: description
        ? vscode.l10n.t('CogniteFile nodes matching {0}', description)
        : vscode.l10n.t('every CogniteFile node'),
      filter,
    };
  const found = await session.nodes.searchFileNodes(section.search, toInstanceFilter(section.filter), 1000);
  return {
    ...nodeSelectionTarget(found),
    label: vscode.l10n.t(
      '{0} CogniteFile nodes found by {1} (loose match: check every change)',
      found.length,
      description,
    ),
  };
}

/** The node wizard's first step: the selected nodes, what the section shows, or a pasted list. */
export async function pickNodeTarget(
  session: ProjectSession,
  tree: FilesTreeProvider,
  selection: readonly DirectRelation[],
): Promise<BulkTarget | undefined> {
  type Choice = vscode.QuickPickItem & { make: () => Promise<BulkTarget | undefined> };
  const choices: Choice[] = [];
  if (selection.length)
    choices.push({
      label: nodeSelectionTarget(selection).label,
      make: () => Promise.resolve(nodeSelectionTarget(selection)),
    });
  const view = await nodeViewTarget(session, tree);
  const count =
    view.kind === 'filter' && session.nodes
      ? formatCount(await session.nodes.countFileNodes(toInstanceFilter(tree.nodes.filter)))
      : undefined;
  choices.push({ label: count ? `${view.label} (${count})` : view.label, make: () => Promise.resolve(view) });
  choices.push({ label: vscode.l10n.t('Nodes I paste as space:externalId…'), make: pastedNodes });
  const picked = await vscode.window.showQuickPick(choices, {
    title: wizardTitle(1, vscode.l10n.t('Which CogniteFile nodes?')),
    ignoreFocusOut: true,
  });
  return picked?.make();
}

async function pastedNodes(): Promise<BulkTarget | undefined> {
  // An externalId may hold commas and spaces: one node per line, ";" separating lines in the box.
  const lines = (v: string) => v.split(';').join('\n');
  const text = await vscode.window.showInputBox({
    title: wizardTitle(1, vscode.l10n.t('CogniteFile nodes by space:externalId')),
    prompt: vscode.l10n.t('space:externalId items separated by ";"'),
    // Errors block; a warning (an externalId ending in a space is kept exactly) is shown, not blocking.
    validateInput: (v) => {
      const { problems } = parseNodeTargets(lines(v));
      const first = problems.find((p) => p.severity === 'error') ?? problems[0];
      if (!first) return undefined;
      const message = vscode.l10n.t('item {0}: {1}', first.line, first.message);
      return first.severity === 'error' ? message : { message, severity: vscode.InputBoxValidationSeverity.Warning };
    },
    ignoreFocusOut: true,
  });
  if (!text) return undefined;
  const parsed = parseNodeTargets(lines(text));
  return {
    kind: 'ids',
    label:
      parsed.targets.length === 1
        ? vscode.l10n.t('1 listed CogniteFile node')
        : vscode.l10n.t('{0} listed CogniteFile nodes', parsed.targets.length),
    refs: parsed.targets,
  };
}
