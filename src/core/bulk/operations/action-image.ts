import { ownField, putField } from '../../fields';
import type { BulkKind } from '../bulk-kind';

/**
 * The action's after-image of one record: `before` with only the elements the action wrote changed.
 * Which elements it wrote comes from `before` vs the `planned` after-image (what the update sends),
 * never from the record CDF returned: that record also holds whatever other people wrote between
 * the read and the send (another field, another metadata key), and undo restores every element the
 * after-image changes, so it would revert their work. The returned record, when there is one, only
 * gives those elements' values (what CDF stored, should it normalise a value).
 */
export function actionAfterImage<R extends object, U>(kind: BulkKind<R, U>, before: R, planned: R, returned?: R): R {
  if (!returned) return planned;
  const image = { ...before } as Record<string, unknown>;
  for (const field of kind.fields) {
    const [was, is, got] = [before, planned, returned].map((r) => ownField(r, field.name));
    // The same value (a field the plan left as it was) is the same: no element maps built for it.
    if (was !== is && !field.kind.same(was, is)) putField(image, field, field.kind.written(was, is, got));
  }
  return image as R;
}
