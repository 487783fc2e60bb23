/** Number formatting for the README table: few digits, units a reader expects. */

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export const millis = (ms: number): string => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(ms < 100 ? 1 : 0)} ms`;

export const micros = (us: number): string => `${us < 100 ? us.toFixed(1) : Math.round(us).toLocaleString('en-US')} µs`;

export const count = (n: number): string => n.toLocaleString('en-US');

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(n < 10 * 1024 ** 2 ? 1 : 0)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

export const duration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
};

/**
 * How ours compares, from `peer / ours` of a cost (time, bytes, memory): "2.4× faster" when the
 * peer costs more, "1.3× slower" when it costs less.
 */
export function versus(peerOverOurs: number | undefined, better = 'faster', worse = 'slower'): string {
  if (peerOverOurs === undefined || !Number.isFinite(peerOverOurs) || peerOverOurs <= 0) return '–';
  if (peerOverOurs >= 1) return `${peerOverOurs.toFixed(2)}× ${better}`;
  return `${(1 / peerOverOurs).toFixed(2)}× ${worse}`;
}
