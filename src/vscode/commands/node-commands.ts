import * as vscode from 'vscode';
import type { NodesBrowseApi } from '../../app';
import { cogniteFileValues, directRelation, nodeKeyOf, type DirectRelation } from '../../cdf/model';
import { nodeFilter, type NodeFilter } from '../../core/browse';
import { parseNodeTargets } from '../../core/cognite-file';
import { COMMANDS } from '../command-ids';
import { NODE_URI, parseRecordUriOf, recordUriOf } from '../record-uri';
import type { ExtensionServices } from '../services';
import type { ProjectSession } from '../sessions';
import { NODE_GROUPINGS, type CogniteFileItem, type NodeGrouping } from '../tree/cognite-nodes';
import type { TreeNode } from '../tree/nodes';
import type { Commands } from './command-types';
import { pickNodeFilter } from './node-filter-picker';
import { openRecord } from './open-record';

type NodeCommandId =
  | typeof COMMANDS.openNode
  | typeof COMMANDS.openLinkedRecord
  | typeof COMMANDS.filterNodes
  | typeof COMMANDS.searchNodes
  | typeof COMMANDS.groupNodesBy;

/** The files view's CogniteFile section: open a node, open the other side of a link, filter, search, group. */
export function nodeCommands(s: ExtensionServices) {
  const { tree } = s;
  return {
    /** A tree row, `{space, externalId}` or `"space:externalId"` (scripts); from the palette, asked for. */
    [COMMANDS.openNode]: async (node?: CogniteFileItem | DirectRelation | string) => {
      nodesOf(s.session());
      const row = node && typeof node === 'object' && 'kind' in node ? node : undefined;
      const id = row ? row.node : node === undefined ? await askNodeKey() : givenNode(node);
      if (!id) return;
      await showNode(s, id, row ? cogniteFileValues(row.node).name : undefined);
    },
    /** A classic file opens its CogniteFile node; a node opens the classic file CDF shows for it. */
    [COMMANDS.openLinkedRecord]: async (node?: TreeNode) => {
      const session = s.session();
      // The classic file's name is the node's (the node owns it): the tab reads as from the tree.
      if (node?.kind === 'file' && node.record.instanceId)
        return await showNode(s, node.record.instanceId, node.record.name);
      if (node?.kind === 'cogniteFile') return await openClassicOf(session, node.node);
      throw new Error(vscode.l10n.t('Pick a linked file or a CogniteFile node in the CDF Files view.'));
    },
    /** A filter (scripts), else asked for one field at a time. */
    [COMMANDS.filterNodes]: async (filter?: NodeFilter | TreeNode) => {
      const api = nodesOf(s.session());
      const given = filter && !('kind' in filter) ? nodeFilter.safeParse(filter) : undefined;
      if (given && !given.success) throw new Error(vscode.l10n.t('Not a CogniteFile filter: {0}', given.error.message));
      const next = given?.data ?? (await pickNodeFilter(api, tree.nodes.filter));
      if (next) tree.setNodeFilter(next);
    },
    [COMMANDS.searchNodes]: async (words?: string) => {
      const text =
        typeof words === 'string'
          ? words
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Search CogniteFile Nodes'),
              prompt: vscode.l10n.t(
                'Searches the text properties with instances/search (best matches first, at most 1000).',
              ),
              value: tree.nodes.search ?? '',
            });
      if (text !== undefined) tree.setNodeSearch(text.trim());
    },
    [COMMANDS.groupNodesBy]: async (grouping?: NodeGrouping) => {
      const chosen =
        typeof grouping === 'string' && NODE_GROUPINGS.includes(grouping)
          ? grouping
          : await pickGrouping(tree.nodes.grouping);
      if (chosen) await tree.setNodeGrouping(chosen);
    },
  } satisfies Commands<NodeCommandId>;
}

function nodesOf(session: ProjectSession): NodesBrowseApi {
  if (!session.nodes) throw new Error(vscode.l10n.t('This connection does not read CDF data modeling.'));
  return session.nodes;
}

/**
 * A node's editable document (the CogniteFile record kind: saved by one upsert with the version it
 * was opened at), or the editor it is already open in. The name only titles the tab.
 */
async function showNode(s: ExtensionServices, id: DirectRelation, name?: string | null): Promise<void> {
  const { project } = s.session();
  const key = nodeKeyOf(id);
  const open = vscode.workspace.textDocuments.find((d) => {
    const ref = parseRecordUriOf(NODE_URI, d.uri);
    return ref?.project === project && ref.key === key;
  });
  const uri = open?.uri ?? (await existingNodeUri(project, key, id, name));
  await vscode.window.showTextDocument(uri, { preview: false });
}

