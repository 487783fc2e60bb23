import * as l10n from '@vscode/l10n';
import { fieldOf, type BulkKind } from '../bulk-kind';
import { normalizeDirectory } from './directory-move';
import { DIRECTORY_FIELD, METADATA_FIELD, OPERATION_KINDS, isSetLikeField, type BulkOperation } from './operations';
import { checkMetadataKey, checkMetadataValue } from './parameters';
import { actionProblem, type ActionProblem } from '../../problems';
import { validateFindAndReplacement, validateTextReplace } from './validate-text-replace';

type Loose = Record<string, unknown>;
type AnyKind = BulkKind<object, unknown>;
/** The parameters each operation takes; anything else is a typo worth reporting. */
const PARAMETERS: Record<BulkOperation['op'], readonly string[]> = {
  set: ['field', 'value'],
  clear: ['field'],
  add: ['field', 'values'],
  remove: ['field', 'values'],
  metadataAdd: ['key', 'value'],
  metadataRemove: ['key'],
  metadataRenameKey: ['from', 'to', 'ifTargetExists'],
  metadataReplace: ['find', 'replacement', 'regex', 'flags', 'keys'],
  directoryMove: ['from', 'to'],
  textReplace: ['fields', 'find', 'replacement', 'regex', 'flags'],
};

/**
 * Everything wrong with one operation before anything is sent, one problem per parameter at fault
 * (`where` names it). Accepts any JSON (a wizard, a file). Warnings (`severity: 'warning'`) do not block.
 */
export function validateOperation<R extends object, U>(recordKindArg: BulkKind<R, U>, op: unknown): ActionProblem[] {
  if (!op || typeof op !== 'object' || Array.isArray(op))
    return [shape('operation', l10n.t('An operation must be an object with an "op" property'))];
  const o = op as Loose;
  const recordKind = recordKindArg;
  const kind = o.op;
  // Own keys only: an op named "toString" is unknown, not the prototype's function.
  if (typeof kind !== 'string' || !Object.hasOwn(PARAMETERS, kind))
    return [
      shape(
        'op',
        l10n.t('Unknown operation {0}; expected one of {1}', JSON.stringify(kind), OPERATION_KINDS.join(', ')),
      ),
    ];
  const allowed = ['op', ...PARAMETERS[kind as BulkOperation['op']]];
  const extra = Object.keys(o)
    .filter((k) => !allowed.includes(k))
    .map((k) =>
      shape(k, l10n.t('"{0}" takes no parameter "{1}" (it takes {2})', kind, k, allowed.slice(1).join(', '))),
    );
  return [...extra, ...validateParameters(recordKind as AnyKind, kind as BulkOperation['op'], o)];
}

/** {@link validateOperation} for a whole action; each problem carries the index of its operation. */
export function validateOperations<R extends object, U>(kind: BulkKind<R, U>, ops: unknown): ActionProblem[] {
  if (!Array.isArray(ops)) return [shape('operations', l10n.t('An action is a list of operations'))];
  if (ops.length === 0) return [shape('operations', l10n.t('An action needs at least one operation'))];
  return ops.flatMap((op, operation) => validateOperation(kind, op).map((p) => ({ ...p, operation })));
}

function validateParameters(record: AnyKind, kind: BulkOperation['op'], o: Loose): ActionProblem[] {
  switch (kind) {
    case 'set':
    case 'clear':
    case 'add':
    case 'remove':
      return validateFieldOperation(record, kind, o);
    case 'directoryMove':
      return needsField(record, DIRECTORY_FIELD, kind) ?? validateMove(record, o);
    case 'textReplace':
      return validateTextReplace(record, o);
    default:
      return needsField(record, METADATA_FIELD, kind) ?? validateMetadata(kind, o);
  }
}

function validateMetadata(
  kind: Exclude<BulkOperation['op'], 'set' | 'clear' | 'add' | 'remove' | 'directoryMove' | 'textReplace'>,
  o: Loose,
) {
  switch (kind) {
    case 'metadataAdd':
      return [...key(o, 'key'), ...stringParam(o, 'value', checkMetadataValue)];
    case 'metadataRemove':
      return key(o, 'key');
    case 'metadataRenameKey':
      return validateRename(o);
    case 'metadataReplace':
      return validateReplace(o);
  }
}

/** An operation on a field this record kind does not have (metadata, directory) is refused by name. */
function needsField(record: AnyKind, name: string, op: string): ActionProblem[] | undefined {
  if (fieldOf(record, name)) return undefined;
  return [
    actionProblem(
      'not-allowed',
      'op',
      l10n.t('unknown field'),
      l10n.t('"{0}" needs a field "{1}", which this record kind does not have', op, name),
    ),
  ];
}

