/**
 * Each record image's JSON text, made once per image object and reused by every later save of the
 * kept action. WHY: a 20,000-record action is about 10 MB of JSON, and it is saved before the first
 * chunk is sent and again at the end; most images are the same objects each time, so stringifying
 * them again held up the wire and the report for tens of milliseconds.
 *
 * Keyed by object identity, which is exact because an image is never changed in place: a read gives
 * new records, a plan or an after-image builds a new object (`{ ...before }`, then its own fields),
 * and an action's entries are replaced (`Map.set` of a new entry), never mutated. Held weakly: an
 * image no entry holds any more lets its text go with it.
 */
const texts = new WeakMap<object, string>();

/** `JSON.stringify(image)`, from the cache when this object was stringified before; undefined as it gives it. */
export function imageText(image: object): string | undefined {
  const known = texts.get(image);
  if (known !== undefined) return known;
  const text = JSON.stringify(image) as string | undefined;
  if (text !== undefined) texts.set(image, text);
  return text;
}

/** Whether this image's text is made already (a later save only joins it). */
export const hasImageText = (image: object): boolean => texts.has(image);
