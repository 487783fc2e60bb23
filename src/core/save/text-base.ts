import type { FileRecord } from '../../cdf/model';

/** Enough for a save, a reload and a compare in between. */
const EARLIER_KEPT = 4;

/**
 * What a save of one open document diffs against. The rule: the base describes what the text shows,
 * never a record the text was not rendered from. A record CDF answers with can hold someone else's
 * change (a merged save, a bulk action); until the editor has read it, the text lacks that change,
 * and a save diffed against it would remove that change. The next save's re-read and three-way merge
 * bring such a change in instead.
 */
export class TextBase {
  /** A newer record from CDF that the text does not show yet: the next read renders it and makes it the base. */
  private newer: FileRecord | undefined;
  /**
   * Earlier bases, newest last. A read does not always replace the editor's text (VS Code's "Compare"
   * of a "file is newer" save reads the file while the edited text stays), so a save picks the base
   * whose lastUpdatedTime the text holds.
   */
  private earlier: FileRecord[] = [];

  /** `record`: what the text was rendered from. */
  constructor(
    private record: FileRecord,
    public fetchedAt = Date.now(),
  ) {}

  /** The record the text shows (the live preview and problems diff against it). */
  get current(): FileRecord {
    return this.record;
  }

  /** The newest record known: what a read returns, and what the file's stat describes. */
  get latest(): FileRecord {
    return this.newer ?? this.record;
  }

  get hasNewer(): boolean {
    return this.newer !== undefined;
  }

  /** The text was replaced by the rendering of `record` (a read): from now on it is the base. */
  shows(record: FileRecord): FileRecord {
    this.earlier = [...this.earlier, this.record].slice(-EARLIER_KEPT);
    this.record = record;
    this.newer = undefined;
    this.fetchedAt = Date.now();
    return record;
  }

  /** The editor's next read renders the latest record. */
  read(): FileRecord {
    return this.newer ? this.shows(this.newer) : this.record;
  }

  /** A save wrote a text that shows `shown`; CDF now holds `record` (different when it was merged). */
  saved(shown: FileRecord, record: FileRecord, sameText: boolean): void {
    this.shows(sameText ? record : shown);
    if (!sameText) this.newer = record;
  }

  /**
   * CDF holds `record` (a save elsewhere, a bulk action): the text shows it only once the editor
   * reads it. False, and nothing learned, when it is not newer than the newest known.
   */
  learned(record: FileRecord): boolean {
    if (record.lastUpdatedTime <= this.latest.lastUpdatedTime) return false;
    this.newer = record;
    return true;
  }

  /**
   * The base of `text`: the current one, or, when the text holds another lastUpdatedTime (an older
   * rendering saved with "Overwrite" after a "Compare" read the newer record), the latest earlier base
   * with that time. An unknown time keeps the current base; validation then refuses the stale text.
   */
  baseFor(text: string): FileRecord {
    return this.baseAt(lastUpdatedTimeOf(text));
  }

  /** {@link baseFor} of a text that holds `shows` as its lastUpdatedTime (an element of a selection). */
  baseAt(shows: number | undefined): FileRecord {
    if (shows === undefined || shows === this.record.lastUpdatedTime) return this.record;
    return [...this.earlier].reverse().find((r) => r.lastUpdatedTime === shows) ?? this.record;
  }
}

function lastUpdatedTimeOf(text: string): number | undefined {
  return timeOf(parse(text));
}

/** The lastUpdatedTime of each element of a selection text, by id (ids that appear once). */
export function lastUpdatedTimesById(text: string): Map<number, number> {
  const doc = parse(text);
  const times = new Map<number, number>();
  if (!Array.isArray(doc)) return times;
  const seen = new Set<number>();
  for (const element of doc as unknown[]) {
    const id = typeof element === 'object' && element !== null ? (element as { id?: unknown }).id : undefined;
    const time = timeOf(element);
    if (typeof id !== 'number') continue;
    // A repeated id is refused by the save; none of its times is the text's.
    if (seen.has(id)) times.delete(id);
    else if (time !== undefined) times.set(id, time);
    seen.add(id);
  }
  return times;
}

/** The position of each element of a selection text, by its id (the first element naming it). */
export function elementIndexesById(text: string): Map<number, number> {
  const doc = parse(text);
  const at = new Map<number, number>();
  if (!Array.isArray(doc)) return at;
  (doc as unknown[]).forEach((element, index) => {
    const id = typeof element === 'object' && element !== null ? (element as { id?: unknown }).id : undefined;
    if (typeof id === 'number' && !at.has(id)) at.set(id, index);
  });
  return at;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // the save's own parse reports it, at its place
  }
}

function timeOf(doc: unknown): number | undefined {
  const time =
    typeof doc === 'object' && doc !== null ? (doc as { lastUpdatedTime?: unknown }).lastUpdatedTime : undefined;
  return typeof time === 'number' ? time : undefined;
}
