import * as l10n from '@vscode/l10n';
import type { ElementKey, NameOf } from './kind';

const MAX_SHOWN = 80;

/** A value as the preview shows it: JSON, cut to a line's worth. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** What an unset value reads as. */
export const unset = (): string => l10n.t('(unset)');

/** `123 (Pump P-101)`: a key with its name beside it, when it has one other than itself. */
export function withName(key: ElementKey, nameOf: NameOf): string {
  const name = nameOf(key);
  return name && name !== String(key) ? `${String(key)} (${name})` : String(key);
}
