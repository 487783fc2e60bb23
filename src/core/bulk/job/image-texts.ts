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

/** Images stringified per turn of the event loop while idle: a few milliseconds, so answers are not held up. */
const SLICE = 1000;

/**
 * Makes the images' texts a slice at a time on timers, for a plan a person is still reading: the
 * save that must come before its first send then only joins them. Idle time, never the wire's.
 */
export function makeTextsWhileIdle(
  images: readonly object[],
  from = 0,
  round = idleRound,
  then: () => void = () => undefined,
): void {
  if (round !== idleRound) return;
  if (from >= images.length) return then();
  setTimeout(() => {
    if (round !== idleRound) return;
    for (let i = from; i < Math.min(images.length, from + SLICE); i++) imageText(images[i]!);
    makeTextsWhileIdle(images, from + SLICE, round, then);
  }, 0);
}

/** Runs `work` on a timer unless a job started sending since (see {@link stopTextsWhileIdle}). */
export function whileStillIdle(work: () => void, round = idleRound): void {
  setTimeout(() => round === idleRound && work(), 0);
}

/** Bumped when a job starts sending: the idle work of every plan made before stops there. */
let idleRound = 0;

/**
 * Stops the texts still being made while idle: a job is being sent, and its turns belong to its
 * requests. WHY: Apply pressed before they were all made, they would compete with the first reads;
 * the save before the first send then stringifies the action whole, as it would have.
 */
export function stopTextsWhileIdle(): void {
  idleRound++;
}

/**
 * Actions of up to this many records have their texts made ahead (about 0.7 KB a record). WHY a
 * limit: the texts live as long as the images, beside them; for a larger action the memory is worth
 * more than the milliseconds, and each save stringifies it whole.
 */
export const TEXTS_AHEAD_MAX_RECORDS = 100_000;

/** A plan's images (see {@link makeTextsWhileIdle}): the save before its first send joins them. */
export function makePlanTextsWhileIdle(
  plan: { preImages: readonly object[]; afterImages: readonly object[] },
  then: () => void = () => undefined,
): void {
  if (plan.preImages.length <= TEXTS_AHEAD_MAX_RECORDS)
    makeTextsWhileIdle([...plan.preImages, ...plan.afterImages], 0, idleRound, () => whileStillIdle(then));
}
