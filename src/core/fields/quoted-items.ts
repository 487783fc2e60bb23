import * as l10n from '@vscode/l10n';
import type { Parsed } from './kind';

/**
 * Items separated by commas, as a person types a list of texts: an unquoted item is trimmed, a
 * double-quoted one is a JSON string kept exactly (so `"Area 10, north"` is one item without its
 * quotes, and `\"` writes a quote inside it). The classic target list reads quotes the same way.
 * Empty unquoted items are dropped; a quote left open, or text after a closing quote, is refused.
 */
export function commaSeparatedItems(text: string): Parsed<string[]> {
  const items: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  };
  while (i < text.length) {
    skipSpace();
    if (text[i] !== '"') {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? text.length : comma;
      const item = text.slice(i, end).trim();
      if (item.length) items.push(item);
      i = end + 1;
      continue;
    }
    const end = closingQuote(text, i);
    if (end < 0) return { ok: false, message: l10n.t('A quote opened at column {0} is not closed', i + 1) };
    const quoted = readJsonString(text.slice(i, end + 1));
    if (quoted === undefined)
      return { ok: false, message: l10n.t('{0} is not a valid quoted string', text.slice(i, end + 1)) };
    items.push(quoted);
    i = end + 1;
    skipSpace();
    if (i < text.length && text[i] !== ',')
      return { ok: false, message: l10n.t('Expected a comma after the quoted item at column {0}', i + 1) };
    i++;
  }
  return { ok: true, value: items };
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

function readJsonString(raw: string): string | undefined {
  try {
    return JSON.parse(raw) as string;
  } catch {
    return undefined;
  }
}