function validateFieldOperation(record: AnyKind, kind: 'set' | 'clear' | 'add' | 'remove', o: Loose): ActionProblem[] {
  const field = o.field;
  if (typeof field !== 'string')
    return [shape('field', l10n.t('"{0}" needs a "field": the name of the field to change', kind))];
  const readOnly = record.readOnlyReason(field);
  if (readOnly) return [actionProblem('not-allowed', 'field', l10n.t('read-only field'), readOnly)];
  const spec = fieldOf(record, field);
  if (!spec)
    return [actionProblem('not-allowed', 'field', l10n.t('unknown field'), l10n.t('There is no field "{0}"', field))];

  if (kind === 'clear') return [];
  if (kind === 'set') {
    if (o.value === null || o.value === undefined)
      return [shape('value', l10n.t('"set" needs a "value"; to unset {0}, use "clear"', field))];
    const message = record.checkValue(field, o.value);
    if (message) return [actionProblem('parameter', 'value', l10n.t('invalid {0}', field), message)];
    if (record.uniqueFields.includes(field))
      return [
        actionProblem(
          'parameter',
          'value',
          l10n.t('same external id for every file'),
          l10n.t('External ids are unique: with more than one target file, all but the first will be refused'),
          'warning',
        ),
      ];
    return [];
  }
  if (!isSetLikeField(record, field)) {
    const message =
      spec.kind.name === 'keyValueMap'
        ? l10n.t('Metadata takes "metadataAdd" and "metadataRemove", not "{0}"', kind)
        : l10n.t('{0} holds one value: use "set" or "clear", not "{1}"', field, kind);
    return [actionProblem('not-allowed', 'field', l10n.t('{0} on a single-valued field', kind), message)];
  }
  const values = o.values;
  if (!Array.isArray(values) || values.length === 0)
    return [
      shape(
        'values',
        spec.kind.name === 'labels'
          ? l10n.t('"{0}" needs "values": a non-empty list of labels', kind)
          : l10n.t('"{0}" needs "values": a non-empty list of ids', kind),
      ),
    ];
  const problems = values.flatMap((v, i) => {
    const message = spec.kind.members?.check(v);
    return message ? [actionProblem('parameter', `values[${i}]`, l10n.t('invalid {0} value', field), message)] : [];
  });
  if (problems.length === 0 && kind === 'add') {
    const tooMany = record.checkValue(field, values);
    if (tooMany) problems.push(actionProblem('limit', 'values', l10n.t('too many {0}', field), tooMany));
  }
  return problems;
}

function validateRename(o: Loose): ActionProblem[] {
  const problems = [...key(o, 'from'), ...key(o, 'to')];
  if (problems.length === 0 && o.from === o.to)
    problems.push(
      actionProblem('parameter', 'to', l10n.t('rename onto itself'), l10n.t('The new key is the same as the old one')),
    );
  if (o.ifTargetExists !== undefined && o.ifTargetExists !== 'refuse' && o.ifTargetExists !== 'overwrite')
    problems.push(shape('ifTargetExists', l10n.t('"ifTargetExists" is "refuse" or "overwrite"')));
  return problems;
}

function validateReplace(o: Loose): ActionProblem[] {
  const problems = validateFindAndReplacement(o, 'metadataReplace');
  if (typeof o.replacement === 'string') {
    const message = checkMetadataValue(o.replacement);
    if (message) problems.push(actionProblem('parameter', 'replacement', l10n.t('replacement too long'), message));
  }
  if (o.keys !== undefined) {
    if (!Array.isArray(o.keys) || o.keys.length === 0)
      problems.push(
        shape('keys', l10n.t('"keys" is a non-empty list of metadata keys; leave it out to search every key')),
      );
    else
      o.keys.forEach((k, i) => {
        const message = typeof k === 'string' ? checkMetadataKey(k) : l10n.t('A metadata key is a string');
        if (message) problems.push(actionProblem('parameter', `keys[${i}]`, l10n.t('invalid metadata key'), message));
      });
  }
  return problems;
}

function validateMove(record: AnyKind, o: Loose): ActionProblem[] {
  const checkDirectory = (path: string) => record.checkValue(DIRECTORY_FIELD, path);
  const problems = [...stringParam(o, 'from', checkDirectory), ...stringParam(o, 'to', checkDirectory)];
  if (problems.length === 0 && normalizeDirectory(o.from as string) === normalizeDirectory(o.to as string))
    problems.push(
      actionProblem(
        'parameter',
        'to',
        l10n.t('move onto itself'),
        l10n.t('The new directory is the same as the old one'),
      ),
    );
  return problems;
}

function key(o: Loose, name: string): ActionProblem[] {
  return stringParam(o, name, checkMetadataKey, l10n.t('invalid metadata key'));
}

function stringParam(
  o: Loose,
  name: string,
  check: (s: string) => string | undefined,
  reason = l10n.t('invalid {0}', name),
): ActionProblem[] {
  const value = o[name];
  if (typeof value !== 'string') return [shape(name, l10n.t('"{0}" needs "{1}" as a string', String(o.op), name))];
  const message = check(value);
  return message ? [actionProblem('parameter', name, reason, message)] : [];
}

function shape(where: string, message: string): ActionProblem {
  return actionProblem('shape', where, l10n.t('malformed operation'), message);
}
