import * as l10n from '@vscode/l10n';
import {
  EDITABLE_FIELDS,
  EDITABLE_FIELD_NAMES,
  INSTANCE_LINKED_UPDATABLE,
  nameNotUpdatable,
  type FileRecord,
} from '../../cdf/model';
import { jsonPreview, quote } from '../document';
import { kindOf, sameValue } from '../fields';
import type { JsonPath } from '../json-path';
import { documentProblem, type DocumentProblem } from '../problems';

/** The classic file's own document rules, beyond each field's schema. */

/** `files/update` cannot rename: a changed `name` says how to rename instead. */
export function nameProblem(base: FileRecord, value: unknown): DocumentProblem | undefined {
  if (sameValue(value, base.name)) return undefined;
  return documentProblem(
    ['name'],
    'name-not-updatable',
    l10n.t('{0} The name was {1}.', nameNotUpdatable(), quote(base.name, 80)),
  );
}

/** A file linked to a data modelling instance can change only the fields of `DMSFileChange`. */
export function instanceLinkedProblems(
  base: FileRecord,
  doc: Readonly<Record<string, unknown>>,
  invalidFields: ReadonlySet<string>,
): DocumentProblem[] {
  const instance = base.instanceId!;
  const problems: DocumentProblem[] = [];
  for (const name of EDITABLE_FIELD_NAMES) {
    if (EDITABLE_FIELDS[name].instanceLinkedMayChange || invalidFields.has(name)) continue;
    const value = doc[name];
    if (kindOf(name).same(base[name], value)) continue;
    const path: JsonPath = [name];
    problems.push(
      documentProblem(
        path,
        'instance-linked',
        l10n.t(
          'This file is linked to the data modelling instance {0}/{1}, so {2} cannot be changed here; put back {3}. A linked file can change only {4}.',
          quote(instance.space),
          quote(instance.externalId),
          name,
          jsonPreview(base[name]),
          INSTANCE_LINKED_UPDATABLE.join(', '),
        ),
      ),
    );
  }
  return problems;
}
