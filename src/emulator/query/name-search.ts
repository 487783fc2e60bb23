import type { FileRecord } from '../../cdf/model';

/** Lower-case words of a file name or a query: "A10-PID-0012 Inlet sep.pdf" → a10, pid, 0012, inlet, sep, pdf. */
export const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');

/**
 * A relevance score for `search.name`, in the spirit of CDF's fuzzy name search: whole query found
 * in the name scores most, then each query word that is a word of the name, starts one, or occurs
 * in it. 0 = no match (left out). The exact ranking of CDF is not public; the order here is stable.
 */
export function nameScore(name: string, query: string, queryWords: readonly string[]): number {
  const lower = name.toLowerCase();
  // Every way to score needs a query word inside the name: check that cheaply before splitting it.
  if (!queryWords.some((q) => lower.includes(q))) return 0;
  let score = lower.includes(query.toLowerCase().trim()) ? 10 : 0;
  const nameWords = words(name);
  for (const q of queryWords) {
    if (nameWords.includes(q)) score += 4;
    else if (nameWords.some((w) => w.startsWith(q))) score += 2;
    else if (lower.includes(q)) score += 1;
  }
  if (queryWords.length > 0 && score === 0) return 0;
  return score;
}

/** The best `limit` records by score (ties: id order, which `records` is already in). */
export function rankByName(records: Iterable<FileRecord>, query: string, limit: number): FileRecord[] {
  const queryWords = words(query);
  const scored: { record: FileRecord; score: number }[] = [];
  for (const record of records) {
    const score = nameScore(record.name, query, queryWords);
    if (score > 0) scored.push({ record, score });
  }
  // Array.prototype.sort is stable: equal scores keep id order.
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((s) => s.record);
}
