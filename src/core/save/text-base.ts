/** What a text base needs of its record kind (see RecordKind): the version, where a document holds it, its key. */
export interface Versioned<R> {
  readonly version: (record: R) => number;
  readonly document: { readonly versionField: string; readonly keyOf: (element: unknown) => string | undefined };
}

/** Enough for a save, a reload and a compare in between. */
const EARLIER_KEPT = 4;

/**
 * What a save of one open document diffs against. The rule: the base describes what the text shows,
 * never a record the text was not rendered from. A record CDF answers with can hold someone else's
 * change (a merged save, a bulk action); until the editor has read it, the text lacks that change,
 * and a save diffed against it would remove that change. The next save's re-read and three-way merge
 * bring such a change in instead.
 */
export class TextBase<R> {
  /** A newer record from CDF that the text does not show yet: the next read renders it and makes it the base. */
  private newer: R | undefined;
  /**
   * Earlier bases, newest last. A read does not always replace the editor's text (VS Code's "Compare"
   * of a "file is newer" save reads the file while the edited text stays), so a save picks the base
   * whose lastUpdatedTime the text holds.
   */
  private earlier: R[] = [];

  /** `record`: what the text was rendered from. */
  constructor(
    private readonly kind: Versioned<R>,
    private record: R,
    public fetchedAt = Date.now(),
  ) {}

  /** The record the text shows (the live preview and problems diff against it). */
  get current(): R {
    return this.record;
  }

  /** The newest record known: what a read returns, and what the file's stat describes. */
  get latest(): R {
    return this.newer ?? this.record;
  }

  get hasNewer(): boolean {
    return this.newer !== undefined;
  }

  /** The text was replaced by the rendering of `record` (a read): from now on it is the base. */
  shows(record: R): R {
    this.earlier = [...this.earlier, this.record].slice(-EARLIER_KEPT);
    this.record = record;
    this.newer = undefined;
    this.fetchedAt = Date.now();
    return record;
  }

  /** The editor's next read renders the latest record. */
  read(): R {
    return this.newer ? this.shows(this.newer) : this.record;
  }

  /** A save wrote a text that shows `shown`; CDF now holds `record` (different when it was merged). */
  saved(shown: R, record: R, sameText: boolean): void {
    this.shows(sameText ? record : shown);
    if (!sameText) this.newer = record;
  }

  /**
   * CDF holds `record` (a save elsewhere, a bulk action): the text shows it only once the editor
   * reads it. False, and nothing learned, when it is not newer than the newest known.
   */
  learned(record: R): boolean {
    if (this.kind.version(record) <= this.kind.version(this.latest)) return false;
    this.newer = record;
    return true;
  }

  /**
   * The base of `text`: the current one, or, when the text holds another version (an older
   * rendering saved with "Overwrite" after a "Compare" read the newer record), the latest earlier base
   * with that version. An unknown version keeps the current base; validation then refuses the stale text.
   */
  baseFor(text: string): R {
    return this.baseAt(versionIn(this.kind, parse(text)));
  }

  /** {@link baseFor} of a text that holds `shows` as its version (an element of a selection). */
  baseAt(shows: number | undefined): R {
    if (shows === undefined || shows === this.kind.version(this.record)) return this.record;
    return [...this.earlier].reverse().find((r) => this.kind.version(r) === shows) ?? this.record;
  }
}

/** The version each element of a selection text holds, by the kind's key (keys that appear once). */
export function versionsByKey<R>(kind: Versioned<R>, text: string): Map<string, number> {
  const doc = parse(text);
  const versions = new Map<string, number>();
  if (!Array.isArray(doc)) return versions;
  const seen = new Set<string>();
  for (const element of doc as unknown[]) {
    const key = kind.document.keyOf(element);
    const version = versionIn(kind, element);
    if (key === undefined) continue;
    // A repeated key is refused by the save; none of its versions is the text's.
    if (seen.has(key)) versions.delete(key);
    else if (version !== undefined) versions.set(key, version);
    seen.add(key);
  }
  return versions;
}

/** The position of each element of a selection text, by the kind's key (the first element naming it). */
export function elementIndexesByKey<R>(kind: Versioned<R>, text: string): Map<string, number> {
  const doc = parse(text);
  const at = new Map<string, number>();
  if (!Array.isArray(doc)) return at;
  (doc as unknown[]).forEach((element, index) => {
    const key = kind.document.keyOf(element);
    if (key !== undefined && !at.has(key)) at.set(key, index);
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

function versionIn<R>(kind: Versioned<R>, doc: unknown): number | undefined {
  const field = kind.document.versionField;
  const version = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>)[field] : undefined;
  return typeof version === 'number' ? version : undefined;
}
