import * as vscode from 'vscode';
import { fileFilter, type FileFilter } from '../../cdf/model';
import { COMMANDS } from '../command-ids';
import type { ExtensionServices } from '../services';
import type { ProjectSession } from '../sessions';
import { GROUPINGS, type Grouping, type LoadMoreNode, type TreeNode } from '../tree/nodes';
import type { Commands } from './command-types';
import { selectedFiles } from '../tree/selected-files';
import { findFile, searchTextProblem } from '../../core/browse';
import { pickFilter } from './filter-picker';
import { openRecord } from './open-record';
import { editSelectionAsJson } from './edit-selection';

const groupingLabels = (): Record<Grouping, string> => ({
  directory: vscode.l10n.t('Directory'),
  dataSet: vscode.l10n.t('Data set'),
  mimeType: vscode.l10n.t('Mime type'),
  flat: vscode.l10n.t('Flat list'),
});

type OpenCommandId =
  | typeof COMMANDS.openFile
  | typeof COMMANDS.editSelectionAsJson
  | typeof COMMANDS.openFileById
  | typeof COMMANDS.copyId
  | typeof COMMANDS.copyExternalId;

type ViewCommandId =
  | typeof COMMANDS.refresh
  | typeof COMMANDS.loadMore
  | typeof COMMANDS.groupBy
  | typeof COMMANDS.filter
  | typeof COMMANDS.search
  | typeof COMMANDS.clearFilter;

/** Commands of the files view: open, copy, refresh, paging, grouping, filter and search. */
export function browseCommands(s: ExtensionServices) {
  return { ...openCommands(s), ...viewCommands(s) };
}

/** Open a file (or a selection as one document), by id too; copy ids. */
function openCommands(s: ExtensionServices) {
  return {
    /** A click passes `{ preview: true }` as the third argument: the preview tab, focus kept in the tree. */
    [COMMANDS.openFile]: async (node?: TreeNode, selection?: readonly TreeNode[], how?: { preview?: boolean }) => {
      const session = s.session();
      const preview = how?.preview === true;
      for (const f of selectedFiles(node, selection))
        await openRecord(session.project, f.record.id, f.record.name, preview);
    },
    [COMMANDS.editSelectionAsJson]: (node?: TreeNode, selection?: readonly TreeNode[]) =>
      editSelectionAsJson(s, node, selection),
    /** An id or an external id; asked for when not given. */
    [COMMANDS.openFileById]: async (idOrExternalId?: number | string) => {
      const session = s.session();
      const text =
        typeof idOrExternalId === 'number' || typeof idOrExternalId === 'string'
          ? String(idOrExternalId)
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Open File Record'),
              prompt: vscode.l10n.t('Internal id or external id of the file'),
              ignoreFocusOut: true,
            });
      if (text) await openById(session, text);
    },
    [COMMANDS.copyId]: async (node?: TreeNode, selection?: readonly TreeNode[]) => {
      const ids = selectedFiles(node, selection).map((f) => String(f.record.id));
      await vscode.env.clipboard.writeText(ids.join('\n'));
      vscode.window.setStatusBarMessage(
        ids.length === 1 ? vscode.l10n.t('Copied 1 id') : vscode.l10n.t('Copied {0} ids', ids.length),
        3000,
      );
    },
    [COMMANDS.copyExternalId]: async (node?: TreeNode, selection?: readonly TreeNode[]) => {
      const ids = selectedFiles(node, selection)
        .map((f) => f.record.externalId)
        .filter((x): x is string => !!x);
      await vscode.env.clipboard.writeText(ids.join('\n'));
      vscode.window.setStatusBarMessage(
        ids.length === 1 ? vscode.l10n.t('Copied 1 external id') : vscode.l10n.t('Copied {0} external ids', ids.length),
        3000,
      );
    },
  } satisfies Commands<OpenCommandId>;
}

/** Refresh, paging, grouping, filter and search. */
function viewCommands(s: ExtensionServices) {
  const { tree } = s;
  return {
    [COMMANDS.refresh]: () => tree.reset(),
    [COMMANDS.loadMore]: async (node?: LoadMoreNode) => {
      if (node?.kind === 'loadMore') await tree.loadMore(node.parentId);
    },
    /** A grouping by name (scripts), else asked for. */
    [COMMANDS.groupBy]: async (grouping?: Grouping) => {
      const chosen =
        typeof grouping === 'string' && GROUPINGS.includes(grouping)
          ? grouping
          : await pickGrouping(tree.currentGrouping);
      if (chosen) await tree.setGrouping(chosen);
    },
    /** A filter (scripts), else asked for; from the view's title bar VS Code passes the selected node instead. */
    [COMMANDS.filter]: async (filter?: FileFilter | TreeNode) => {
      const session = s.session();
      const given = filter && !('kind' in filter) ? fileFilter.safeParse(filter) : undefined;
      const next = given?.success ? given.data : await pickFilter(session.api, tree.currentFilter);
      if (next) tree.setFilter(next);
    },
    /** Words to search names for (scripts), else asked for. */
    [COMMANDS.search]: async (words?: string) => {
      const text =
        typeof words === 'string'
          ? words
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Search File Names'),
              prompt: vscode.l10n.t(
                'Searches names with files/search (best matches first, at most 1000); the filter still applies.',
              ),
              value: tree.currentSearch ?? '',
              validateInput: searchTextProblem,
            });
      if (text === undefined) return;
      const problem = searchTextProblem(text);
      if (problem) throw new Error(problem);
      tree.setSearch(text.trim());
    },
    [COMMANDS.clearFilter]: () => tree.clearFilter(),
  } satisfies Commands<ViewCommandId>;
}

async function pickGrouping(current: Grouping): Promise<Grouping | undefined> {
  const choices = GROUPINGS.map((g) => ({
    label: groupingLabels()[g],
    description: g === current ? vscode.l10n.t('current') : undefined,
    grouping: g,
  }));
  return (await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Group Files By') }))?.grouping;
}

/** Opens the file with this internal id (digits) or this exact external id. */
async function openById(session: ProjectSession, text: string): Promise<void> {
  const record = await findFile(session.api, text);
  await openRecord(session.project, record.id, record.name);
}
