import * as vscode from 'vscode';
import { fileFilter, LIMITS } from '../../cdf/model';
import { selectionUri } from '../record-uri';
import type { SelectionStore } from '../selection-files';
import { COMMANDS } from '../command-ids';
import { registerCommand } from '../command-runner';
import type { Sessions } from '../sessions';
import type { FilesTreeProvider } from '../tree/files-tree';
import { GROUPINGS, type FileNode, type Grouping, type LoadMoreNode, type TreeNode } from '../tree/nodes';
import { pickFilter } from './filter-picker';
import { openRecord } from './open-record';

const GROUPING_LABELS: Record<Grouping, string> = {
  directory: 'Directory',
  dataSet: 'Data set',
  mimeType: 'Mime type',
  flat: 'Flat list',
};

/** Commands of the files view: open, copy, refresh, paging, grouping, filter and search. */
export function registerBrowseCommands(
  tree: FilesTreeProvider,
  sessions: Sessions,
  log: vscode.LogOutputChannel,
  view: vscode.TreeView<TreeNode>,
  selectionStore: SelectionStore,
): vscode.Disposable[] {
  const selectedFiles = (node: unknown, nodes: unknown): FileNode[] => {
    const list = (Array.isArray(nodes) && nodes.length ? nodes : [node]) as TreeNode[];
    return list.filter((n): n is FileNode => n?.kind === 'file');
  };
  const requireSession = () => {
    const s = sessions.active;
    if (!s) throw new Error(vscode.l10n.t('Open a CDF project first.'));
    return s;
  };

  return [
    registerCommand(COMMANDS.openFile, log, async (node, nodes, how) => {
      const session = requireSession();
      const preview = typeof how === 'object' && how !== null && (how as { preview?: boolean }).preview === true;
      for (const f of selectedFiles(node, nodes))
        await openRecord(session.project, f.record.id, f.record.name, preview);
    }),
    registerCommand(COMMANDS.editSelectionAsJson, log, async (node, nodes) => {
      const session = requireSession();
      const files = selectedFiles(
        node ?? view.selection[0],
        Array.isArray(nodes) && nodes.length ? nodes : view.selection,
      );
      if (!files.length) throw new Error(vscode.l10n.t('Select files in the CDF Files view first.'));
      if (files.length > LIMITS.itemsPerRequest)
        throw new Error(
          vscode.l10n.t(
            'Edit at most {0} files as one document; use Bulk Edit Files for more.',
            LIMITS.itemsPerRequest,
          ),
        );
      const key = selectionStore.create(files.map((f) => f.record.id));
      const uri = selectionUri(session.project, key, files.length);
      await vscode.window.showTextDocument(uri, { preview: false });
      return uri;
    }),
    registerCommand(COMMANDS.openFileById, log, async (arg) => {
      const session = requireSession();
      const text =
        typeof arg === 'number' || typeof arg === 'string'
          ? String(arg)
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Open File Record'),
              prompt: vscode.l10n.t('Internal id or external id of the file'),
              ignoreFocusOut: true,
            });
      if (!text) return;
      const isId = /^\d+$/.test(text.trim());
      const [record] = isId
        ? await session.api.retrieveFiles([Number(text.trim())])
        : (await session.api.listFiles({ filter: { externalIdPrefix: text.trim() }, limit: 10 })).items.filter(
            (r) => r.externalId === text.trim(),
          );
      if (!record) throw new Error(vscode.l10n.t('No file with {0} "{1}".', isId ? 'id' : 'external id', text));
      await openRecord(session.project, record.id, record.name);
    }),
    registerCommand(COMMANDS.copyId, log, async (node, nodes) => {
      const ids = selectedFiles(node, nodes).map((f) => String(f.record.id));
      await vscode.env.clipboard.writeText(ids.join('\n'));
      vscode.window.setStatusBarMessage(
        ids.length === 1 ? vscode.l10n.t('Copied 1 id') : vscode.l10n.t('Copied {0} ids', ids.length),
        3000,
      );
    }),
    registerCommand(COMMANDS.copyExternalId, log, async (node, nodes) => {
      const ids = selectedFiles(node, nodes)
        .map((f) => f.record.externalId)
        .filter((x): x is string => !!x);
      await vscode.env.clipboard.writeText(ids.join('\n'));
      vscode.window.setStatusBarMessage(
        ids.length === 1 ? vscode.l10n.t('Copied 1 external id') : vscode.l10n.t('Copied {0} external ids', ids.length),
        3000,
      );
    }),
    registerCommand(COMMANDS.refresh, log, () => tree.reset()),
    registerCommand(COMMANDS.loadMore, log, async (node) => {
      const more = node as LoadMoreNode | undefined;
      if (more?.kind === 'loadMore') await tree.loadMore(more.parentId);
    }),
    registerCommand(COMMANDS.groupBy, log, async (arg) => {
      const chosen =
        typeof arg === 'string' && (GROUPINGS as readonly string[]).includes(arg)
          ? (arg as Grouping)
          : (
              await vscode.window.showQuickPick(
                GROUPINGS.map((g) => ({
                  label: GROUPING_LABELS[g],
                  description: g === tree.currentGrouping ? vscode.l10n.t('current') : undefined,
                  grouping: g,
                })),
                { title: vscode.l10n.t('Group Files By') },
              )
            )?.grouping;
      if (chosen) await tree.setGrouping(chosen);
    }),
    registerCommand(COMMANDS.filter, log, async (arg) => {
      const session = requireSession();
      // A filter object comes from scripts and tests; from the view's title bar VS Code passes the selected node.
      const given = fileFilter.safeParse(arg);
      const next =
        arg && typeof arg === 'object' && !('kind' in arg) && given.success
          ? given.data
          : await pickFilter(session.api, tree.currentFilter);
      if (next) tree.setFilter(next);
    }),
    registerCommand(COMMANDS.search, log, async (arg) => {
      const text =
        typeof arg === 'string'
          ? arg
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Search File Names'),
              prompt: vscode.l10n.t(
                'Searches names with files/search (best matches first, at most 1000); the filter still applies.',
              ),
              value: tree.currentSearch ?? '',
            });
      if (text !== undefined) tree.setSearch(text.trim());
    }),
    registerCommand(COMMANDS.clearFilter, log, () => tree.clearFilter()),
  ];
}
