import * as vscode from 'vscode';
import type { NodesBrowseApi } from '../../app';
import { nodeExternalId, nodeKeyOf, spaceId, type DirectRelation } from '../../cdf/model';
import { describeNodeFilter, type NodeFilter } from '../../core/browse';

type Field = keyof NodeFilter;

const FIELDS = (): Record<Field, string> => ({
  spaces: vscode.l10n.t('Space'),
  directoryPrefix: vscode.l10n.t('Directory prefix'),
  mimeType: vscode.l10n.t('MIME type'),
  category: vscode.l10n.t('Category (space:externalId)'),
  tags: vscode.l10n.t('Tags (any of, comma-separated)'),
  assets: vscode.l10n.t('Assets (any of, space:externalId, comma-separated)'),
  uploaded: vscode.l10n.t('Uploaded'),
  source: vscode.l10n.t('Source system (space:externalId)'),
});

/** `space:externalId` as a direct relation (the first ':' splits: a space never holds one). */
function relation(text: string): DirectRelation | undefined {
  const at = text.indexOf(':');
  const ref = { space: text.slice(0, at).trim(), externalId: text.slice(at + 1).trim() };
  return at > 0 && spaceId.safeParse(ref.space).success && nodeExternalId.safeParse(ref.externalId).success
    ? ref
    : undefined;
}
const list = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * The CogniteFile section's filter, one field per round: pick a field, give its value (empty
 * clears it); "Apply" ends. Returns undefined when dismissed.
 */
export async function pickNodeFilter(api: NodesBrowseApi, current: NodeFilter): Promise<NodeFilter | undefined> {
  const filter: NodeFilter = { ...current };
  for (;;) {
    const labels = FIELDS();
    const apply = {
      label: vscode.l10n.t('$(check) Apply'),
      field: undefined,
      description: describeNodeFilter(filter, undefined),
    };
    const fields = (Object.keys(labels) as Field[]).map((field) => ({
      label: labels[field],
      field,
      description: shown(filter, field),
    }));
    const choice = await vscode.window.showQuickPick([apply, ...fields], {
      title: vscode.l10n.t('Filter CogniteFile Nodes'),
    });
    if (!choice) return undefined;
    if (!choice.field) return filter;
    const value = await askValue(api, choice.field, labels[choice.field]);
    if (value === undefined) continue;
    if (value === null) delete filter[choice.field];
    else Object.assign(filter, { [choice.field]: value });
  }
}

function shown(f: NodeFilter, field: Field): string | undefined {
  const v = f[field];
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : nodeKeyOf(x))).join(', ');
  if (v === null) return vscode.l10n.t('none');
  if (typeof v === 'boolean') return v ? vscode.l10n.t('Uploaded') : vscode.l10n.t('Not uploaded');
  return typeof v === 'object' ? nodeKeyOf(v) : String(v);
}

/** The field's new value, null to clear it, undefined when dismissed or not understood. */
async function askValue(api: NodesBrowseApi, field: Field, title: string): Promise<unknown> {
  if (field === 'spaces') {
    const items = (await api.listSpaces()).map((s) => ({ label: s.space, description: s.name }));
    const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title });
    return picked && (picked.length ? picked.map((p) => p.label) : null);
  }
  if (field === 'uploaded') {
    const choices = [
      { label: vscode.l10n.t('Any'), value: null },
      { label: vscode.l10n.t('Uploaded'), value: true },
      { label: vscode.l10n.t('Not uploaded'), value: false },
    ];
    return (await vscode.window.showQuickPick(choices, { title }))?.value;
  }
  const relations = field === 'category' || field === 'source' || field === 'assets';
  const text = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Empty clears this field.'),
    // A value that names no node cannot be applied: checked as typed, not dropped without a word.
    validateInput: relations ? (v) => relationsProblem(field === 'assets' ? list(v) : [v.trim()]) : undefined,
  });
  if (text === undefined) return undefined;
  if (!text.trim()) return null;
  if (field === 'category' || field === 'source') return relation(text);
  if (field === 'tags') return list(text);
  if (field === 'assets') {
    const refs = list(text).map(relation);
    return refs.every(Boolean) ? refs : undefined;
  }
  return text.trim();
}

/** Why one of the texts (non-empty ones) is not `space:externalId`, or nothing. */
function relationsProblem(texts: readonly string[]): string | undefined {
  const bad = texts.find((t) => t && !relation(t));
  if (bad === undefined) return undefined;
  return vscode.l10n.t('"{0}" is not space:externalId (e.g. plant_assets:asset_P-101)', bad.slice(0, 60));
}
