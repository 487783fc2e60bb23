import type { ActionEntry } from '..';
import type { BulkActionRecord } from './bulk-history';
import { hasImageText, imageText } from './image-texts';
import { saveAction, savedHead } from './saved-action';

/**
 * `JSON.stringify(saveAction(record))`, the same text byte for byte (so `restoreAction` reads it as
 * it always did), made from each image's cached text (see image-texts.ts): a save whose images'
 * texts were made ahead only joins them, instead of stringifying 20,000 records again.
 */
export function savedActionText<R extends object, U>(record: BulkActionRecord<R, U>): string {
  // Stringified one by one, images cost about twice what one whole stringify does: mostly new ones, whole.
  if (!mostlyMade(record)) return JSON.stringify(saveAction(record));
  const head = JSON.stringify(savedHead(record));
  // Appended (a rope, flattened once where it is written): cheaper than an array of 20,000 joined.
  let entries = '';
  for (const [key, entry] of record.entries)
    entries += `${entries ? ',' : ''}[${JSON.stringify(key)},${entryText(entry)}]`;
  return `${head.slice(0, -1)},"entries":[${entries}],"reportTexts":${JSON.stringify(record.reportTexts)}}`;
}

/** Entries looked at to tell whether most images' texts are made (evenly spread: chunks are made in order). */
const SAMPLE = 64;

function mostlyMade<R extends object, U>(record: BulkActionRecord<R, U>): boolean {
  const size = record.entries.size;
  if (size === 0) return true;
  const step = Math.max(1, Math.floor(size / SAMPLE));
  let [seen, made, i] = [0, 0, 0];
  for (const { before, after } of record.entries.values()) {
    if (i++ % step !== 0) continue;
    seen += 2;
    made += Number(hasImageText(before)) + Number(hasImageText(after));
  }
  // Three in four at least: the join saves less than stringifying the rest one by one costs.
  return 4 * made >= 3 * seen;
}

/** An entry as `JSON.stringify` writes it, its images from the cache; an entry of another shape whole. */
function entryText(entry: ActionEntry<object>): string {
  const keys = Object.keys(entry);
  const usual = keys.length === 3 && keys[0] === 'outcome' && keys[1] === 'before' && keys[2] === 'after';
  const [before, after] = usual ? [imageOf(entry.before), imageOf(entry.after)] : [];
  if (before === undefined || after === undefined || typeof entry.outcome !== 'string') return JSON.stringify(entry);
  return `{"outcome":${JSON.stringify(entry.outcome)},"before":${before},"after":${after}}`;
}

/** An image's text when it is a plain object (not an array, nothing `toJSON` would turn into another value). */
const imageOf = (image: unknown): string | undefined =>
  typeof image === 'object' && image !== null && !Array.isArray(image) && !('toJSON' in image)
    ? imageText(image)
    : undefined;
