import * as vscode from 'vscode';
import type { FileRecord } from '../../cdf/model';
import { parseTargets, viewTarget, type ViewTarget } from '../../core/classic-file';
import { formatCount } from '../../core/format-count';
import type { BulkTarget, ProjectIdentity } from '../../core/bulk';
import type { ProjectSession } from '../sessions';
import type { FilesTreeProvider } from '../tree/files-tree';
import { wizardTitle } from './operation-wizard';

/** A target's label (the preview's and the report's heading), counted in the singular for one file. */
const selectedFilesLabel = (count: number): string =>
  count === 1 ? vscode.l10n.t('1 selected file') : vscode.l10n.t('{0} selected files', formatCount(count));
export const listedFilesLabel = (count: number): string =>
  count === 1 ? vscode.l10n.t('1 listed file') : vscode.l10n.t('{0} listed files', formatCount(count));

/** The tree's selection as a target (read again before planning: the tree may be stale). */
export const selectionTarget = (selection: readonly FileRecord[]): BulkTarget => ({
  kind: 'ids',
  label: selectedFilesLabel(selection.length),
  refs: selection.map((r) => ({ id: r.id })),
});

/** What the files view shows: its filter, or exactly the files its name search found. */
export function targetOfView(session: ProjectSession, tree: FilesTreeProvider): Promise<ViewTarget> {
  return viewTarget(session.api, {
    filter: tree.currentFilter,
    search: tree.currentSearch,
    description: tree.description,
  });
}

/** The wizard's first step: the selection, what the view shows, pasted ids or a file of ids. */
export async function pickTarget(
  session: ProjectSession,
  tree: FilesTreeProvider,
  selection: readonly FileRecord[],
): Promise<BulkTarget | undefined> {
  type Choice = vscode.QuickPickItem & { make: () => Promise<BulkTarget | undefined> };
  const choices: Choice[] = [];
  if (selection.length)
    choices.push({
      label:
        selection.length === 1
          ? vscode.l10n.t('The selected file')
          : vscode.l10n.t('The {0} selected files', formatCount(selection.length)),
      // Which file: its name (or id), so the step says what it will change.
      description: selection.length === 1 ? (selection[0]?.name ?? `id ${selection[0]?.id}`) : undefined,
      make: () => Promise.resolve(selectionTarget(selection)),
    });
  // With a name search, the files it found (as the tree lists them), never the whole filter.
  const view = await targetOfView(session, tree);
  const count = formatCount(view.count ?? (await session.api.countFiles({ filter: tree.currentFilter })));
  const found = view.target.kind === 'ids';
  // Without a filter the choice is the whole project, and says so in its label (not "matching the filter").
  choices.push({
    label: found
      ? vscode.l10n.t('Every file the name search found ({0})', count)
      : tree.description
        ? vscode.l10n.t('Every file matching the current filter ({0})', count)
        : vscode.l10n.t('Every file in the project ({0})', count),
    description: found ? view.target.label : tree.description || undefined,
    make: () => Promise.resolve(view.target),
  });
  choices.push({ label: vscode.l10n.t('Ids or external ids I paste…'), make: pastedTarget });
  choices.push({ label: vscode.l10n.t('Ids or external ids from a file…'), make: fileTarget });
  const picked = await vscode.window.showQuickPick(choices, {
    title: wizardTitle(1, vscode.l10n.t('Which files?')),
    ignoreFocusOut: true,
  });
  return picked?.make();
}

async function pastedTarget(): Promise<BulkTarget | undefined> {
  const text = await vscode.window.showInputBox({
    title: wizardTitle(1, vscode.l10n.t('Files by id or external id')),
    prompt: vscode.l10n.t(
      'Ids and external ids, separated by commas or spaces; quote an external id that looks like a number',
    ),
    validateInput: (v) =>
      parseTargets(v.replace(/\s+/g, '\n'))
        .problems.filter((p) => p.severity === 'error')
        .map((p) => vscode.l10n.t('item {0}: {1}', p.line, p.message))[0],
    ignoreFocusOut: true,
  });
  if (!text) return undefined;
  const parsed = parseTargets(text.replace(/\s+/g, '\n'));
  return { kind: 'ids', label: listedFilesLabel(parsed.targets.length), refs: parsed.targets };
}

/** One id or external id per line (or a JSON array), e.g. a column saved from a spreadsheet or a query. */
async function fileTarget(): Promise<BulkTarget | undefined> {
  const [uri] =
    (await vscode.window.showOpenDialog({
      title: wizardTitle(1, vscode.l10n.t('A file of ids or external ids, one per line')),
      filters: { 'Text, CSV or JSON': ['txt', 'csv', 'json', 'lst'] },
    })) ?? [];
  if (!uri) return undefined;
  const parsed = parseTargets(Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8'));
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  const file = uri.path.split('/').pop() ?? '';
  if (errors.length) {
    const lines = errors
      .slice(0, 5)
      .map((p) => vscode.l10n.t('line {0}: {1}', p.line, p.message))
      .join('; ');
    throw new Error(
      errors.length === 1
        ? vscode.l10n.t('{0} has a line that is not an id; nothing was sent. {1}', file, lines)
        : vscode.l10n.t('{0} has {1} lines that are not ids; nothing was sent. {2}', file, errors.length, lines),
    );
  }
  return { kind: 'ids', label: `${parsed.targets.length} files listed in ${file}`, refs: parsed.targets };
}

/** Which project a session is: the demo runs on a new port each time, so it is named, not addressed. */
export function projectOf(session: ProjectSession): ProjectIdentity {
  return { baseUrl: session.isDemo ? 'demo' : session.baseUrl, project: session.project };
}
