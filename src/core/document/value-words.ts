import * as l10n from '@vscode/l10n';

/** What a value is, for "found ..." in messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return l10n.t('nothing');
  if (value === null) return 'null';
  if (typeof value === 'string') return l10n.t('the string {0}', quote(value));
  if (typeof value === 'number') return l10n.t('the number {0}', value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return l10n.t('an array');
  return l10n.t('an object');
}

/** A string in double quotes, shortened in the middle of a long one. */
export function quote(s: string, max = 40): string {
  return JSON.stringify(s.length > max ? `${s.slice(0, max - 10)}…${s.slice(-9)}` : s);
}

/** A JSON value for "put back ...", shortened when long. */
export function jsonPreview(value: unknown, max = 80): string {
  const text = JSON.stringify(value ?? null);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** zod's message inside a sentence of ours: no capital, no full stop. */
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
