import * as vscode from 'vscode';
import { documentText, jsonPreview, quote } from '../core/document';
import type { MergeConflict } from '../core/merge';
import type { RecordKind } from '../core/records';
import type { ConflictChoice, RecordConflict } from '../core/save';
import { VIEW_SCHEME, type ReadOnlyDocuments } from './read-only-documents';
import type { UserPort } from './user-port';

/** Where the two sides of a comparison live in the read-only documents. */
const COMPARE_PATH = '/compare/';

/**
 * When a save finds fields changed both here and on the server, show the two versions side by side
 * and ask: keep theirs, use mine, or cancel (nothing sent, edits kept). The two sides are called
 * "Theirs" and "Mine" everywhere: buttons, comparison title, question.
 */
export class ConflictPrompt {
  constructor(
    private readonly documents: ReadOnlyDocuments,
    /** Who answers the question (VS Code's modal in production). */
    private readonly user: UserPort,
  ) {}

  async ask<R extends object, U>(
    kind: RecordKind<R, U>,
    uri: vscode.Uri,
    conflicts: MergeConflict[],
    theirs: R,
    wouldSave: R,
  ): Promise<ConflictChoice> {
    const name = baseName(uri);
    // Left what CDF holds now, right what "Use Mine" would save: the merge, so their other changes and
    // the read-only fields (lastUpdatedTime) are equal on both sides and only the real difference shows.
    const at = `${COMPARE_PATH}${encodeURIComponent(kind.key(theirs))}`;
    const left = this.documents.put(`${at}/theirs/${name}`, documentText(kind, theirs));
    const right = this.documents.put(`${at}/mine/${name}`, documentText(kind, wouldSave));
    await vscode.commands.executeCommand('vscode.diff', left, right, comparisonTitle(name), { preview: true });
    const answer = await this.user.askModal(
      conflictQuestion(conflicts, name),
      `${conflictValues(conflicts)}\n\n${explainChoices()}`,
      // The first button is the one Enter picks: keeping their value never discards their change.
      [KEEP_THEIRS(), USE_MINE()],
    );
    await this.closeComparisons();
    return choiceOf(answer);
  }

  /** A selection save: one question for every file whose changed fields someone else changed too. */
  async askForSelection<R extends object, U>(
    kind: RecordKind<R, U>,
    conflicts: RecordConflict<R>[],
  ): Promise<ConflictChoice> {
    const lines = conflicts.slice(0, 10).map((c) => `${kind.label(c.file)}: ${conflictValues(c.conflicts, '; ')}`);
    const more = conflicts.length > 10 ? `\n${vscode.l10n.t('… and {0} more', conflicts.length - 10)}` : '';
    const answer = await this.user.askModal(
      conflicts.length === 1
        ? vscode.l10n.t('Someone else changed 1 of these files in CDF since you opened it.')
        : vscode.l10n.t('Someone else changed {0} of these files in CDF since you opened them.', conflicts.length),
      `${lines.join('\n')}${more}\n\n${explainChoices()}`,
      [KEEP_THEIRS(), USE_MINE()],
    );
    return choiceOf(answer);
  }

  /** The comparison served its purpose once the user chose. */
  private async closeComparisons(): Promise<void> {
    const tabs = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputTextDiff && isComparison(t.input.original));
    if (tabs.length) await vscode.window.tabGroups.close(tabs);
  }
}

const isComparison = (uri: vscode.Uri): boolean => uri.scheme === VIEW_SCHEME && uri.path.startsWith(COMPARE_PATH);

const baseName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

const KEEP_THEIRS = () => vscode.l10n.t('Keep Theirs');
const USE_MINE = () => vscode.l10n.t('Use Mine');

const choiceOf = (answer: string | undefined): ConflictChoice =>
  answer === USE_MINE() ? 'overwrite' : answer === KEEP_THEIRS() ? 'theirs' : 'cancel';

export const comparisonTitle = (name: string): string =>
  vscode.l10n.t('{0}: Theirs (in CDF now) ↔ Mine (what Use Mine saves)', name);

const fieldOf = (c: MergeConflict): string => (c.key !== undefined ? `${c.field}.${c.key}` : c.field);

/** "Someone else changed source in pump.pdf.json since you opened it." */
export function conflictQuestion(conflicts: MergeConflict[], name: string): string {
  return vscode.l10n.t(
    'Someone else changed {0} in CDF since you opened {1}.',
    conflicts.map(fieldOf).join(', '),
    name,
  );
}

/** Each conflicting field with both values: `source: Theirs "A", Mine "B"`. */
export function conflictValues(conflicts: MergeConflict[], separator = '\n'): string {
  const shown = conflicts
    .slice(0, 8)
    .map((c) => vscode.l10n.t('{0}: Theirs {1}, Mine {2}', fieldOf(c), valueText(c.theirs), valueText(c.mine)));
  if (conflicts.length > 8) shown.push(vscode.l10n.t('… and {0} more', conflicts.length - 8));
  return shown.join(separator);
}

const valueText = (v: unknown): string =>
  v === undefined || v === null ? vscode.l10n.t('(none)') : typeof v === 'string' ? quote(v, 60) : jsonPreview(v, 60);

const explainChoices = (): string =>
  vscode.l10n.t(
    'Changes to other fields are merged either way. Keep Theirs keeps their values for these fields and saves the rest of your edits; Use Mine saves your values over theirs; Cancel sends nothing and keeps your edits.',
  );
