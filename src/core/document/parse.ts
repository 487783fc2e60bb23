import * as l10n from '@vscode/l10n';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { displayPath, type JsonPath } from '../json-path';
import type { ParseProblem, TextPosition, TextRange } from '../problems';
import { syntaxMessage } from './syntax-message';

export type ParsedDocument =
  { ok: true; value: unknown; tree: Node } | { ok: false; problems: ParseProblem[]; tree: Node | undefined };

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/**
 * Parses strict JSON (no comments, no trailing commas, no duplicate keys) and keeps the parse tree so
 * that a problem's JSON path can be mapped back to a range ({@link rangeOfPath}). `kind` names the
 * record in a problem; callers that only want the tree may leave it out.
 */
export function parseDocument(text: string, kind?: { noun: () => string }): ParsedDocument {
  const lines = lineStarts(text);
  // jsonc-parser and the checks below recurse per level: a few KB of "[[[[..." would overflow the
  // stack. No record document comes near this depth, so refuse it before parsing.
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const message = kind
      ? l10n.t(
          'The JSON is nested more than {0} levels deep here; a {1} record is never that deep.',
          MAX_DEPTH,
          kind.noun(),
        )
      : l10n.t('The JSON is nested more than {0} levels deep here; no record is that deep.', MAX_DEPTH);
    return {
      ok: false,
      problems: [located(lines, { offset: deep, length: 1 }, 'invalid-json', [], message)],
      tree: undefined,
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT);
  const problems: ParseProblem[] = [];
  // One mistake makes the parser report a cascade of follow-up errors; only the first is reliable.
  const first = errors[0];
  if (first) problems.push(located(lines, first, 'invalid-json', [], syntaxMessage(text, first)));
  else if (tree) problems.push(...treeProblems(tree, lines));
  if (!tree || problems.length > 0) return { ok: false, problems, tree };
  // JSON.parse builds the value: it keeps a key such as "__proto__" as data, which a hand-built object would not.
  return { ok: true, value: JSON.parse(text) as unknown, tree };
}

/** Duplicate keys and numbers beyond what a JSON number can hold: valid syntax, but data would be lost. */
function treeProblems(root: Node, lines: number[]): ParseProblem[] {
  const problems: ParseProblem[] = [];
  const walk = (node: Node, path: JsonPath): void => {
    if (node.type === 'number' && !Number.isFinite(node.value)) {
      problems.push(
        located(
          lines,
          node,
          'invalid-json',
          path,
          'Invalid JSON: this number is too large for JSON (it would become Infinity).',
        ),
      );
    }
    if (node.type === 'array') node.children?.forEach((child, i) => walk(child, [...path, i]));
    if (node.type !== 'object') return;
    const seen = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) continue;
      const key = String(keyNode.value);
      const first = seen.get(key);
      if (first) {
        const at = positionOf(lines, first.offset);
        problems.push(
          located(
            lines,
            keyNode,
            'duplicate-key',
            [...path, key],
            l10n.t(
              'Duplicate key "{0}" in {1}: it is already at line {2}. Keep one of them.',
              key,
              displayPath(path),
              at.line,
            ),
          ),
        );
      } else {
        seen.set(key, keyNode);
      }
      if (valueNode) walk(valueNode, [...path, key]);
    }
  };
  walk(root, []);
  return problems;
}

/**
 * The range of the value at `path`; with `key: true`, of its property key instead (for problems about
 * the key). When the value is missing but its key is there (text being typed), the key's range. When
 * the path does not exist, the nearest existing parent: for a missing property of an object, that
 * object's opening brace (as VS Code marks a missing property), otherwise the parent's whole range.
 * Duplicate keys resolve to the last one, as `JSON.parse` keeps the last value.
 */
export function rangeOfPath(tree: Node, path: JsonPath, options: { key?: boolean } = {}): TextRange {
  let node = tree;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (node.type === 'object' && typeof segment === 'string') {
      const property = findLastProperty(node, segment);
      if (!property) return { offset: node.offset, length: 1 };
      const [keyNode, valueNode] = property.children ?? [];
      if (!valueNode || (last && options.key)) return rangeOf(keyNode ?? property);
      node = valueNode;
    } else if (node.type === 'array' && typeof segment === 'number' && node.children?.[segment]) {
      node = node.children[segment];
    } else {
      return rangeOf(node);
    }
  }
  return rangeOf(node);
}

/** The 1-based line and column of an offset in `text`. */
export function positionAt(text: string, offset: number): TextPosition {
  return positionOf(lineStarts(text), offset);
}

/** {@link positionAt} for many offsets in one text: indexes the lines once. */
export function positionLocator(text: string): (offset: number) => TextPosition {
  const starts = lineStarts(text);
  return (offset) => positionOf(starts, offset);
}

function findLastProperty(object: Node, key: string): Node | undefined {
  const properties = object.children ?? [];
  for (let i = properties.length - 1; i >= 0; i--) {
    const property = properties[i]!;
    if (property.children?.[0]?.value === key) return property;
  }
  return undefined;
}

const rangeOf = (node: Node): TextRange => ({ offset: node.offset, length: node.length });

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

function positionOf(starts: number[], offset: number): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

function located(
  lines: number[],
  range: TextRange,
  code: ParseProblem['code'],
  path: JsonPath,
  message: string,
): ParseProblem {
  return {
    code,
    message,
    path,
    severity: 'error',
    offset: range.offset,
    length: range.length,
    ...positionOf(lines, range.offset),
  };
}

/** Deeper than any record document (a GeoJSON MultiPolygon is 7 levels). */
export const MAX_DEPTH = 128;

/** The offset where brackets outside strings first nest deeper than {@link MAX_DEPTH}, if they do. */
function tooDeepAt(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > MAX_DEPTH) return i;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return undefined;
}
