import * as vscode from 'vscode';
import { checkFind, findParameters, type FindMode } from '../../core/bulk';

interface ModeItem extends vscode.QuickPickItem {
  mode: FindMode;
}

/**
 * Asks what to find in two steps: plain text or a regular expression (an explicit choice, so a
 * text that happens to look like a pattern or start with "re:" is never read as one), then the text.
 * `title` is the wizard step's title; `where` says where the search runs.
 */
export async function askFind(title: string, where: string): Promise<{ find: string; regex?: true } | undefined> {
  const modes: ModeItem[] = [
    { label: vscode.l10n.t('Plain text'), description: vscode.l10n.t('matched exactly as typed'), mode: 'text' },
    {
      label: vscode.l10n.t('Regular expression'),
      description: vscode.l10n.t('JavaScript syntax; $1 in the replacement is the first group'),
      mode: 'regex',
    },
  ];
  const picked = await vscode.window.showQuickPick(modes, {
    title,
    placeHolder: vscode.l10n.t('Find {0} as…', where),
    ignoreFocusOut: true,
  });
  if (!picked) return undefined;
  const find = await vscode.window.showInputBox({
    title,
    prompt:
      picked.mode === 'regex'
        ? vscode.l10n.t('Find {0}: a regular expression', where)
        : vscode.l10n.t('Find {0}: the exact text', where),
    validateInput: (v) => checkFind(v, picked.mode),
    ignoreFocusOut: true,
  });
  return find ? findParameters(find, picked.mode) : undefined;
}
