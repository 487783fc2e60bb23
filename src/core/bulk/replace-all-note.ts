import type { EditableFieldName } from '../../cdf/model';
import { kindOf } from '../fields/registry';

/**
 * What a preview adds to `set` / `clear` of a collection (metadata, labels, asset ids, security
 * categories): those mean "replace all", which the user must read before confirming. Every other
 * change to a collection is sent as `add` / `remove` of named elements. Even these are sent so: the
 * elements each file holds when it is read are removed by name, so one added by someone else after
 * that read is kept. Scalars get no note.
 */
export function replaceAllNote(op: 'set' | 'clear', field: EditableFieldName): string {
  if (!kindOf(field).collection) return '';
  const what = field === 'metadata' ? 'metadata key' : element(field);
  return op === 'set'
    ? ` (replaces all: every other ${what} a file holds is removed)`
    : ` (replaces all: every ${what} a file holds is removed)`;
}

function element(field: EditableFieldName): string {
  if (field === 'labels') return 'label';
  if (field === 'assetIds') return 'asset id';
  return 'security category';
}
