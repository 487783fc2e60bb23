import type { Node } from 'jsonc-parser';
import { positionLocator, rangeOfPath, type TextPosition, type TextRange } from './parse';
import type { DocumentProblem } from './types';

/** A problem placed in the text: offsets in UTF-16 code units, line and column 1-based. */
export type PlacedProblem<P extends DocumentProblem = DocumentProblem> = P & TextRange & TextPosition;

/** Puts problems found by JSON path where they are in the text (the key, for a problem about a key). */
export function placeProblems<P extends DocumentProblem>(
  text: string,
  tree: Node,
  problems: readonly P[],
): PlacedProblem<P>[] {
  const positionAt = positionLocator(text);
  return problems.map((p) => {
    const range = rangeOfPath(tree, p.path, { key: p.onKey === true });
    return { ...p, ...range, ...positionAt(range.offset) };
  });
}
