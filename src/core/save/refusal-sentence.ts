import * as l10n from '@vscode/l10n';
import { displayPath, type JsonPath } from '../json-path';
import { parseDocument, valueAt } from '../document';

/** What the sentence needs of a problem: where it is and what is wrong there. */
export interface RefusalProblem {
  path: JsonPath;
  message: string;
}

/**
 * Why a save is refused (or would be), as one sentence that names the file and the field, in the same
 * words for a record and a selection: "P&ID 57.pdf: source must be a string; found the number 5;
 * nothing was sent." A selection's element (a problem whose path starts with its index) is named by
 * its file name, never by its 0-based index. `documentFile` names a record document's file.
 */
export function refusalSentence(
  kind: KindNames,
  documentFile: string,
  text: string,
  problems: readonly RefusalProblem[],
  sent: 'was' | 'would be',
): string {
  const first = problems[0];
  const head = first ? `${fileNameAt(kind, documentFile, text, first.path)}: ${messageOf(first)}` : documentFile;
  const more = problems.length - 1;
  const rest = more <= 0 ? '' : more === 1 ? l10n.t(', and 1 more problem') : l10n.t(', and {0} more problems', more);
  return sent === 'was'
    ? l10n.t('{0}{1}; nothing was sent.', head, rest)
    : l10n.t('{0}{1}; nothing would be sent.', head, rest);
}

/**
 * The problem's message inside our sentence: its first sentence (the Problems panel keeps the rest,
 * such as how to fix it); it names its field, and one that does not gets it in front.
 */
function messageOf(p: RefusalProblem): string {
  const message = firstSentence(p.message.trim()).replace(/\.$/, '');
  const inRecord = typeof p.path[0] === 'number' ? p.path.slice(1) : p.path;
  if (!inRecord.length) return message;
  const field = displayPath(inRecord);
  const last = inRecord[inRecord.length - 1];
  const named = message.includes(field) || (typeof last === 'string' && message.includes(last));
  return named ? message : `${field}: ${message}`;
}

/** What the sentence needs of the record kind: how a record is called, and the key an element names. */
export interface KindNames {
  readonly noun: () => string;
  readonly document: { readonly keyOf: (element: unknown) => string | undefined };
}

/** The selection element's `name` (else its key, else its 1-based place), or the record document's file. */
function fileNameAt(kind: KindNames, documentFile: string, text: string, path: JsonPath): string {
  const index = path[0];
  if (typeof index !== 'number') return documentFile;
  const parsed = parseDocument(text);
  const element = parsed.ok ? valueAt(parsed.value, [index]) : undefined;
  const name = valueAt(element, ['name']);
  if (typeof name === 'string' && name.trim()) return name;
  const key = kind.document.keyOf(element);
  if (key !== undefined) return l10n.t('{1} {0}', key, kind.noun());
  return l10n.t('record {0} of the selection', index + 1);
}

/** Up to the first full stop that ends a sentence, outside a quoted value ("a. B" is not an end). */
function firstSentence(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (c === '.' && !quoted && /^\s+[A-Z]/.test(text.slice(i + 1, i + 3))) return text.slice(0, i);
  }
  return text;
}
