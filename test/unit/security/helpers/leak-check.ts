/**
 * Collects everything a person or a log could ever read from a run (log lines, error messages and
 * stacks with their causes, reports, the emulator's recorded requests) and checks that no secret is
 * in it, nor anything that looks like an Authorization header with a value.
 */
import assert from 'node:assert/strict';
import type { Logger } from '../../../../src/cdf/logging';

/** Every line a logger was given, messages and arguments alike, at every level. */
export function captureAllLevels(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const text = (x: unknown): string =>
    x instanceof Error ? `${x.name}: ${x.message}\n${x.stack ?? ''}` : typeof x === 'string' ? x : JSON.stringify(x);
  const write =
    (level: string) =>
    (message: unknown, ...args: unknown[]) =>
      void lines.push(`[${level}] ${[message, ...args].map(text).join(' ')}`);
  return {
    lines,
    trace: write('trace'),
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}

/** What anyone could read of an error: its message, stack, own fields and causes, recursively. */
export function errorText(error: unknown, depth = 0): string {
  if (depth > 5) return '';
  if (!(error instanceof Error)) return typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
  let own = '';
  try {
    own = JSON.stringify(error);
  } catch {
    own = '';
  }
  const summary = (error as { summary?: unknown }).summary;
  return [
    error.name,
    error.message,
    error.stack ?? '',
    own,
    typeof summary === 'string' ? summary : '',
    errorText(error.cause, depth + 1),
  ].join('\n');
}

/** A bearer token, or an Authorization header, with its value still in it. */
const HEADER_WITH_VALUE =
  /\b(?:bearer|basic)\s+(?!\[REDACTED\])[A-Za-z0-9\-._~+/]{6,}|authorization["']?\s*[:=]\s*["']?(?!\[REDACTED\]|bearer\b)[^\s"',}]{6,}/i;

export function assertNoSecrets(where: string, text: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    const at = text.indexOf(secret);
    assert.equal(at, -1, `${where} contains a secret: …${text.slice(Math.max(0, at - 80), at + 20)}…`);
  }
  const header = HEADER_WITH_VALUE.exec(text);
  assert.equal(header, null, `${where} contains an Authorization value: ${header?.[0]}`);
}
