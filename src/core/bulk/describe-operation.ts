import type { BulkOperation, SetLikeField } from './operations';
import type { ReferenceNames } from './preview';
import { replaceAllNote } from './replace-all-note';

/**
 * An operation in words, as the wizard lists it and the preview heads it: `set dataSetId = 43 (Plant B)`,
 * `add labels pump (Pump)`, `metadata rev = "B"`. Names stand beside the ids they are known for.
 */
export function describeOperation(op: BulkOperation, names: ReferenceNames = {}): string {
  switch (op.op) {
    case 'set': {
      const dataSet =
        op.field === 'dataSetId' && typeof op.value === 'number' ? names.dataSets?.get(op.value) : undefined;
      return `set ${op.field} = ${JSON.stringify(op.value)}${dataSet ? ` (${dataSet})` : ''}${replaceAllNote('set', op.field)}`;
    }
    case 'clear':
      return `clear ${op.field}${replaceAllNote('clear', op.field)}`;
    case 'add':
    case 'remove':
      return `${op.op} ${op.field} ${op.values.map((v: unknown) => named(op.field, v, names)).join(', ')}`;
    case 'metadataAdd':
      return `metadata ${op.key} = "${op.value}"`;
    case 'metadataRemove':
      return `remove metadata ${op.key}`;
    case 'metadataRenameKey':
      return `rename metadata ${op.from} → ${op.to}`;
    case 'metadataReplace':
      return `replace "${op.find}" → "${op.replacement}" in metadata values`;
    case 'directoryMove':
      return `move ${op.from} → ${op.to}`;
  }
}

/** An asset id or a label with its name; a security category has none to show. */
function named(field: SetLikeField, value: unknown, names: ReferenceNames): string {
  if (field === 'labels') {
    const externalId = (value as { externalId: string }).externalId;
    const name = names.labels?.get(externalId);
    return name && name !== externalId ? `${externalId} (${name})` : externalId;
  }
  const name = field === 'assetIds' && typeof value === 'number' ? names.assets?.get(value) : undefined;
  return name ? `${String(value)} (${name})` : String(value);
}
