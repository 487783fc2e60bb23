import * as vscode from 'vscode';
import { referenceValues, type ReferenceValue } from '../../core/document';
import type { ProjectLookups, ReferenceName } from './project-lookups';
import { editorKindOf } from '../record-kinds';

function kindLabel(kind: ReferenceValue['kind']): string {
  switch (kind) {
    case 'dataSet':
      return vscode.l10n.t('Data set');
    case 'asset':
      return vscode.l10n.t('Asset');
    case 'label':
      return vscode.l10n.t('Label');
  }
}

/**
 * Names instead of numbers: the data set's name beside `dataSetId`, each asset's name beside its id
 * and each label's name beside its external id, from the project's look-ups.
 */
export class ReferenceHintsProvider implements vscode.InlayHintsProvider {
  readonly onDidChangeInlayHints: vscode.Event<void>;

  constructor(private readonly lookups: ProjectLookups) {
    this.onDidChangeInlayHints = lookups.onDidChange;
  }

  async provideInlayHints(
    document: vscode.TextDocument,
    range: vscode.Range,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlayHint[]> {
    const refs = referenceValues(editorKindOf(document.uri).kind, document.getText()).filter((r) =>
      range.contains(document.positionAt(r.end)),
    );
    if (refs.length === 0) return [];
    const names = await this.namesOf(refs).catch(() => undefined); // no names is no worse than before
    if (!names || token.isCancellationRequested) return [];
    const hints: vscode.InlayHint[] = [];
    refs.forEach((ref, i) => {
      const named = names[i];
      if (!named) return;
      const hint = new vscode.InlayHint(document.positionAt(ref.end), named.name, vscode.InlayHintKind.Type);
      hint.paddingLeft = true;
      hint.tooltip = `${kindLabel(ref.kind)} ${String(ref.value)}: ${named.name}${
        named.externalId && ref.kind !== 'label' ? ` (${named.externalId})` : ''
      }`;
      hints.push(hint);
    });
    return hints;
  }

  private async namesOf(refs: ReferenceValue[]): Promise<(ReferenceName | undefined)[]> {
    const assetIds = refs.filter((r) => r.kind === 'asset').map((r) => r.value as number);
    const assets = assetIds.length > 0 ? await this.lookups.assetNamesOf(assetIds) : new Map<number, ReferenceName>();
    return Promise.all(
      refs.map(async (r): Promise<ReferenceName | undefined> => {
        if (r.kind === 'asset') return assets.get(r.value as number);
        if (r.kind === 'dataSet') return this.lookups.dataSetName(r.value as number);
        return this.lookups.labelName(r.value as string);
      }),
    );
  }
}
