import type { Node } from 'jsonc-parser';
import type { DocumentProblem, PlacedProblem } from '../problems';
import { positionLocator, rangeOfPath } from './parse';

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