/** The URI a node not open yet opens at, once it is known to exist in CDF. */
async function existingNodeUri(
  project: string,
  key: string,
  id: DirectRelation,
  name?: string | null,
): Promise<vscode.Uri> {
  // A blank name titles nothing ("[node] _.json" for a tab): the externalId does, as from the palette.
  const given = name?.trim() ? name : undefined;
  const byKey = recordUriOf(NODE_URI, project, key, given ?? id.externalId);
  const read = await readExisting(byKey, key);
  // Asked for by its key (the palette, a script): the tab is titled by the node's name all the same.
  const named = given ?? nameIn(read);
  return named ? recordUriOf(NODE_URI, project, key, named) : byKey;
}

/**
 * The node's document as CDF holds it now. A node that is not in CDF (mistyped, or deleted since the
 * link was made) is said so in one sentence: opened, it fails with VS Code's "cannot open
 * cdf-record:/…%253A…" and the URI twice. The read fetches the node once; the document then opens
 * from what it read (the file system serves the same node to any name of its URI).
 */
async function readExisting(uri: vscode.Uri, key: string): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound')
      throw new Error(vscode.l10n.t('The CogniteFile node {0} does not exist in CDF.', key));
    throw err;
  }
}

function nameIn(text: string): string | undefined {
  const { name } = JSON.parse(text) as { name?: unknown };
  return typeof name === 'string' && name.trim() ? name : undefined;
}

async function openClassicOf(session: ProjectSession, node: DirectRelation): Promise<void> {
  const instanceId = { space: node.space, externalId: node.externalId };
  const [record] = await session.api.retrieveExisting([{ instanceId }]);
  if (!record)
    throw new Error(vscode.l10n.t('CDF shows no classic file for the CogniteFile node {0}.', nodeKeyOf(node)));
  await openRecord(session.project, record.id, record.name);
}

const groupingLabels = (): Record<NodeGrouping, string> => ({
  directory: vscode.l10n.t('Directory'),
  category: vscode.l10n.t('Category'),
  mimeType: vscode.l10n.t('Mime type'),
  flat: vscode.l10n.t('Flat list'),
});

async function pickGrouping(current: NodeGrouping): Promise<NodeGrouping | undefined> {
  const choices = NODE_GROUPINGS.map((g) => ({
    label: groupingLabels()[g],
    description: g === current ? vscode.l10n.t('current') : undefined,
    grouping: g,
  }));
  const title = vscode.l10n.t('Group CogniteFile Nodes in Each Space By');
  return (await vscode.window.showQuickPick(choices, { title }))?.grouping;
}

/**
 * The one node `space:externalId` text names (the externalId exactly, as a pasted list reads it), or why
 * it names none; a warning (whitespace around the externalId, kept) does not stop it.
 */
function readNodeKey(text: string): { node: DirectRelation; warning?: string } | { error: string } {
  const { targets, problems } = parseNodeTargets(text);
  const error = problems.find((p) => p.severity === 'error');
  if (error) return { error: error.message };
  if (targets.length !== 1) return { error: vscode.l10n.t('One node: space:externalId on one line') };
  return { node: targets[0]!, warning: problems[0]?.message };
}

/** A script's node (`"space:externalId"` or `{space, externalId}`); anything else is said, not ignored. */
function givenNode(node: unknown): DirectRelation {
  if (typeof node === 'string') {
    const read = readNodeKey(node);
    if ('error' in read) throw new Error(read.error);
    return read.node;
  }
  const parsed = directRelation.safeParse(node);
  if (!parsed.success)
    throw new Error(vscode.l10n.t('Not a CogniteFile node: {0}', String(JSON.stringify(node)).slice(0, 200)));
  return parsed.data;
}

/** Asks for a node's `space:externalId`, checked as it is typed. */
async function askNodeKey(): Promise<DirectRelation | undefined> {
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Open CogniteFile Node'),
    prompt: vscode.l10n.t('The node as space:externalId, e.g. plant_a_documents:file_P-101'),
    validateInput: (v) => {
      if (!v) return undefined;
      const read = readNodeKey(v);
      if ('error' in read) return read.error;
      // A pasted key often ends in a space, which names another node: said before it is refused.
      return read.warning && { message: read.warning, severity: vscode.InputBoxValidationSeverity.Warning };
    },
    ignoreFocusOut: true,
  });
  const read = text ? readNodeKey(text) : undefined;
  return read && 'node' in read ? read.node : undefined;
}
