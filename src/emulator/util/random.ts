/**
 * Small deterministic random tools. The demo data, new ids and injected faults must repeat exactly
 * under the same seed (tests and benchmarks compare runs), so nothing here touches Math.random.
 */

/** A 32-bit integer hash (murmur3's finaliser): mixes any int into a well-spread one. */
export function mix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hashes several numbers (each used as 32 bits) into one 32-bit seed. */
export function hashInts(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) h = mix32(h ^ mix32(v | 0) ^ mix32(Math.floor(v / 0x100000000)));
  return h;
}

/** Hashes a string into 32 bits (FNV-1a, then mixed). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** A seeded generator of floats in [0, 1) (mulberry32: tiny, fast, good enough for test data). */
export interface Random {
  (): number;
}
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const randomInt = (rnd: Random, min: number, maxInclusive: number): number =>
  min + Math.floor(rnd() * (maxInclusive - min + 1));

export function pick<T>(rnd: Random, items: readonly T[]): T {
  const item = items[Math.floor(rnd() * items.length)];
  if (item === undefined) throw new Error('pick() from an empty list');
  return item;
}

/** Picks by weight: `[[value, weight], ...]`. */
export function pickWeighted<T>(rnd: Random, items: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rnd() * total;
  for (const [value, w] of items) {
    r -= w;
    if (r < 0) return value;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted() from an empty list');
  return last[0];
}

/** Picks `count` distinct items (or all of them when there are fewer). */
export function pickDistinct<T>(rnd: Random, items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(rnd() * items.length));
  return [...chosen].map((i) => items[i] as T);
}

const HALF_BITS = 26;
const HALF_MASK = (1 << HALF_BITS) - 1;

/**
 * A bijection on [0, 2^52): a 4-round Feistel network keyed by the seed. Demo file `i` gets id
 * `base + permute52(i)`, so ids look random like CDF's yet are unique without a lookup table.
 */
export function permute52(index: number, seed: number): number {
  let left = Math.floor(index / 2 ** HALF_BITS) & HALF_MASK;
  let right = index & HALF_MASK;
  for (let round = 0; round < 4; round++) {
    const f = hashInts(seed, round, right) & HALF_MASK;
    [left, right] = [right, (left ^ f) & HALF_MASK];
  }
  return left * 2 ** HALF_BITS + right;
}
