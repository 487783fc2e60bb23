import * as vscode from 'vscode';
import {
  describeOperation,
  parseElementsInput,
  parseFieldInput,
  setLikeFields,
  textFields,
  type BulkOperation,
} from '../../core/bulk';
import { COGNITE_FILE_BULK, checkNodeValue } from '../../core/cognite-file';
import { askFind } from './find-input';
import { wizardTitle } from './operation-wizard';

const KIND = COGNITE_FILE_BULK;
const PROPERTIES = KIND.fields.map((f) => f.name);
/** tags, aliases, assets: lists of members, added and removed one by one. */
const LISTS = setLikeFields(KIND);
const TEXTS = textFields(KIND);

interface Step extends vscode.QuickPickItem {
  run?: () => Promise<BulkOperation | undefined>;
  done?: boolean;
}

const ask = (title: string, prompt: string, validateInput: (v: string) => string | undefined) =>
  vscode.window.showInputBox({ title: wizardTitle(3, title), prompt, validateInput, ignoreFocusOut: true });

const pick = (items: readonly string[], title: string) =>
  vscode.window.showQuickPick([...items], { title: wizardTitle(3, title), ignoreFocusOut: true });

/**
 * The operations of a bulk action on CogniteFile nodes, one at a time, each value checked as it is
 * typed with the checks the planner runs: set or clear a property, add or remove tags, aliases and
 * assets, move a directory, find and replace in text properties.
 */
export async function pickNodeOperations(targetLabel: string): Promise<BulkOperation[] | undefined> {
  const operations: BulkOperation[] = [];
  for (;;) {
    const preview: Step[] = operations.length
      ? [
          {
            label: `$(check) ${
              operations.length === 1
                ? vscode.l10n.t('Preview 1 operation…')
                : vscode.l10n.t('Preview {0} operations…', operations.length)
            }`,
            detail: operations.map((op) => describeOperation(KIND, op)).join('; '),
            done: true,
          },
        ]
      : [];
    const steps: Step[] = [
      ...preview,
      { label: vscode.l10n.t('Set a property…'), run: setProperty },
      { label: vscode.l10n.t('Clear a property…'), run: clearProperty },
      ...LISTS.flatMap((field) => [
        { label: vscode.l10n.t('Add {0}…', field), run: () => members('add', field) },
        { label: vscode.l10n.t('Remove {0}…', field), run: () => members('remove', field) },
      ]),
      { label: vscode.l10n.t('Move directory (replace a prefix)…'), run: directoryMove },
      { label: vscode.l10n.t('Find and replace in text properties…'), run: textReplace },
    ];
    const step = await vscode.window.showQuickPick(steps, {
      title: wizardTitle(2, targetLabel),
      placeHolder: vscode.l10n.t('What should change?'),
      ignoreFocusOut: true,
    });
    if (!step) return undefined;
    if (step.done) return operations;
    const op = await step.run?.();
    if (op) operations.push(op);
  }
}

async function setProperty(): Promise<BulkOperation | undefined> {
  const field = await pick(
    PROPERTIES.filter((f) => !LISTS.includes(f)),
    vscode.l10n.t('Set a property'),
  );
  if (!field) return undefined;
  const check = (v: string) => {
    const parsed = parseFieldInput(KIND, field, v);
    return parsed.ok ? undefined : parsed.message;
  };
  const text = await ask(vscode.l10n.t('Set a property'), vscode.l10n.t('New value of {0}', field), check);
  const parsed = text === undefined ? undefined : parseFieldInput(KIND, field, text);
  return parsed?.ok ? { op: 'set', field, value: parsed.value } : undefined;
}

async function clearProperty(): Promise<BulkOperation | undefined> {
  const field = await pick(PROPERTIES, vscode.l10n.t('Clear a property'));
  return field ? { op: 'clear', field } : undefined;
}

async function members(op: 'add' | 'remove', field: string): Promise<BulkOperation | undefined> {
  const title = op === 'add' ? vscode.l10n.t('Add {0}', field) : vscode.l10n.t('Remove {0}', field);
  const prompt =
    field === 'assets'
      ? vscode.l10n.t('Assets as space:externalId, separated by commas')
      : vscode.l10n.t(
          '{0}, separated by commas; write one holding a comma in double quotes, e.g. "Area 10, north"',
          field,
        );
  const check = (v: string) => {
    const parsed = parseElementsInput(KIND, field, v);
    return parsed.ok ? undefined : parsed.message;
  };
  const text = await ask(title, prompt, check);
  const parsed = text === undefined ? undefined : parseElementsInput(KIND, field, text);
  return parsed?.ok && parsed.value.length ? { op, field, values: parsed.value } : undefined;
}

async function directoryMove(): Promise<BulkOperation | undefined> {
  const title = vscode.l10n.t('Move directory');
  const check = (v: string) => checkNodeValue('directory', v);
  const from = await ask(title, vscode.l10n.t('Move nodes from the directory (and below it)'), check);
  if (from === undefined) return undefined;
  const to = await ask(title, vscode.l10n.t('to the directory'), check);
  return to === undefined ? undefined : { op: 'directoryMove', from, to };
}

async function textReplace(): Promise<BulkOperation | undefined> {
  const title = vscode.l10n.t('Find and replace in text properties');
  const fields = await vscode.window.showQuickPick([...TEXTS], {
    title: wizardTitle(3, title),
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (!fields?.length) return undefined;
  const found = await askFind(wizardTitle(3, title), vscode.l10n.t('in text properties'));
  if (!found) return undefined;
  const replacement = await ask(title, vscode.l10n.t('Replace with'), () => undefined);
  if (replacement === undefined) return undefined;
  return { op: 'textReplace', fields, ...found, replacement };
}
