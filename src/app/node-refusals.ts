/** What a refused node upsert says about its nodes: which it names, and the message for each. */
import * as l10n from '@vscode/l10n';
import { nodeKeyOf, type CogniteFileUpsertItem } from '../cdf/model';
import { ReferencesMissingError, VersionConflictError } from '../core/ports';
import { CdfResponseValidationError } from '../cdf/client';

/** The nodes a refusal names, and why they failed. */
export function namedBy(err: unknown): { keys: Set<string>; reason: 'conflict' | 'invalid' } | undefined {
  if (err instanceof VersionConflictError) return { keys: new Set(err.keys), reason: 'conflict' };
  if (err instanceof ReferencesMissingError)
    return { keys: new Set(err.references.map((r) => r.key)), reason: 'invalid' };
  return undefined;
}

export function messageOf(err: unknown, item: CogniteFileUpsertItem): string {
  if (err instanceof ReferencesMissingError) {
    const mine = err.references.filter((r) => r.key === nodeKeyOf(item));
    return l10n.t(
      'No such node: {0} (nothing was written to this node).',
      mine.map((r) => `${r.field} → ${r.target}`).join(', '),
    );
  }
  return err instanceof Error ? err.message : String(err);
}

/** A 2xx whose body cannot be read: CDF applied the request (one transaction), whatever its answer said. */
export const answeredUnreadable = (err: unknown): boolean =>
  err instanceof CdfResponseValidationError && err.status >= 200 && err.status < 300;
