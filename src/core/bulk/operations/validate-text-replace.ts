import * as l10n from '@vscode/l10n';
import { fieldOf, type BulkKind } from '../bulk-kind';
import { checkRegex, checkRegexFlags } from './parameters';
import { actionProblem, type ActionProblem } from '../../problems';

type Loose = Record<string, unknown>;

/** The fields of a kind a find-and-replace may change: those of field kind `text`. */
export const textFields = <R extends object, U>(kind: BulkKind<R, U>): string[] =>
  kind.fields.filter((f) => f.kind.name === 'text').map((f) => f.name);

/**
 * `textReplace`: `fields` a non-empty list of the kind's text fields (a read-only, unknown or
 * non-text one is named), `find` non-empty text or a valid regular expression with valid flags,
 * `replacement` a string (what it makes of each value is checked per record, as any value is).
 */
export function validateTextReplace<R extends object, U>(kind: BulkKind<R, U>, o: Loose): ActionProblem[] {
  return [...validateFields(kind, o.fields), ...validateFindAndReplacement(o, 'textReplace')];
}

function validateFields<R extends object, U>(kind: BulkKind<R, U>, fields: unknown): ActionProblem[] {
  const allowed = textFields(kind);
  if (!Array.isArray(fields) || fields.length === 0)
    return [
      shape(
        'fields',
        l10n.t('"textReplace" needs "fields": a non-empty list of text fields ({0})', allowed.join(', ')),
      ),
    ];
  return fields.flatMap((field, i) => {
    if (typeof field !== 'string') return [shape(`fields[${i}]`, l10n.t('A field is named by a string'))];
    const readOnly = kind.readOnlyReason(field);
    if (readOnly) return [actionProblem('not-allowed', `fields[${i}]`, l10n.t('read-only field'), readOnly)];
    if (!fieldOf(kind, field) || !allowed.includes(field))
      return [
        actionProblem(
          'not-allowed',
          `fields[${i}]`,
          l10n.t('not a text field'),
          l10n.t('Find and replace changes text fields ({0}), not "{1}"', allowed.join(', '), field),
        ),
      ];
    return [];
  });
}

/**
 * `find`, `regex`, `flags` and `replacement` of a find-and-replace (`textReplace` in text fields,
 * `metadataReplace` in metadata values): the same rules for both, the operation named in the words.
 */
export function validateFindAndReplacement(o: Loose, op: 'textReplace' | 'metadataReplace'): ActionProblem[] {
  const problems: ActionProblem[] = [];
  if (o.regex !== undefined && typeof o.regex !== 'boolean')
    problems.push(shape('regex', l10n.t('"regex" is true or false')));
  if (o.flags !== undefined && typeof o.flags !== 'string')
    problems.push(shape('flags', l10n.t('"flags" is a string')));
  if (typeof o.find !== 'string') problems.push(shape('find', l10n.t('"{0}" needs "find": the text to look for', op)));
  else if (o.regex === true) {
    const flags = typeof o.flags === 'string' ? o.flags : '';
    const flagsMessage = checkRegexFlags(flags);
    const message = flagsMessage ?? checkRegex(o.find, flags);
    if (message)
      problems.push(
        actionProblem('parameter', flagsMessage ? 'flags' : 'find', l10n.t('invalid regular expression'), message),
      );
  } else if (o.find.length === 0)
    problems.push(
      actionProblem('parameter', 'find', l10n.t('empty search text'), l10n.t('The text to find cannot be empty')),
    );
  else if (o.flags)
    problems.push(
      actionProblem('parameter', 'flags', l10n.t('flags without regex'), l10n.t('Flags apply only with "regex": true')),
    );
  if (typeof o.replacement !== 'string')
    problems.push(shape('replacement', l10n.t('"{0}" needs "replacement" (it may be empty)', op)));
  return problems;
}

const shape = (where: string, message: string): ActionProblem =>
  actionProblem('shape', where, l10n.t('malformed operation'), message);
