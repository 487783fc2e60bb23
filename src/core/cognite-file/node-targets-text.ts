import * as l10n from '@vscode/l10n';
import { nodeExternalId, nodeKeyOf, spaceId, type DirectRelation } from '../../cdf/model';
import type { TargetProblem } from '../problems';

export interface ParsedNodeTargets {
  /** In the order given, each node once. */
  targets: DirectRelation[];
  problems: TargetProblem[];
}

/**
 * Reads a pasted list of nodes: one `space:externalId` per line (split at the first colon, since a
 * space never holds one; the rest is the externalId exactly, spaces and commas included), or a JSON
 * array of such texts and `{"space", "externalId"}` objects. A line's indentation is dropped but its
 * end is not: a trailing space is part of the externalId (with a warning, since it is easy to miss).
 * Blank lines are skipped, and so is a first line that is the heading `space:externalId` (`space`
 * is a reserved space: no node lives there). Every problem names its line; a node listed twice is a
 * warning, kept once.
 */
export function parseNodeTargets(text: string): ParsedNodeTargets {
  const out: ParsedNodeTargets = { targets: [], problems: [] };
  const firstLine = new Map<string, number>();
  const add = (raw: unknown, line: number) => {
    const ref = toRef(raw);
    if (typeof ref === 'string') return out.problems.push({ line, message: ref, severity: 'error' });
    const key = nodeKeyOf(ref);
    const first = firstLine.get(key);
    if (first !== undefined)
      return out.problems.push({
        line,
        message: l10n.t('{0} is already listed on line {1}', key, first),
        severity: 'warning',
      });
    firstLine.set(key, line);
    return out.targets.push(ref);
  };
  if (text.trimStart().startsWith('[')) readJson(text, add, out.problems);
  else
    text.split(/\r\n|\r|\n/).forEach((content, index) => {
      // Only the indentation goes: a space identifier holds no whitespace, but an externalId may
      // start or end with it ("P-101 " is another node than "P-101"), so the rest is kept exactly.
      const item = content.trimStart();
      if (item.trim() === '' || (index === 0 && item.trimEnd().toLowerCase() === 'space:externalid')) return;
      if (/\s$|^[^:]*:\s/.test(item))
        out.problems.push({
          line: index + 1,
          message: l10n.t('The externalId on this line starts or ends with whitespace; it is kept exactly as written'),
          severity: 'warning',
        });
      add(item, index + 1);
    });
  return out;
}

/** The node a text or object names, or why it names none. */
function toRef(raw: unknown): DirectRelation | string {
  if (typeof raw === 'string') {
    const at = raw.indexOf(':');
    if (at < 0) return l10n.t('"{0}" is not space:externalId', raw.slice(0, 60));
    return checked(raw.slice(0, at), raw.slice(at + 1));
  }
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const { space, externalId, ...rest } = raw as Record<string, unknown>;
    if (typeof space === 'string' && typeof externalId === 'string' && Object.keys(rest).length === 0)
      return checked(space, externalId);
  }
  return l10n.t('Each item is "space:externalId" or {"space": "...", "externalId": "..."}');
}

function checked(space: string, externalId: string): DirectRelation | string {
  if (!spaceId.safeParse(space).success) return l10n.t('"{0}" is not a space identifier', space);
  if (!nodeExternalId.safeParse(externalId).success)
    return l10n.t('"{0}" is not a node externalId (1 to 256 characters, no NUL)', externalId.slice(0, 60));
  return { space, externalId };
}

function readJson(text: string, add: (raw: unknown, line: number) => void, problems: TargetProblem[]): void {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (err) {
    problems.push({ line: 1, message: l10n.t('Not a valid JSON array: {0}', String(err)), severity: 'error' });
    return;
  }
  if (!Array.isArray(items)) {
    problems.push({ line: 1, message: l10n.t('Expected a JSON array of nodes'), severity: 'error' });
    return;
  }
  // JSON.parse keeps no positions: an item is named by its place in the array (1-based), as a line.
  items.forEach((item, i) => add(item, i + 1));
}
