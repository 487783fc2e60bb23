import * as l10n from '@vscode/l10n';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { EDITABLE_FIELDS } from '../../cdf/model';
import { checkId } from '../fields';
import type { TargetProblem } from '../problems';

/** A file named by internal id or by external id. */
export type FileTarget = { id: number } | { externalId: string };

export interface ParsedTargets {
  /** In the order given, each file once. */
  targets: FileTarget[];
  problems: TargetProblem[];
}

/** Spreadsheet column headings that a pasted column may start with. */
const HEADINGS = new Set(['id', 'externalid', 'external_id', 'external id']);

/**
 * Reads a pasted list or a file of targets: a JSON array (numbers are ids, strings external ids,
 * `{"id"}` / `{"externalId"}` objects as they are), or lines of items separated by commas.
 * In lines, an unquoted whole number in 1..2^53-1 is an id and anything else an external id; quote
 * (`"123"` with JSON escapes, or `'123'`) to make a number an external id. A number that cannot be an
 * id (0, negative, too large, a leading zero as in `007`) is an error rather than a guess, since a
 * wrong guess would change another file. A first line that is only a heading (`id`, `externalId`) is
 * skipped. Every problem names its line.
 */
export function parseTargets(text: string): ParsedTargets {
  const collector = new TargetCollector();
  if (text.trimStart().startsWith('[')) parseJsonArray(text, collector);
  else parseLines(text, collector);
  return { targets: collector.targets, problems: collector.problems };
}

class TargetCollector {
  readonly targets: FileTarget[] = [];
  readonly problems: TargetProblem[] = [];
  private readonly firstLine = new Map<string, number>();

  add(target: FileTarget, line: number): void {
    const key = 'id' in target ? `id:${target.id}` : `externalId:${target.externalId}`;
    const first = this.firstLine.get(key);
    if (first !== undefined) {
      const message =
        'id' in target
          ? l10n.t('id {0} is already listed on line {1}', target.id, first)
          : l10n.t('external id {0} is already listed on line {1}', JSON.stringify(target.externalId), first);
      this.problems.push({ line, message, severity: 'warning' });
      return;
    }
    this.firstLine.set(key, line);
    this.targets.push(target);
  }

  error(line: number, message: string): void {
    this.problems.push({ line, message, severity: 'error' });
  }

  externalId(value: string, line: number): void {
    if (value.length === 0) return this.error(line, l10n.t('An external id cannot be empty'));
    if (!EDITABLE_FIELDS.externalId.schema.safeParse(value).success)
      return this.error(
        line,
        l10n.t('External id "{0}…" is too long ({1} characters)', value.slice(0, 40), value.length),
      );
    this.add({ externalId: value }, line);
  }

  /** `raw` is the number as written, so precision lost by parsing cannot hide an out-of-range id. */
  id(raw: string, line: number): void {
    const problem =
      /^\d+$/.test(raw) && !/^0\d/.test(raw) ? checkId(Number(raw), `"${raw}"`) : l10n.t('"{0}" is not an id', raw);
    if (problem) return this.error(line, l10n.t('{0}; quote it to mean an external id', problem));
    this.add({ id: Number(raw) }, line);
  }
}

function parseLines(text: string, collector: TargetCollector): void {
  const lines = text.split(/\r\n|\r|\n/);
  let headingAllowed = true;
  lines.forEach((content, index) => {
    const line = index + 1;
    const tokens = tokenizeLine(content);
    if ('error' in tokens) return collector.error(line, tokens.error);
    if (tokens.length === 0) return;
    const isHeading = headingAllowed && tokens.every((t) => !t.quoted && HEADINGS.has(t.text.toLowerCase()));
    headingAllowed = false;
    if (isHeading) return;
    for (const token of tokens) {
      if (!token.quoted && /^[+-]?\d+$/.test(token.text)) collector.id(token.text, line);
      else collector.externalId(token.text, line);
    }
  });
}

interface Token {
  text: string;
  quoted: boolean;
}

/** Items separated by commas; unquoted items are trimmed, quoted ones kept exactly. */
function tokenizeLine(content: string): Token[] | { error: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < content.length) {
    while (i < content.length && /\s/.test(content[i] ?? '')) i++;
    const quote = content[i];
    if (quote === '"' || quote === "'") {
      const end = closingQuote(content, i);
      if (end < 0) return { error: l10n.t('A quote opened at column {0} is not closed', i + 1) };
      const raw = content.slice(i, end + 1);
      let text: string;
      try {
        text = quote === '"' ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      } catch {
        return { error: l10n.t('{0} is not a valid quoted string', raw) };
      }
      tokens.push({ text, quoted: true });
      i = end + 1;
      while (i < content.length && /\s/.test(content[i] ?? '')) i++;
      if (i < content.length && content[i] !== ',')
        return { error: l10n.t('Expected a comma after the quoted item at column {0}', i + 1) };
      i++;
    } else {
      const comma = content.indexOf(',', i);
      const end = comma < 0 ? content.length : comma;
      const text = content.slice(i, end).trim();
      if (text.length) tokens.push({ text, quoted: false });
      i = end + 1;
    }
  }
  return tokens;
}

function closingQuote(content: string, open: number): number {
  const quote = content[open];
  for (let i = open + 1; i < content.length; i++) {
    if (quote === '"' && content[i] === '\\') i++;
    else if (content[i] === quote) return i;
  }
  return -1;
}

function parseJsonArray(text: string, collector: TargetCollector): void {
  const lineAt = lineLocator(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first || !root) {
    collector.error(
      lineAt(first?.offset ?? 0),
      l10n.t('Not a valid JSON array: {0}', first ? printParseErrorCode(first.error) : l10n.t('empty')),
    );
    return;
  }
  if (root.type !== 'array') return collector.error(1, l10n.t('Expected a JSON array of ids and external ids'));
  for (const node of root.children ?? []) jsonItem(node, text, lineAt(node.offset), collector);
}

function jsonItem(node: Node, text: string, line: number, collector: TargetCollector): void {
  if (node.type === 'number') return collector.id(text.slice(node.offset, node.offset + node.length), line);
  if (node.type === 'string') return collector.externalId(node.value as string, line);
  if (node.type === 'object') {
    const props = node.children ?? [];
    const [prop] = props;
    const [keyNode, valueNode] = prop?.children ?? [];
    if (props.length === 1 && keyNode && valueNode) {
      if (keyNode.value === 'id' && valueNode.type === 'number')
        return collector.id(text.slice(valueNode.offset, valueNode.offset + valueNode.length), line);
      if (keyNode.value === 'externalId' && valueNode.type === 'string')
        return collector.externalId(valueNode.value as string, line);
    }
  }
  collector.error(
    line,
    l10n.t('Each item is a number (an id), a string (an external id), {"id": n} or {"externalId": "..."}'),
  );
}

/** 1-based line of an offset. */
function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
