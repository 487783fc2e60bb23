import * as l10n from '@vscode/l10n';
import { ownValue, putOwn } from '../../fields';
import { requireField, type BulkKind } from '../bulk-kind';
import { moveDirectory } from './directory-move';
import type {
  AddElementsOperation,
  BulkOperation,
  MetadataRenameKeyOperation,
  MetadataReplaceOperation,
  RemoveElementsOperation,
  TextReplaceOperation,
} from './operations';
import { regexFlags } from './parameters';
import { actionProblem, hasErrors, type ActionProblem } from '../../problems';
import { validateOperations } from './validate-operation';

/**
 * A record being transformed: a shallow copy whose `metadata` and array fields are copies too, so a
 * step may change them in place. Absent means unset.
 */
export type Draft = Record<string, unknown> & { metadata?: Record<string, string> };

/** One operation, ready to run on a record; returns a problem when this record must be refused. */
type Step = (draft: Draft) => ActionProblem | undefined;

/** A validated action: its operations, compiled once (regexes included) and run for every record. */
export interface CompiledAction {
  readonly operations: readonly BulkOperation[];
  readonly steps: readonly Step[];
  /** Non-blocking problems found while validating. */
  readonly warnings: readonly ActionProblem[];
}

export type CompileResult = { ok: true; action: CompiledAction } | { ok: false; problems: ActionProblem[] };

export function compileAction<R extends object, U>(kind: BulkKind<R, U>, operations: unknown): CompileResult {
  const problems = validateOperations(kind, operations);
  if (hasErrors(problems)) return { ok: false, problems };
  const ops = operations as BulkOperation[];
  const steps = ops.map((op, index) => withIndex(compileStep(kind as AnyKind, op), index));
  return { ok: true, action: { operations: ops, steps, warnings: problems } };
}

export class InvalidActionError extends Error {
  constructor(readonly problems: ActionProblem[]) {
    super(l10n.t('Invalid bulk action: {0}', problems.map((p) => p.message).join('; ')));
    this.name = 'InvalidActionError';
  }
}

/** Callers that validated up front may pass plain operations; an invalid action is a programming error. */
export function toCompiledAction<R extends object, U>(
  kind: BulkKind<R, U>,
  action: CompiledAction | readonly BulkOperation[],
): CompiledAction {
  if (!Array.isArray(action)) return action as CompiledAction;
  const result = compileAction(kind, action);
  if (!result.ok) throw new InvalidActionError(result.problems);
  return result.action;
}

/** The copy a step may change in place. */
export function draftOf(record: object): Draft {
  const draft: Draft = { ...(record as Draft) };
  if (draft.metadata) draft.metadata = { ...draft.metadata };
  for (const [key, value] of Object.entries(draft)) if (Array.isArray(value)) draft[key] = [...(value as unknown[])];
  return draft;
}

function withIndex(step: Step, operation: number): Step {
  return (draft) => {
    const p = step(draft);
    return p && { ...p, operation };
  };
}

type AnyKind = BulkKind<object, unknown>;

function compileStep(record: AnyKind, op: BulkOperation): Step {
  switch (op.op) {
    case 'set': {
      // The kind's own copy: a set's members each once, a map's keys all own.
      const kind = requireField(record, op.field).kind;
      const elements = kind.elements(op.value);
      return (d) => void ((d as Record<string, unknown>)[op.field] = kind.withChanges(undefined, elements));
    }
    case 'clear':
      return (d) => void delete d[op.field];
    case 'add':
      return addElements(record, op);
    case 'remove':
      return removeElements(record, op);
    case 'metadataAdd':
      return (d) => void putOwn((d.metadata ??= {}), op.key, op.value);
    case 'metadataRemove':
      return (d) => void (d.metadata && delete d.metadata[op.key]);
    case 'metadataRenameKey':
      return renameKey(op);
    case 'metadataReplace':
      return replaceInValues(op);
    case 'textReplace':
      return replaceInText(op);
    case 'directoryMove':
      return (d) => {
        if (typeof d.directory !== 'string') return undefined;
        const moved = moveDirectory(d.directory, op.from, op.to);
        if (moved !== undefined) d.directory = moved;
        return undefined;
      };
  }
}

/** Adds the members the kind does not hold yet, at the end. */
function addElements(record: AnyKind, op: AddElementsOperation): Step {
  const kind = requireField(record, op.field).kind;
  const added = kind.elements(op.values);
  return (d) => void (d[op.field] = kind.withChanges(d[op.field], added));
}

function removeElements(record: AnyKind, op: RemoveElementsOperation): Step {
  const kind = requireField(record, op.field).kind;
  const removed = new Map([...kind.elements(op.values).keys()].map((k) => [k, undefined]));
  return (d) => void (d[op.field] = kind.withChanges(d[op.field], removed));
}

function renameKey(op: MetadataRenameKeyOperation): Step {
  return (d) => {
    const metadata = d.metadata;
    const value = ownValue(metadata, op.from);
    if (!metadata || value === undefined) return undefined;
    const existing = ownValue(metadata, op.to);
    if (existing !== undefined && existing !== value && op.ifTargetExists !== 'overwrite') {
      return actionProblem(
        'rename-target-exists',
        `metadata.${op.to}`,
        l10n.t('metadata key "{0}" already exists', op.to),
        l10n.t(
          'Cannot rename "{0}" to "{1}": "{1}" already holds {2} (the value of "{0}" is {3})',
          op.from,
          op.to,
          JSON.stringify(existing),
          JSON.stringify(value),
        ),
      );
    }
    delete metadata[op.from];
    putOwn(metadata, op.to, value);
    return undefined;
  };
}

function replaceInValues(op: MetadataReplaceOperation): Step {
  const replace = valueReplacer(op);
  const keys = op.keys && new Set(op.keys);
  return (d) => {
    const metadata = d.metadata;
    if (!metadata) return undefined;
    for (const [key, value] of Object.entries(metadata)) {
      if (keys && !keys.has(key)) continue;
      putOwn(metadata, key, replace(value));
    }
    return undefined;
  };
}

/** A value the replacement empties is cleared (unset), never sent as an empty text. */
function replaceInText(op: TextReplaceOperation): Step {
  const replace = valueReplacer(op);
  return (d) => {
    for (const field of op.fields) {
      const value = ownValue(d, field);
      if (typeof value !== 'string') continue;
      const replaced = replace(value);
      if (replaced === '') delete d[field];
      else putOwn(d, field, replaced);
    }
    return undefined;
  };
}

/**
 * Literal mode splits and joins, so neither `find` nor `replacement` has special characters
 * (`String.replaceAll` would still expand `$&` in the replacement).
 */
export function valueReplacer(op: Pick<MetadataReplaceOperation, 'find' | 'replacement' | 'regex' | 'flags'>) {
  if (!op.regex) return (value: string) => value.split(op.find).join(op.replacement);
  const pattern = new RegExp(op.find, regexFlags(op.flags));
  return (value: string) => value.replace(pattern, op.replacement);
}
