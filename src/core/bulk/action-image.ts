import { EDITABLE_FIELDS, EDITABLE_FIELD_NAMES, type FileRecord } from '../../cdf/model';
import { sameFieldValue } from '../field-values';
import { draftOf, elementKey, type Draft } from './compile-action';
import { ownValue, putOwn } from './own-keys';

/**
 * The action's after-image of one file: `before` with only the elements the action wrote changed.
 * Which elements it wrote comes from `before` vs the `planned` after-image (what the update sends),
 * never from the record CDF returned: that record also holds whatever other people wrote between
 * the read and the send (another field, another metadata key), and undo restores every element the
 * after-image changes, so it would revert their work. The returned record, when there is one, only
 * gives those elements' values (what CDF stored, should it normalise a value).
 */
export function actionAfterImage(before: FileRecord, planned: FileRecord, returned?: FileRecord): FileRecord {
  if (!returned) return planned;
  const image: Draft = draftOf(before);
  const fields = image as Record<string, unknown>;
  for (const name of EDITABLE_FIELD_NAMES) {
    if (sameFieldValue(name, before[name], planned[name])) continue;
    switch (EDITABLE_FIELDS[name].kind) {
      case 'scalar':
        if (returned[name] === undefined) delete fields[name];
        else fields[name] = returned[name];
        break;
      case 'metadata':
        image.metadata = writtenMetadata(before.metadata ?? {}, planned.metadata ?? {}, returned.metadata ?? {});
        break;
      case 'idSet':
      case 'labels':
        fields[name] = writtenElements(
          (before[name] ?? []) as unknown[],
          (planned[name] ?? []) as unknown[],
          (returned[name] ?? []) as unknown[],
        );
        break;
    }
  }
  return image as FileRecord;
}

function writtenMetadata(
  before: Record<string, string>,
  planned: Record<string, string>,
  returned: Record<string, string>,
): Record<string, string> {
  const out = { ...before };
  for (const key of new Set([...Object.keys(before), ...Object.keys(planned)])) {
    if (ownValue(before, key) === ownValue(planned, key)) continue;
    const value = ownValue(returned, key);
    if (value === undefined) delete out[key];
    else putOwn(out, key, value);
  }
  return out;
}

/** `before`'s elements, with the membership of each element the action added or removed as returned. */
function writtenElements(before: unknown[], planned: unknown[], returned: unknown[]): unknown[] {
  const inBefore = new Set(before.map(elementKey));
  const inPlanned = new Set(planned.map(elementKey));
  const written = new Set([...inBefore, ...inPlanned].filter((k) => inBefore.has(k) !== inPlanned.has(k)));
  const inReturned = new Map(returned.map((e) => [elementKey(e), e]));
  const kept = before.filter((e) => !written.has(elementKey(e)) || inReturned.has(elementKey(e)));
  const added = [...written].filter((k) => !inBefore.has(k) && inReturned.has(k)).map((k) => inReturned.get(k));
  return [...kept, ...added];
}
