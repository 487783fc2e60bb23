import { ownField, putField, sameValue, type RecordField } from '../../fields';
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
  return imageOf(before, writtenFields(kind, before, planned), planned, returned);
}

/** The fields the plan changes (a field the plan left as it was, the same value, is skipped without building its element maps). */
function writtenFields<R extends object, U>(kind: BulkKind<R, U>, before: R, planned: R): RecordField[] {
  return kind.fields.filter((field) => {
    const [was, is] = [ownField(before, field.name), ownField(planned, field.name)];
    return was !== is && !field.kind.same(was, is);
  });
}

function imageOf<R extends object>(before: R, fields: readonly RecordField[], planned: R, returned: R): R {
  const image = { ...before } as Record<string, unknown>;
  for (const field of fields) {
    const [was, is, got] = [before, planned, returned].map((r) => ownField(r, field.name));
    putField(image, field, field.kind.written(was, is, got));
  }
  return image as R;
}

interface Ahead<R> {
  before: R;
  fields: readonly RecordField[];
  /** The after-image when CDF returns the planned value of every written field. */
  image: R;
}

/**
 * After-images worked out ahead. A run knows each chunk's plan before it sends it, and CDF almost
 * always stores exactly the planned values, so the image can be computed while the chunk's request
 * is on the wire (`expect`); once the answer is in (`of`), checking that the returned record holds
 * the planned value of each written field is enough to take it. A record where one differs (CDF
 * normalised a value) has its image computed from what CDF returned, as `actionAfterImage` does.
 * WHY: computed all at once after the last answer, a 20,000-record job's images held up its report
 * by a quarter of a second. The result is `actionAfterImage`'s, as a JSON value.
 */
export class AfterImages<R extends object, U> {
  /** By the planned after-image: a plan made again makes a new one, so a stale image is never found. */
  private readonly ahead = new WeakMap<R, Ahead<R>>();

  constructor(private readonly kind: BulkKind<R, U>) {}

  expect(before: R, planned: R): void {
    if (before === planned || this.ahead.get(planned)?.before === before) return;
    const fields = writtenFields(this.kind, before, planned);
    this.ahead.set(planned, { before, fields, image: imageOf(before, fields, planned, planned) });
  }

  of(before: R, planned: R, returned?: R): R {
    if (!returned) return planned;
    const ahead = this.ahead.get(planned);
    if (ahead?.before === before && holdsPlanned(ahead.fields, planned, returned)) return ahead.image;
    return actionAfterImage(this.kind, before, planned, returned);
  }
}

/** CDF's answer holds the planned value of each written field (a loop: this runs once per applied record). */
function holdsPlanned<R extends object>(fields: readonly RecordField[], planned: R, returned: R): boolean {
  for (const field of fields)
    if (!sameValue(ownField(planned, field.name), ownField(returned, field.name))) return false;
  return true;
}
